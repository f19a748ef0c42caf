using CyberNormPortal.Domain.Capacity;
using CyberNormPortal.Domain.Cycles;
using CyberNormPortal.Domain.Entries;
using CyberNormPortal.Domain.Groups;
using CyberNormPortal.Domain.Norms;
using CyberNormPortal.Domain.Reports;
using CyberNormPortal.Domain.States;
using CyberNormPortal.Domain.Synthesis;
using CyberNormPortal.Web.Auditing;
using CyberNormPortal.Web.Identity;
using CyberNormPortal.Web.Mail;
using CyberNormPortal.Web.Reports;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace CyberNormPortal.Web.Data;

public sealed class PortalDbContext(DbContextOptions<PortalDbContext> options)
    : IdentityDbContext<PortalUser>(options), IDataProtectionKeyContext
{
    /// <summary>Data-protection keys, shared by every instance so cookies and forms survive restarts and load balancing.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<Norm> Norms => Set<Norm>();

    public DbSet<NormText> NormTexts => Set<NormText>();

    public DbSet<State> States => Set<State>();

    public DbSet<Group> Groups => Set<Group>();

    public DbSet<GroupMembership> GroupMemberships => Set<GroupMembership>();

    public DbSet<ReportingCycle> Cycles => Set<ReportingCycle>();

    public DbSet<Entry> Entries => Set<Entry>();

    public DbSet<Revision> Revisions => Set<Revision>();

    public DbSet<ReviewEvent> ReviewEvents => Set<ReviewEvent>();

    public DbSet<SynthesisStatement> SynthesisStatements => Set<SynthesisStatement>();

    public DbSet<Invitation> Invitations => Set<Invitation>();

    /// <summary>Append-only: <see cref="SaveChangesAsync(bool, CancellationToken)"/> refuses to change or delete a record.</summary>
    public DbSet<AuditRecord> AuditRecords => Set<AuditRecord>();

    public DbSet<OutgoingMail> OutgoingMail => Set<OutgoingMail>();

    public DbSet<Questionnaire> Questionnaires => Set<Questionnaire>();

    public DbSet<ChecklistAction> ChecklistActions => Set<ChecklistAction>();

    public DbSet<NationalReport> Reports => Set<NationalReport>();

    public DbSet<ReportPart> ReportParts => Set<ReportPart>();

    public DbSet<ReportVersion> ReportVersions => Set<ReportVersion>();

    public DbSet<ReportEvent> ReportEvents => Set<ReportEvent>();

    public DbSet<SentReminder> SentReminders => Set<SentReminder>();

    public DbSet<PublishedActionStatus> PublishedActionStatuses => Set<PublishedActionStatus>();

    public DbSet<PublishedReportPart> PublishedReportParts => Set<PublishedReportPart>();

    public DbSet<Organisation> Organisations => Set<Organisation>();

    /// <summary>Capacity needs and offers (docs/decisions/0017-capacity-building.md).</summary>
    public DbSet<CapacityItem> CapacityItems => Set<CapacityItem>();

    public DbSet<CapacityEvent> CapacityEvents => Set<CapacityEvent>();

    public DbSet<CapacityMatch> CapacityMatches => Set<CapacityMatch>();

    public DbSet<MatchEvent> MatchEvents => Set<MatchEvent>();

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        RefuseAuditRewrites();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        RefuseAuditRewrites();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        // Lets one GIN index hold plain columns next to the search vector (see PublishedEntryConfiguration).
        builder.HasPostgresExtension("btree_gin");
        builder.ApplyConfigurationsFromAssembly(typeof(PortalDbContext).Assembly);
        TextSearch.Map(builder);
    }

    private void RefuseAuditRewrites()
    {
        if (ChangeTracker.Entries<AuditRecord>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
        {
            throw new InvalidOperationException("The audit log is append-only: records cannot be changed or deleted.");
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums are stored by name, so the database reads on its own and reordering an enum is safe.
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);
    }
}

using CyberNormPortal.Domain.Capacity;
using CyberNormPortal.Domain.Reports;
using CyberNormPortal.Domain.States;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CyberNormPortal.Web.Data.Configurations;

internal sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> builder)
    {
        builder.Property(o => o.Name).HasMaxLength(FieldLengths.OrganisationName).IsRequired();
        builder.Property(o => o.Website).HasMaxLength(FieldLengths.Website);
        builder.HasIndex(o => o.Name).IsUnique();
    }
}

/// <summary>
/// Needs and offers in one table: norms, actions, categories, kinds, languages and regions are PostgreSQL arrays,
/// each filter served by a GIN index; the text search's expression index is created in the migration.
/// </summary>
internal sealed class CapacityItemConfiguration : IEntityTypeConfiguration<CapacityItem>
{
    public void Configure(EntityTypeBuilder<CapacityItem> builder)
    {
        builder.ToTable(t => t.HasCheckConstraint(
            "CK_CapacityItems_OneOwner",
            "(\"StateIso3\" IS NULL) <> (\"OrganisationId\" IS NULL)"));
        builder.Property(i => i.StateIso3).HasMaxLength(FieldLengths.Iso3).IsFixedLength();
        builder.Property(i => i.Title).HasMaxLength(FieldLengths.CapacityTitle).IsRequired();
        builder.Property(i => i.Description).HasMaxLength(FieldLengths.CapacityDescription).IsRequired();
        builder.Property(i => i.Timing).HasMaxLength(FieldLengths.CapacityTiming);
        builder.Property(i => i.SourceActionKey).HasMaxLength(FieldLengths.ItemKey);
        builder.Property(i => i.LastSavedByUserId).HasMaxLength(450).IsRequired();
        builder.Property(i => i.LastSavedByName).HasMaxLength(FieldLengths.PersonName).IsRequired();
        builder.Property<uint>(EntryConfiguration.VersionProperty).IsRowVersion();
        builder.Ignore(i => i.IsOrganisations);

        builder.HasOne<State>().WithMany().HasForeignKey(i => i.StateIso3).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(i => i.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<NationalReport>().WithMany().HasForeignKey(i => i.SourceReportId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(i => i.Events).WithOne().HasForeignKey(e => e.ItemId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(i => i.Events).UsePropertyAccessMode(PropertyAccessMode.Field);

        builder.HasIndex(i => new { i.Side, i.Status, i.PublishedAt });

        // The unfiltered list and the API read the newest published items first, a page at a time.
        builder.HasIndex(i => new { i.Status, i.PublishedAt, i.Id }).IsDescending(false, true, true);
        builder.HasIndex(i => i.StateIso3);
        builder.HasIndex(i => i.OrganisationId);
        builder.HasIndex(i => i.SourceReportId);
        builder.HasIndex(i => i.Norms).HasMethod("gin");
        builder.HasIndex(i => i.Kinds).HasMethod("gin");
        builder.HasIndex(i => i.Languages).HasMethod("gin");
        builder.HasIndex(i => i.Regions).HasMethod("gin");
        builder.HasIndex(i => i.Categories).HasMethod("gin");
    }
}

internal sealed class CapacityEventConfiguration : IEntityTypeConfiguration<CapacityEvent>
{
    public void Configure(EntityTypeBuilder<CapacityEvent> builder)
    {
        builder.Property(e => e.ActorUserId).HasMaxLength(450).IsRequired();
        builder.Property(e => e.ActorName).HasMaxLength(FieldLengths.PersonName).IsRequired();
        builder.Property(e => e.Reason).HasMaxLength(FieldLengths.ReviewReason);
        builder.HasIndex(e => new { e.ItemId, e.At });
    }
}

internal sealed class CapacityMatchConfiguration : IEntityTypeConfiguration<CapacityMatch>
{
    public void Configure(EntityTypeBuilder<CapacityMatch> builder)
    {
        builder.HasOne<CapacityItem>().WithMany().HasForeignKey(m => m.NeedId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<CapacityItem>().WithMany().HasForeignKey(m => m.OfferId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(m => new { m.NeedId, m.OfferId }).IsUnique();
        builder.HasIndex(m => m.OfferId);
        builder.HasIndex(m => new { m.Status, m.UpdatedAt });
        builder.Property(m => m.NeedSideConsentedBy).HasMaxLength(FieldLengths.PersonName);
        builder.Property(m => m.OfferSideConsentedBy).HasMaxLength(FieldLengths.PersonName);
        builder.Property(m => m.ClosedReason).HasMaxLength(FieldLengths.MatchNote);
        builder.Property(m => m.Outcome).HasMaxLength(FieldLengths.MatchNote);
        builder.Property<uint>(EntryConfiguration.VersionProperty).IsRowVersion();
        builder.Ignore(m => m.BothConsented);
        builder.HasMany(m => m.Events).WithOne().HasForeignKey(e => e.MatchId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(m => m.Events).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class MatchEventConfiguration : IEntityTypeConfiguration<MatchEvent>
{
    public void Configure(EntityTypeBuilder<MatchEvent> builder)
    {
        builder.Property(e => e.ActorUserId).HasMaxLength(450).IsRequired();
        builder.Property(e => e.ActorName).HasMaxLength(FieldLengths.PersonName).IsRequired();
        builder.Property(e => e.Note).HasMaxLength(FieldLengths.MatchNote);
        builder.HasIndex(e => new { e.MatchId, e.At });
    }
}

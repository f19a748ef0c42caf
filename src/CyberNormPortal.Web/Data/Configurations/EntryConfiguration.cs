using CyberNormPortal.Domain.Cycles;
using CyberNormPortal.Domain.Entries;
using CyberNormPortal.Domain.Groups;
using CyberNormPortal.Domain.Norms;
using CyberNormPortal.Domain.States;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CyberNormPortal.Web.Data.Configurations;

public sealed class EntryConfiguration : IEntityTypeConfiguration<Entry>
{
    public const string VersionProperty = "Version";

    public void Configure(EntityTypeBuilder<Entry> builder)
    {
        builder.ToTable(t => t.HasCheckConstraint(
            "CK_Entries_OneAuthor",
            "(\"StateIso3\" IS NULL) <> (\"GroupId\" IS NULL)"));

        builder.Property(e => e.StateIso3).HasMaxLength(FieldLengths.Iso3).IsFixedLength();
        builder.Property(e => e.ExternalKey).HasMaxLength(120);
        builder.Ignore(e => e.IsPublic);

        // PostgreSQL's xmin as the concurrency token: a save based on an outdated read fails instead of overwriting.
        builder.Property<uint>(VersionProperty).IsRowVersion();
        builder.Ignore(e => e.LatestRevision);

        builder.HasOne<Norm>().WithMany().HasForeignKey(e => e.NormNumber).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ReportingCycle>().WithMany().HasForeignKey(e => e.CycleId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<State>().WithMany().HasForeignKey(e => e.StateIso3).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Group>().WithMany().HasForeignKey(e => e.GroupId).OnDelete(DeleteBehavior.Restrict);

        builder.HasMany(e => e.Revisions).WithOne().HasForeignKey(r => r.EntryId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(e => e.Revisions).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(e => e.ReviewEvents).WithOne().HasForeignKey(r => r.EntryId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(e => e.ReviewEvents).UsePropertyAccessMode(PropertyAccessMode.Field);

        builder.HasIndex(e => e.ExternalKey).IsUnique().HasFilter("\"ExternalKey\" IS NOT NULL");
        builder.HasIndex(e => e.CycleId);
        builder.HasIndex(e => e.StateIso3);
        builder.HasIndex(e => e.GroupId);
        builder.HasIndex(e => e.Status);

        // What readers list: published entries by norm, newest first. Partial, so drafts cost nothing.
        builder.HasIndex(e => new { e.NormNumber, e.PublishedAt })
            .HasDatabaseName("IX_Entries_Public_Norm")
            .HasFilter("\"PublishedRevisionNumber\" IS NOT NULL");
        builder.HasIndex(e => new { e.StateIso3, e.NormNumber })
            .HasDatabaseName("IX_Entries_Public_State")
            .HasFilter("\"PublishedRevisionNumber\" IS NOT NULL");
        builder.HasIndex(e => new { e.CycleId, e.NormNumber })
            .HasDatabaseName("IX_Entries_Public_Cycle")
            .HasFilter("\"PublishedRevisionNumber\" IS NOT NULL");
        builder.HasIndex(e => e.NormNumber);
    }
}

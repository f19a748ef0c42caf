using CyberNormPortal.Domain.Entries;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NpgsqlTypes;

namespace CyberNormPortal.Web.Data.Configurations;

public sealed class RevisionConfiguration : IEntityTypeConfiguration<Revision>
{
    /// <summary>The stored full-text vector of a revision: title weighs most (A), then summary (B), then body (C).</summary>
    public const string SearchVectorProperty = "SearchVector";

    /// <summary>The text-search configuration: English stemming ("protect" finds "protection").</summary>
    public const string SearchConfiguration = "english";

    public void Configure(EntityTypeBuilder<Revision> builder)
    {
        builder.HasIndex(r => new { r.EntryId, r.Number }).IsUnique();
        builder.Property(r => r.Title).HasMaxLength(FieldLengths.EntryTitle).IsRequired();
        builder.Property(r => r.Summary).HasMaxLength(FieldLengths.EntrySummary).IsRequired();
        builder.Property(r => r.Body).HasMaxLength(FieldLengths.EntryBody).IsRequired();
        builder.Property(r => r.Language).HasMaxLength(FieldLengths.LanguageTag).IsRequired();
        builder.Property(r => r.SavedByUserId).HasMaxLength(FieldLengths.UserId);
        builder.Property(r => r.SavedByName).HasMaxLength(FieldLengths.PersonName).IsRequired();

        builder.Property<NpgsqlTsVector>(SearchVectorProperty)
            .HasComputedColumnSql(
                "setweight(to_tsvector('english'::regconfig, coalesce(\"Title\", '')), 'A') || " +
                "setweight(to_tsvector('english'::regconfig, coalesce(\"Summary\", '')), 'B') || " +
                "setweight(to_tsvector('english'::regconfig, coalesce(\"Body\", '')), 'C')",
                stored: true);

        // Stored as a PostgreSQL text[] of category names.
        builder.PrimitiveCollection(r => r.PracticeCategories)
            .ElementType(e => e.HasConversion<string>());

        builder.OwnsMany(r => r.References, references =>
        {
            references.ToJson();
            references.Property(x => x.Title).HasMaxLength(FieldLengths.ReferenceTitle);
            references.Property(x => x.Url).HasMaxLength(FieldLengths.WebAddress);
            references.Property(x => x.Kind).HasConversion<string>();
        });
    }
}

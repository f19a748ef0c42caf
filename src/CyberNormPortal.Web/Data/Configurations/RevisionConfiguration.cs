using CyberNormPortal.Domain.Entries;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NpgsqlTypes;

namespace CyberNormPortal.Web.Data.Configurations;

public sealed class RevisionConfiguration : IEntityTypeConfiguration<Revision>
{
    /// <summary>
    /// The stored full-text vector of a revision: its original and every translation, each with the configuration of
    /// its language (<see cref="TextSearch"/>); title weighs most (A), then summary (B), then body (C).
    /// </summary>
    public const string SearchVectorProperty = "SearchVector";

    /// <summary>SQL of the vector: one function, declared IMMUTABLE, so the column can be a stored generated one.</summary>
    public const string SearchVectorSql =
        "\"RevisionSearchVector\"(\"Language\", \"Title\", \"Summary\", \"Body\", \"Translations\")";

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
            .HasComputedColumnSql(SearchVectorSql, stored: true);

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

        // Stored as a jsonb array of {Language, Title, Summary, Body}; the search vector reads it too.
        builder.OwnsMany(r => r.Translations, translations =>
        {
            translations.ToJson();
            translations.Property(x => x.Language).HasMaxLength(FieldLengths.LanguageTag);
            translations.Property(x => x.Title).HasMaxLength(FieldLengths.EntryTitle);
            translations.Property(x => x.Summary).HasMaxLength(FieldLengths.EntrySummary);
            translations.Property(x => x.Body).HasMaxLength(FieldLengths.EntryBody);
        });
        builder.Ignore(r => r.Languages);
        builder.Ignore(r => r.Texts);
    }
}

using CyberNormPortal.Web.Data.Queries;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NpgsqlTypes;

namespace CyberNormPortal.Web.Data.Configurations;

/// <summary>
/// The <c>PublishedEntries</c> read table: one row per published entry with its published revision's text,
/// its author's name and region, its cycle's name and the search vector. A deferred trigger on <c>Entries</c>
/// (migration <c>PublishedEntriesReadTable</c>) rewrites an entry's row when the transaction that published,
/// edited or withdrew it commits; renaming a State, group or cycle updates the names. The application only reads it.
/// </summary>
public sealed class PublishedEntryConfiguration : IEntityTypeConfiguration<PublishedEntry>
{
    public const string TableName = "PublishedEntries";

    /// <summary>SQL function rewriting the rows of the given entry ids from their sources.</summary>
    public const string RefreshFunction = "RefreshPublishedEntries";

    /// <summary>The deferred trigger on <c>Entries</c> that calls <see cref="RefreshFunction"/> at commit.</summary>
    public const string EntriesTrigger = "TR_Entries_RefreshPublishedEntries";

    /// <summary>A copy of the published revision's weighted vector (title A, summary B, body C) over all its languages.</summary>
    public const string SearchVectorProperty = "SearchVector";

    public void Configure(EntityTypeBuilder<PublishedEntry> builder)
    {
        builder.ToTable(TableName);
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Ignore(e => e.Rank);

        builder.Property(e => e.StateIso3).HasMaxLength(FieldLengths.Iso3).IsFixedLength();
        builder.Property(e => e.CycleName).HasMaxLength(FieldLengths.CycleName);
        builder.Property(e => e.CycleSlug).HasMaxLength(FieldLengths.CycleSlug);
        builder.Property(e => e.Title).HasMaxLength(FieldLengths.EntryTitle);
        builder.Property(e => e.Summary).HasMaxLength(FieldLengths.EntrySummary);
        builder.Property(e => e.Language).HasMaxLength(FieldLengths.LanguageTag);
        builder.Property(e => e.AuthorName).HasMaxLength(120);
        builder.PrimitiveCollection(e => e.Languages);
        builder.OwnsMany(e => e.Translations, translations =>
        {
            translations.ToJson();
            translations.Property(x => x.Language).HasMaxLength(FieldLengths.LanguageTag);
            translations.Property(x => x.Title).HasMaxLength(FieldLengths.EntryTitle);
            translations.Property(x => x.Summary).HasMaxLength(FieldLengths.EntrySummary);
        });
        builder.PrimitiveCollection(e => e.PracticeCategories).ElementType(e => e.HasConversion<string>());
        builder.PrimitiveCollection(e => e.ReportingStates);
        builder.PrimitiveCollection(e => e.Regions).ElementType(e => e.HasConversion<string>());
        builder.PrimitiveCollection(e => e.Groups);
        builder.Property<NpgsqlTsVector>(SearchVectorProperty).IsRequired();

        // Every filter of search, the synthesis and the API in one GIN index (scalars through btree_gin): PostgreSQL
        // intersects any combination of them inside the index, so a common word with two filters reads only the
        // entries that match all three. A multicolumn GIN index serves any subset of its columns equally well.
        builder.HasIndex(
                SearchVectorProperty, nameof(PublishedEntry.NormNumber), nameof(PublishedEntry.ReportingStates),
                nameof(PublishedEntry.Regions), nameof(PublishedEntry.Groups), nameof(PublishedEntry.CycleSlug),
                nameof(PublishedEntry.Kind), nameof(PublishedEntry.PracticeCategories), nameof(PublishedEntry.Languages),
                nameof(PublishedEntry.PublishedAt))
            .HasDatabaseName("IX_PublishedEntries_Filters")
            .HasMethod("GIN");

        // Newest first, as the API, the feeds and "newest" searches list them; a norm's and a State's entries.
        builder.HasIndex(e => new { e.Visibility, e.PublishedAt, e.Id }).IsDescending(false, true, true);
        builder.HasIndex(e => new { e.NormNumber, e.PublishedAt });
        builder.HasIndex(e => new { e.StateIso3, e.NormNumber, e.Visibility });
        builder.HasIndex(e => new { e.CycleId, e.NormNumber });
        builder.HasIndex(e => e.GroupId);
    }
}

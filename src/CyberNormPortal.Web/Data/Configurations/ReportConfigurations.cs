using System.Text.Json;
using CyberNormPortal.Domain.Cycles;
using CyberNormPortal.Domain.Norms;
using CyberNormPortal.Domain.Reports;
using CyberNormPortal.Domain.States;
using CyberNormPortal.Web.Identity;
using CyberNormPortal.Web.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CyberNormPortal.Web.Data.Configurations;

/// <summary>Answers are stored as jsonb documents: read and written whole, with the part or version they belong to.</summary>
internal static class JsonDocuments
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.General);

    private sealed record StoredAnswers(List<QuestionAnswer> Questions, List<ActionAnswer> Actions);

    private sealed record StoredPart(string PartKey, Domain.Entries.TlpLabel Visibility, StoredAnswers Answers);

    public static readonly ValueConverter<PartAnswers, string> Answers = new(
        a => JsonSerializer.Serialize(ToStored(a), Options),
        s => FromStored(JsonSerializer.Deserialize<StoredAnswers>(s, Options)!));

    public static readonly ValueConverter<List<PartSnapshot>, string> Snapshots = new(
        parts => JsonSerializer.Serialize(parts.Select(p => new StoredPart(p.PartKey, p.Visibility, ToStored(p.Answers))).ToList(), Options),
        s => JsonSerializer.Deserialize<List<StoredPart>>(s, Options)!.Select(p => new PartSnapshot(p.PartKey, p.Visibility, FromStored(p.Answers))).ToList());

    public static ValueComparer<T> Comparer<T>(ValueConverter<T, string> converter)
        where T : class
    {
        var write = (Func<T, string>)converter.ConvertToProviderExpression.Compile();
        var read = (Func<string, T>)converter.ConvertFromProviderExpression.Compile();
        return new ValueComparer<T>(
            (a, b) => ReferenceEquals(a, b) || (a != null && b != null && write(a) == write(b)),
            v => write(v).GetHashCode(StringComparison.Ordinal),
            v => read(write(v)));
    }

    private static StoredAnswers ToStored(PartAnswers a) => new([.. a.Questions], [.. a.Actions]);

    private static PartAnswers FromStored(StoredAnswers s) => new(s.Questions ?? [], s.Actions ?? []);
}

internal sealed class QuestionnaireConfiguration : IEntityTypeConfiguration<Questionnaire>
{
    /// <summary>The row version (xmin): a change and a State starting to answer cannot both win.</summary>
    public const string RowVersionProperty = "RowVersion";

    public void Configure(EntityTypeBuilder<Questionnaire> builder)
    {
        builder.HasOne<ReportingCycle>().WithMany().HasForeignKey(q => q.CycleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(q => new { q.CycleId, q.Version }).IsUnique();
        builder.Ignore(q => q.IsFrozen);
        builder.Ignore(q => q.OrderedParts);
        builder.Property<uint>(RowVersionProperty).IsRowVersion();
        builder.HasMany(q => q.Parts).WithOne().HasForeignKey(p => p.QuestionnaireId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(q => q.Parts).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(q => q.Actions).WithOne().HasForeignKey(a => a.QuestionnaireId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(q => q.Actions).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class QuestionnairePartConfiguration : IEntityTypeConfiguration<QuestionnairePart>
{
    public void Configure(EntityTypeBuilder<QuestionnairePart> builder)
    {
        builder.ToTable("QuestionnaireParts");
        builder.Property(p => p.Key).HasMaxLength(FieldLengths.ItemKey).IsRequired();
        builder.Property(p => p.Title).HasMaxLength(FieldLengths.QuestionText).IsRequired();
        builder.Property(p => p.Guidance).HasMaxLength(FieldLengths.Guidance).IsRequired();
        builder.HasIndex(p => new { p.QuestionnaireId, p.Key }).IsUnique();
        builder.Ignore(p => p.OrderedQuestions);
        builder.HasMany(p => p.Questions).WithOne().HasForeignKey(q => q.PartId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(p => p.Questions).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class QuestionConfiguration : IEntityTypeConfiguration<Question>
{
    public void Configure(EntityTypeBuilder<Question> builder)
    {
        builder.ToTable("Questions");
        builder.Property(q => q.Key).HasMaxLength(FieldLengths.ItemKey).IsRequired();
        builder.Property(q => q.Text).HasMaxLength(FieldLengths.QuestionText).IsRequired();
        builder.Ignore(q => q.IsChoice);
        builder.HasIndex(q => new { q.PartId, q.Key }).IsUnique();
    }
}

internal sealed class ChecklistActionConfiguration : IEntityTypeConfiguration<ChecklistAction>
{
    public void Configure(EntityTypeBuilder<ChecklistAction> builder)
    {
        builder.Property(a => a.Key).HasMaxLength(FieldLengths.ItemKey).IsRequired();
        builder.Property(a => a.Text).HasMaxLength(FieldLengths.QuestionText).IsRequired();
        builder.Property(a => a.Source).HasMaxLength(FieldLengths.ActionSource).IsRequired();
        builder.HasOne<Norm>().WithMany().HasForeignKey(a => a.NormNumber).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.QuestionnaireId, a.Key }).IsUnique();
        builder.HasIndex(a => a.NormNumber);
    }
}

internal sealed class NationalReportConfiguration : IEntityTypeConfiguration<NationalReport>
{
    public void Configure(EntityTypeBuilder<NationalReport> builder)
    {
        builder.ToTable("Reports");
        builder.Property(r => r.StateIso3).HasMaxLength(FieldLengths.Iso3).IsFixedLength();
        builder.Ignore(r => r.IsPublic);
        builder.Ignore(r => r.LastEditedPart);
        builder.Ignore(r => r.PublishedVersion);

        // Only workflow steps write the report row: saving a part writes the part's row, so two contributors can
        // save different parts at once, and a step taken on an outdated read fails.
        builder.Property<uint>(EntryConfiguration.VersionProperty).IsRowVersion();

        builder.HasOne<ReportingCycle>().WithMany().HasForeignKey(r => r.CycleId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<State>().WithMany().HasForeignKey(r => r.StateIso3).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Questionnaire>().WithMany().HasForeignKey(r => r.QuestionnaireId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<NationalReport>().WithMany().HasForeignKey(r => r.CopiedFromReportId).OnDelete(DeleteBehavior.SetNull);

        // One report per State and cycle: a second "start" loses the race and reads the first.
        builder.HasIndex(r => new { r.CycleId, r.StateIso3 }).IsUnique();
        builder.HasIndex(r => r.StateIso3);
        builder.HasIndex(r => r.Status);
        builder.HasIndex(r => r.QuestionnaireId);
        builder.HasIndex(r => r.CopiedFromReportId);

        builder.HasMany(r => r.Parts).WithOne().HasForeignKey(p => p.ReportId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.Parts).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(r => r.Events).WithOne().HasForeignKey(e => e.ReportId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.Events).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(r => r.Versions).WithOne().HasForeignKey(v => v.ReportId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.Versions).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class ReportPartConfiguration : IEntityTypeConfiguration<ReportPart>
{
    public void Configure(EntityTypeBuilder<ReportPart> builder)
    {
        builder.Property(p => p.PartKey).HasMaxLength(FieldLengths.ItemKey).IsRequired();
        builder.Property(p => p.Answers).HasColumnType("jsonb").HasConversion(JsonDocuments.Answers, JsonDocuments.Comparer(JsonDocuments.Answers));
        builder.Property(p => p.UpdatedByUserId).HasMaxLength(FieldLengths.UserId);
        builder.Property(p => p.UpdatedByName).HasMaxLength(FieldLengths.PersonName);
        builder.Property<uint>(EntryConfiguration.VersionProperty).IsRowVersion();
        builder.HasIndex(p => new { p.ReportId, p.PartKey }).IsUnique();
    }
}

internal sealed class ReportVersionConfiguration : IEntityTypeConfiguration<ReportVersion>
{
    public void Configure(EntityTypeBuilder<ReportVersion> builder)
    {
        builder.Property(v => v.Parts).HasColumnType("jsonb").HasConversion(JsonDocuments.Snapshots, JsonDocuments.Comparer(JsonDocuments.Snapshots));
        builder.Property(v => v.PublishedByName).HasMaxLength(FieldLengths.PersonName).IsRequired();
        builder.HasOne<Questionnaire>().WithMany().HasForeignKey(v => v.QuestionnaireId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(v => new { v.ReportId, v.Number }).IsUnique();
        builder.HasIndex(v => v.QuestionnaireId);
    }
}

internal sealed class ReportEventConfiguration : IEntityTypeConfiguration<ReportEvent>
{
    public void Configure(EntityTypeBuilder<ReportEvent> builder)
    {
        builder.Property(e => e.ActorUserId).HasMaxLength(FieldLengths.UserId).IsRequired();
        builder.Property(e => e.ActorName).HasMaxLength(FieldLengths.PersonName).IsRequired();
        builder.Property(e => e.Reason).HasMaxLength(FieldLengths.ReviewReason);
        builder.HasIndex(e => new { e.ReportId, e.At });
    }
}

internal sealed class SentReminderConfiguration : IEntityTypeConfiguration<SentReminder>
{
    public void Configure(EntityTypeBuilder<SentReminder> builder)
    {
        builder.Property(r => r.Key).HasMaxLength(200).IsRequired();
        builder.Property(r => r.StateIso3).HasMaxLength(FieldLengths.Iso3).IsFixedLength();
        builder.Property(r => r.UserId).HasMaxLength(FieldLengths.UserId).IsRequired();
        builder.Property(r => r.Subject).HasMaxLength(300).IsRequired();
        builder.Property(r => r.Language).HasMaxLength(FieldLengths.LanguageTag).IsRequired();
        builder.HasOne<ReportingCycle>().WithMany().HasForeignKey(r => r.CycleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);

        // Sent once: every instance inserts with the same key, and only one insert wins.
        builder.HasIndex(r => r.Key).IsUnique();
        builder.HasIndex(r => new { r.UserId, r.SentAt });
        builder.HasIndex(r => new { r.CycleId, r.StateIso3 });
    }
}

internal sealed class PublishedActionStatusConfiguration : IEntityTypeConfiguration<PublishedActionStatus>
{
    public void Configure(EntityTypeBuilder<PublishedActionStatus> builder)
    {
        builder.ToTable("PublishedActionStatuses");
        builder.HasKey(a => new { a.ReportId, a.ActionKey });
        builder.Property(a => a.ActionKey).HasMaxLength(FieldLengths.ItemKey);
        builder.Property(a => a.StateIso3).HasMaxLength(FieldLengths.Iso3).IsFixedLength();
        builder.HasOne<NationalReport>().WithMany().HasForeignKey(a => a.ReportId).OnDelete(DeleteBehavior.Cascade);

        // The cycle's counts per norm and action, and the States behind each number.
        builder.HasIndex(a => new { a.CycleId, a.NormNumber, a.ActionKey, a.Status });
        builder.HasIndex(a => new { a.CycleId, a.StateIso3 });
    }
}

internal sealed class PublishedReportPartConfiguration : IEntityTypeConfiguration<PublishedReportPart>
{
    public const string SearchVectorProperty = "SearchVector";

    public void Configure(EntityTypeBuilder<PublishedReportPart> builder)
    {
        builder.ToTable("PublishedReportParts");
        builder.HasKey(p => new { p.ReportId, p.PartKey });
        builder.Property(p => p.PartKey).HasMaxLength(FieldLengths.ItemKey);
        builder.Property(p => p.StateIso3).HasMaxLength(FieldLengths.Iso3).IsFixedLength();
        builder.Property(p => p.Text).IsRequired();
        builder.HasOne<NationalReport>().WithMany().HasForeignKey(p => p.ReportId).OnDelete(DeleteBehavior.Cascade);
        builder.Property<NpgsqlTypes.NpgsqlTsVector>(SearchVectorProperty)
            .HasComputedColumnSql("to_tsvector('simple', \"Text\")", stored: true);
        builder.HasIndex(SearchVectorProperty).HasMethod("GIN");
        builder.HasIndex(p => new { p.CycleId, p.StateIso3 });
        builder.HasIndex(p => p.PublishedAt);
    }
}

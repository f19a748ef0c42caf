using System.Globalization;
using System.Reflection;
using System.Resources;
using System.Text.RegularExpressions;
using CyberNormPortal.Domain.Common;
using CyberNormPortal.Domain.Entries;
using CyberNormPortal.Domain.States;
using CyberNormPortal.Web.Localization;
using CyberNormPortal.Web.Pages.Shared;
using CyberNormPortal.Web.Validation;

namespace CyberNormPortal.Web.IntegrationTests.Localization;

/// <summary>Every piece of UI text goes through the localizer and has an English resource.</summary>
public sealed partial class EnglishResourcesTests
{
    private static readonly ResourceManager Resources =
        new("CyberNormPortal.Web.Resources.SharedResource", typeof(SharedResource).Assembly);

    private static readonly CultureInfo English = new("en");

    [Fact]
    public void EveryStringPagesAskTheLocalizerFor_HasAnEnglishResource()
    {
        var web = Path.Combine(Localization.Resources.RepositoryRoot(), "src", "CyberNormPortal.Web");
        var sources = Directory.EnumerateFiles(web, "*.cshtml", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(web, "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

        var keys = sources
            .SelectMany(f => LocalizerKey().Matches(File.ReadAllText(f)).Select(m => (File: Path.GetFileName(f), Key: m.Groups[1].Value.Replace("\\\"", "\"", StringComparison.Ordinal))))
            .ToList();

        Assert.True(keys.Count > 100, $"Only {keys.Count} localized strings found: is the pattern still right?");
        var missing = keys.Where(k => Resources.GetString(k.Key, English) is null).Select(k => $"{k.File}: {k.Key}").Distinct().ToList();
        Assert.True(missing.Count == 0, "Add these to Resources/SharedResource.resx:\n" + string.Join('\n', missing));
    }

    [Fact]
    public void EveryDomainLabel_HasAnEnglishResource()
    {
        var labels = Enum.GetValues<EntryKind>().SelectMany(k => new[] { Labels.Kind(k), Labels.KindPlural(k) })
            .Concat(Enum.GetValues<PracticeCategory>().Select(Labels.Category))
            .Concat(Enum.GetValues<RegionalGroup>().Select(Labels.Region))
            .Concat(Enum.GetValues<TlpLabel>().Select(Labels.TlpExplanation))
            .Concat(Enum.GetValues<InitiativeParticipation>().Select(Labels.Participation))
            .Concat(Enum.GetValues<WorkflowRefusal>().Select(Labels.Refusal))
            .Concat(Enum.GetValues<EntryStatus>().Select(Labels.Status))
            .Concat(Enum.GetValues<WorkflowAction>().SelectMany(a => new[] { Labels.Action(a), Labels.ActionButton(a) }))
            .Concat(Enum.GetValues<ReferenceKind>().Select(Labels.Reference))
            .Concat(Enum.GetValues<TlpLabel>().Select(Labels.Tlp))
            .Concat(Enum.GetValues<Domain.Reports.ChecklistStatus>().Select(Labels.Checklist))
            .Concat(Enum.GetValues<Domain.Reports.QuestionKind>().Select(Labels.QuestionKind))
            .Concat(Enum.GetValues<EntryStatus>().Select(Labels.ReportStatus))
            .Concat(Enum.GetValues<WorkflowAction>().Select(Labels.ReportActionButton));

        Assert.All(labels, label => Assert.NotNull(Resources.GetString(label, English)));
    }

    [Fact]
    public void EveryRefusalOfTheAccountService_HasAnEnglishResource() =>
        Assert.All(Accounts.AccountMessages.All, key => Assert.NotNull(Resources.GetString(key, English)));

    /// <summary>
    /// Messages the code holds as constants and localizes where it shows them (validators, domain refusals, Identity's
    /// and model binding's errors, page messages, the CSV header): every constant of a <c>…Messages</c> class and every
    /// <c>…Message</c> constant of the portal and its domain is a key with an English resource.
    /// </summary>
    [Fact]
    public void EveryMessageConstant_HasAnEnglishResource()
    {
        var types = typeof(SharedResource).Assembly.GetTypes().Concat(typeof(DomainMessages).Assembly.GetTypes());
        var keys = types
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static)
                .Where(f => f is { IsLiteral: true } && f.FieldType == typeof(string)
                            && (t.Name.EndsWith("Messages", StringComparison.Ordinal) || f.Name.EndsWith("Message", StringComparison.Ordinal)))
                .Select(f => (Name: $"{t.Name}.{f.Name}", Key: (string)f.GetRawConstantValue()!)))
            .Append((Name: nameof(Formats.ListPair), Key: Formats.ListPair))
            .Concat(Web.Pages.Search.ExportModel.Header.Select(column => (Name: "CSV header", Key: column)))
            .Concat(Web.Pages.Capacity.ExportModel.Header.Select(column => (Name: "capacity CSV header", Key: column)))
            .ToList();

        Assert.Contains(keys, k => k.Name == $"{nameof(ValidationMessages)}.{nameof(ValidationMessages.TitleTooLong)}");
        Assert.Contains(keys, k => k.Name == $"{nameof(DomainMessages)}.{nameof(DomainMessages.FourEyes)}");
        var missing = keys.Where(k => Resources.GetString(k.Key, English) is null).Select(k => $"{k.Name}: {k.Key}").ToList();
        Assert.True(missing.Count == 0, "Add these to Resources/SharedResource.resx:\n" + string.Join('\n', missing));
    }

    [GeneratedRegex(@"(?:\bL|localizer)\[""((?:[^""\\]|\\.)*)""")]
    private static partial Regex LocalizerKey();
}

using CyberNormPortal.Domain.Entries;
using CyberNormPortal.Web.Localization;
using CyberNormPortal.Web.Pages.Shared;
using CyberNormPortal.Web.Synthesis;
using Microsoft.Extensions.Localization;

namespace CyberNormPortal.Web.Exports;

/// <summary>One bullet of an exported synthesis: an entry as plain text, never markup.</summary>
public sealed record ExportBullet(int EntryId, string Title, string Summary, string Author, TlpLabel Visibility, string Url);

public sealed record ExportSection(string Heading, IReadOnlyList<ExportBullet> Bullets);

public sealed record ExportNorm(
    int Number,
    string Label,
    string GgeReference,
    string ShortTitle,
    string FullText,
    string? LeadStatement,
    string Coverage,
    string? Empty,
    string? More,
    IReadOnlyList<ExportSection> Sections);

/// <summary>
/// The synthesis of one scope as a format-neutral document: the same headings, sentences and attribution
/// the page shows, already localized, so the Markdown and Word writers cannot drift apart.
/// </summary>
public sealed record SynthesisDocument(
    string Title,
    string ScopeKey,
    IReadOnlyList<ExportNorm> Norms,
    IReadOnlyList<string> Attribution,
    IReadOnlyList<TlpLabel> LabelsIncluded)
{
    public IEnumerable<ExportBullet> Bullets => Norms.SelectMany(n => n.Sections).SelectMany(s => s.Bullets);

    /// <summary>True when any bullet is not TLP:CLEAR: the export must then be audited.</summary>
    public bool IsRestricted => LabelsIncluded.Any(l => l != TlpLabel.Clear);
}

public sealed class SynthesisDocumentBuilder(IStringLocalizer<SharedResource> localizer, TimeProvider clock)
{
    public SynthesisDocument Build(SynthesisView synthesis, SynthesisScope scope, SynthesisGrouping grouping, string siteUrl)
    {
        var norms = synthesis.Norms.Select(norm => new ExportNorm(
                norm.Number,
                localizer["Norm {0}", norm.Number],
                norm.GgeReference,
                norm.ShortTitle,
                norm.FullText,
                norm.LeadStatement,
                Coverage(synthesis, norm),
                norm.EntryCount == 0 ? localizer["No published entry on this norm in this scope yet."].Value : null,
                norm.EntryCount > norm.ShownCount
                    ? localizer["Showing the first {0} of {1} entries on this norm.", norm.ShownCount, norm.EntryCount].Value
                    : null,
                [.. norm.Sections.Select(section => new ExportSection(
                    section.Kind is { } kind ? localizer[Labels.KindPlural(kind)] : localizer[Labels.Category(section.Category!.Value)],
                    [.. section.Entries.Select(e => new ExportBullet(
                        e.Id,
                        e.Title,
                        e.Summary,
                        e.GroupId is null ? e.AuthorName : localizer["{0}, joint entry", e.AuthorName],
                        e.Visibility,
                        $"{siteUrl}/entries/{e.Id}"))]))]))
            .ToList();

        var labels = norms.SelectMany(n => n.Sections).SelectMany(s => s.Bullets).Select(b => b.Visibility)
            .Distinct().Order().ToList();
        var title = localizer["Synthesis: {0}", ScopeTitle(synthesis)];
        var now = clock.GetUtcNow();
        var attribution = new List<string>
        {
            localizer["Source: CyberNormPortal, {0}/synthesis{1}.", siteUrl, QueryOf(scope, grouping)],
            localizer["Generated on {0} (UTC).", $"{Formats.Date(now)} {Formats.Time(now)}"],
            localizer["Entries are the responsibility of the States that reported them."],
            labels.Count == 0
                ? localizer["This export contains no entries."]
                : localizer["Labels of the entries included: {0}.", Formats.List(localizer, labels.Select(Labels.Tlp))],
        };
        if (labels.Any(l => l != TlpLabel.Clear))
        {
            attribution.Add(localizer["This export contains entries that are not TLP:CLEAR: share it only as far as each entry's label allows."]);
        }

        return new SynthesisDocument(title, ScopeKey(scope, grouping), norms, attribution, labels);
    }

    /// <summary>The scope as the page titles it: group · cycle · region, or all of them.</summary>
    public string ScopeTitle(SynthesisView synthesis)
    {
        var parts = new List<string>();
        if (synthesis.GroupName is not null)
        {
            parts.Add(synthesis.GroupName);
        }

        if (synthesis.CycleName is not null)
        {
            parts.Add(synthesis.CycleName);
        }

        if (synthesis.Region is { } region)
        {
            parts.Add(localizer[Labels.Region(region)]);
        }

        return parts.Count > 0 ? string.Join(" · ", parts) : localizer["All States, all cycles"];
    }

    /// <summary>A file-name-safe name of the scope, e.g. "g7-g7-cni-2019" or "all".</summary>
    public static string ScopeKey(SynthesisScope scope, SynthesisGrouping grouping)
    {
        var parts = new[] { scope.GroupSlug, scope.CycleSlug, scope.Region?.ToString().ToLowerInvariant() }
            .Where(p => !string.IsNullOrEmpty(p))
            .Select(p => new string([.. p!.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-')]))
            .ToList();
        var key = parts.Count == 0 ? "all" : string.Join("-", parts);
        return grouping == SynthesisGrouping.Category ? key + "-by-category" : key;
    }

    private static string QueryOf(SynthesisScope scope, SynthesisGrouping grouping)
    {
        var query = new Dictionary<string, string?>
        {
            ["group"] = scope.GroupSlug,
            ["cycle"] = scope.CycleSlug,
            ["region"] = scope.Region?.ToString(),
            ["view"] = grouping == SynthesisGrouping.Category ? "category" : null,
        };
        return Microsoft.AspNetCore.Http.QueryString.Create(query.Where(p => p.Value is not null)).ToString();
    }

    private string Coverage(SynthesisView synthesis, SynthesisNorm norm) =>
        synthesis.ScopeStates == 0 ? localizer["No State is in this scope."]
        : norm.ReportingStates == 0 ? localizer["None of the {0} States in scope has published an entry on this norm yet.", synthesis.ScopeStates]
        : norm.ReportingStates == synthesis.ScopeStates ? localizer["All {0} States in scope have published entries on this norm.", synthesis.ScopeStates]
        : localizer["{0} of {1} States in scope have published entries on this norm.", norm.ReportingStates, synthesis.ScopeStates];
}

using System.Net;
using System.Text.Json.Nodes;
using CyberNormPortal.Web.IntegrationTests.Infrastructure;

namespace CyberNormPortal.Web.IntegrationTests.Filters;

/// <summary>
/// Every limit of the filter and scope parsers, tried on every surface that reads that parameter: each page shows the
/// same message next to the filter (and the rest of the page), each download and the API refuse the request with it
/// (the API's problem naming the parameter), a feed of something that does not exist is not found.
/// </summary>
public sealed class FilterLimitSurfaceTests(PortalFixture portal) : PortalTest(portal)
{
    private const string SearchPage = "search page";
    private const string SearchCsv = "search CSV";
    private const string SearchJson = "search JSON";
    private const string ApiEntries = "API entries";
    private const string Feeds = "feeds";
    private const string SynthesisPage = "synthesis page";
    private const string SynthesisMarkdown = "synthesis .md";
    private const string SynthesisWord = "synthesis .docx";
    private const string CoveragePage = "coverage page";
    private const string ApiSynthesis = "API synthesis";
    private const string ComparePage = "compare page";

    private static readonly string[] EntrySurfaces = [SearchPage, SearchCsv, SearchJson, ApiEntries];
    private static readonly string[] ScopeSurfaces = [SynthesisPage, SynthesisMarkdown, SynthesisWord, CoveragePage, ApiSynthesis];
    private static readonly string[] EntryAndScopeSurfaces = [.. EntrySurfaces, .. ScopeSurfaces];

    private static readonly string Long = new('a', 36);

    /// <summary>
    /// A limit: the parameter it is about, the query string that breaks it, the message every surface gives, the
    /// surfaces that read the parameter, and for feeds and compare the same value in their own form.
    /// </summary>
    private sealed record Limit(string Name, string Parameter, string Query, string Message, string[] Surfaces, string? FeedPath = null, string? States = null);

    private static readonly Limit[] Limits =
    [
        new("norm below 1", "norm", "norm=0", "There is no norm “0”: norms are numbered from 1 to 11.", [.. EntrySurfaces, Feeds], FeedPath: "/norms/0/feed.atom"),
        new("norm above Norm.Count", "norm", "norm=12", "There is no norm “12”: norms are numbered from 1 to 11.", [.. EntrySurfaces, Feeds], FeedPath: "/norms/12/feed.atom"),
        new("norm not a number", "norm", "norm=three", "There is no norm “three”: norms are numbered from 1 to 11.", EntrySurfaces),
        new("year before the first", "year", "year=1989", "“1989” is not a year from 1990 to 2100.", EntrySurfaces),
        new("year after the last", "year", "year=2101", "“2101” is not a year from 1990 to 2100.", EntrySurfaces),
        new("language unknown", "language", "language=xx", "“xx” is not a language entries are written in. Choose one from the list.", EntrySurfaces),
        new("language too long", "language", "language=" + Long, $"“{Long}” is not a language entries are written in. Choose one from the list.", EntrySurfaces),
        new("language badly formed", "language", "language=en_GB", "“en_GB” is not a language entries are written in. Choose one from the list.", EntrySurfaces),
        new("page below 1", "page", "page=0", "“0” is not a page number from 1 to 100000.", EntrySurfaces),
        new("page above the last", "page", "page=100001", "“100001” is not a page number from 1 to 100000.", EntrySurfaces),
        new("kind unknown", "kind", "kind=Nonsense", "“Nonsense” is not a kind of entry the portal knows. Choose one from the list.", EntrySurfaces),
        new("category unknown", "category", "category=7", "“7” is not a practice category the portal knows. Choose one from the list.", EntrySurfaces),
        new("State unknown", "state", "state=XXX", "Not a UN member State code: XXX.", [.. EntrySurfaces, Feeds, ComparePage], FeedPath: "/states/xxx/feed.atom", States: "XXX,FRA"),
        new("State not a code", "state", "state=ke", "Not a UN member State code: KE.", [.. EntrySurfaces, Feeds, ComparePage], FeedPath: "/states/ke/feed.atom", States: "ke,FRA"),
        new("group unknown", "group", "group=nowhere", "There is no group “nowhere”. Choose one from the list.", EntryAndScopeSurfaces),
        new("cycle unknown", "cycle", "cycle=never", "There is no reporting cycle “never”. Choose one from the list.", EntryAndScopeSurfaces),
        new("region unknown", "region", "region=Atlantis", "There is no regional group “Atlantis”. Choose one from the list.", EntryAndScopeSurfaces),
        new("too many values", "group", "group=g7&group=nowhere", "Only one value can be chosen here; 2 were given.", EntryAndScopeSurfaces),
        new("control characters", "group", "group=g%007", "This value contains control characters, which no filter value has. Choose one from the list.",
            [.. EntryAndScopeSurfaces, ComparePage], States: "FRA,K%00N,JPN"),
        new("view unknown", "view", "view=nonsense", "“nonsense” is not a way of grouping entries. Choose one from the list.", [SynthesisPage, SynthesisMarkdown, SynthesisWord]),
        new("too many States", "states", "", "At most 4 States can be compared; the first 4 are shown.", [ComparePage], States: "FRA,JPN,KEN,DEU,ITA"),
        new("too few States", "states", "", "Choose at least 2 States to compare.", [ComparePage], States: "FRA"),
    ];

    public static TheoryData<string, string> Cases()
    {
        var cases = new TheoryData<string, string>();
        foreach (var limit in Limits)
        {
            foreach (var surface in limit.Surfaces)
            {
                cases.Add(limit.Name, surface);
            }
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Limit_OnEverySurfaceThatReadsIt_GivesTheSameAnswer(string limitName, string surface)
    {
        var limit = Limits.Single(l => l.Name == limitName);

        var observed = await ObserveAsync(surface, limit);

        Assert.Equal(surface == Feeds ? nameof(HttpStatusCode.NotFound) : limit.Message, observed);
    }

    [Fact]
    public void EveryLimitIsTriedOnEverySurface()
    {
        Assert.Equal(11, Limits.SelectMany(l => l.Surfaces).Distinct().Count());
        Assert.Equal(Cases().Count, Limits.Sum(l => l.Surfaces.Length));
    }

    /// <summary>What <paramref name="surface"/> says about the limit's parameter: its message, or the feed's status.</summary>
    private async Task<string?> ObserveAsync(string surface, Limit limit)
    {
        using var browser = Portal.NewBrowser();
        switch (surface)
        {
            case SearchPage:
                {
                    var page = await browser.GetAsync("/search?q=grid&" + limit.Query);
                    Assert.Equal(HttpStatusCode.OK, page.Status);
                    Assert.NotNull(page.Document.QuerySelector("#results-heading")); // the rest of the page still works
                    return Shown(page, limit.Parameter);
                }

            case SearchCsv or SearchJson or SynthesisMarkdown or SynthesisWord:
                {
                    var path = surface switch
                    {
                        SearchCsv => "/search/export.csv",
                        SearchJson => "/search/export.json",
                        SynthesisMarkdown => "/synthesis/export.md",
                        _ => "/synthesis/export.docx",
                    };
                    using var response = await browser.Client.GetAsync(path + "?" + limit.Query);
                    Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
                    var lines = (await response.Content.ReadAsStringAsync()).Split('\n');
                    return lines.Single(l => l.StartsWith(limit.Parameter + ": ", StringComparison.Ordinal))[(limit.Parameter.Length + 2)..];
                }

            case ApiEntries or ApiSynthesis:
                {
                    using var response = await browser.Client.GetAsync((surface == ApiEntries ? "/api/v1/entries?" : "/api/v1/synthesis?") + limit.Query);
                    Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
                    Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                    var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
                    Assert.Equal(400, problem["status"]!.GetValue<int>());
                    return problem["errors"]![limit.Parameter]!.AsArray().Single()!.GetValue<string>();
                }

            case SynthesisPage:
                {
                    var page = await browser.GetAsync("/synthesis?" + limit.Query);
                    Assert.Equal(HttpStatusCode.OK, page.Status);
                    Assert.Equal(11, page.Document.QuerySelectorAll("section.synthesis-norm").Length);
                    return Shown(page, limit.Parameter);
                }

            case CoveragePage:
                {
                    var page = await browser.GetAsync("/coverage?" + limit.Query);
                    Assert.Equal(HttpStatusCode.OK, page.Status);
                    Assert.NotEmpty(page.Document.QuerySelectorAll("table.coverage tbody tr"));
                    return Shown(page, limit.Parameter);
                }

            case ComparePage:
                {
                    var page = await browser.GetAsync("/compare?states=" + limit.States);
                    Assert.Equal(HttpStatusCode.OK, page.Status);
                    Assert.NotNull(page.Document.QuerySelector("form.scope-form select[name='states']"));
                    return Text.Visible(page.Document.QuerySelector("#states-error p"));
                }

            case Feeds:
                {
                    using var response = await browser.Client.GetAsync(limit.FeedPath);
                    return response.StatusCode.ToString();
                }

            default:
                throw new ArgumentOutOfRangeException(nameof(surface), surface, "No such surface.");
        }
    }

    /// <summary>The message a page shows beside the filter, tied to it by id.</summary>
    private static string? Shown(PageResponse page, string parameter) =>
        page.Document.QuerySelector($"#{parameter}-error") is { } error ? Text.Visible(error) : null;
}

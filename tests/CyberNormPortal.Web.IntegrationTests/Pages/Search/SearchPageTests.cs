using System.Globalization;
using System.Net;
using System.Text.Json;
using CsvHelper;
using CyberNormPortal.Domain.Entries;
using CyberNormPortal.Web.Auditing;
using CyberNormPortal.Web.Data.Queries;
using CyberNormPortal.Web.Identity;
using CyberNormPortal.Web.IntegrationTests.Infrastructure;
using CyberNormPortal.Web.Search;
using Microsoft.EntityFrameworkCore;

namespace CyberNormPortal.Web.IntegrationTests.Pages.Search;

/// <summary>Full-text search as an analyst uses it: words, phrases, filters with counts, and downloads.</summary>
public sealed class SearchPageTests(PortalFixture portal) : PortalTest(portal)
{
    /// <summary>Entries published by these tests are this year's; the seeded 2019 synthesis is not.</summary>
    private static readonly string ThisYear = "&year=" + DateTime.UtcNow.Year.ToString(CultureInfo.InvariantCulture);

    private async Task SeedAsync()
    {
        await Portal.PublishAsync("KEN", norm: 7, title: "Protection of the power grid", summary: "Kenya protects its grid operators.",
            body: "Critical infrastructure protection is coordinated by the regulator.", kind: EntryKind.BestPractice);
        await Portal.PublishAsync("FRA", norm: 7, title: "Sector regulator drills", summary: "Annual drills with grid operators.",
            body: "An incident response exercise tests the operators every year.");
        await Portal.PublishAsync("JPN", norm: 3, title: "Response to an incident abroad", summary: "Cooperation when an incident starts abroad.",
            body: "The response team works with foreign partners.", kind: EntryKind.LessonLearned);
        await Portal.PublishAsync("KEN", norm: 3, title: "Amber grid arrangement", summary: "Restricted protection arrangement.",
            body: "Only for Kenya.", visibility: TlpLabel.Amber);
    }

    [Fact]
    public async Task Search_OneWord_FindsItsOtherFormsAndHighlightsThem()
    {
        await SeedAsync();

        var (status, page) = await Portal.GetPageAsync("/search?q=protect" + ThisYear);

        Assert.Equal(HttpStatusCode.OK, status);
        var titles = Titles(page);
        Assert.Equal(["Protection of the power grid"], titles);
        var marks = page.QuerySelectorAll(".snippet mark").Select(m => m.TextContent.ToLowerInvariant()).ToList();
        Assert.Contains("protection", marks);
        Assert.Contains("protects", marks);
        Assert.Equal("1 entry", Text.Visible(page.QuerySelector("#results-heading")));
    }

    [Fact]
    public async Task Search_Phrase_OrAndMinus_FollowWebSearchSyntax()
    {
        await SeedAsync();

        Assert.Equal(["Sector regulator drills"], Titles((await Portal.GetPageAsync("/search?q=%22incident+response%22" + ThisYear)).Document));
        Assert.Equal(
            ["Response to an incident abroad", "Sector regulator drills"],
            Titles((await Portal.GetPageAsync("/search?q=incident+response" + ThisYear)).Document).Order());
        Assert.Equal(
            ["Protection of the power grid", "Response to an incident abroad"],
            Titles((await Portal.GetPageAsync("/search?q=abroad+or+kenya" + ThisYear)).Document).Order());
        Assert.Equal(["Sector regulator drills"], Titles((await Portal.GetPageAsync("/search?q=grid+-kenya" + ThisYear)).Document));
    }

    [Theory]
    [InlineData("norm=7", 2)]
    [InlineData("kind=BestPractice", 1)]
    [InlineData("state=ken", 1)]
    [InlineData("region=WesternEuropeanAndOthers", 1)]
    [InlineData("category=InstitutionsAndCerts&language=en", 3)]
    public async Task Search_Filter_KeepsOnlyMatchingEntries(string filter, int expected)
    {
        await SeedAsync();

        var (_, page) = await Portal.GetPageAsync($"/search?q=grid+or+incident+or+abroad&{filter}" + ThisYear);

        Assert.Equal(expected, Titles(page).Count);
    }

    [Fact]
    public async Task Facets_EveryCountShown_IsTheNumberOfResultsWhenThatValueIsChosen()
    {
        await SeedAsync();
        var (_, page) = await Portal.GetPageAsync("/search?q=grid+or+incident+or+abroad+or+cyber");

        var links = page.QuerySelectorAll(".facet a").Where(a => a.QuerySelector(".count") is not null).ToList();
        Assert.True(links.Count >= 10, $"Only {links.Count} facet values shown.");
        foreach (var link in links)
        {
            var count = int.Parse(link.QuerySelector(".count")!.TextContent.Trim('(', ')'), NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
            var (_, narrowed) = await Portal.GetPageAsync(link.GetAttribute("href")!);
            var heading = Text.Visible(narrowed.QuerySelector("#results-heading"));
            Assert.True(heading == (count == 1 ? "1 entry" : $"{count} entries"), $"{link.GetAttribute("href")}: facet said {count}, page says {heading}");
        }
    }

    [Theory]
    [InlineData("'")]
    [InlineData("\\")]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("the and of")]
    [InlineData("\"unclosed")]
    [InlineData("-")]
    [InlineData("or or or")]
    [InlineData("%00%01")]
    public async Task Search_HostileOrEmptyQuery_AnswersWithANormalPage(string query)
    {
        await SeedAsync();

        var (status, page) = await Portal.GetPageAsync("/search?q=" + Uri.EscapeDataString(query) + "&kind=Nonsense&norm=99");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Empty(page.QuerySelectorAll("main script"));
        Assert.Contains("is not a kind of entry the portal knows", Text.Visible(page.QuerySelector("#kind-error")));
    }

    [Fact]
    public async Task Search_TenThousandCharacters_IsCutAndSaysSo()
    {
        var (status, page) = await Portal.GetPageAsync("/search?q=" + new string('a', 10_000));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("only its first 300 characters were used", Text.Visible(page.Body));
    }

    [Fact]
    public async Task Search_UserTextInSnippets_IsShownAsText()
    {
        await Portal.PublishAsync("KEN", title: "Markup test", summary: "Summary with <b>tags</b>", body: "grid <script>alert('x')</script> <img src=x onerror=alert(1)>");

        var (_, page) = await Portal.GetPageAsync("/search?q=grid");

        var snippet = page.QuerySelector(".snippet")!;
        Assert.Empty(snippet.QuerySelectorAll("script, img, b"));
        Assert.Contains("alert('x')", snippet.TextContent);
    }

    [Fact]
    public async Task Search_Result_ShowsOneExcerpt_WithTheSummaryOnce_AndNoMarkdown()
    {
        await Portal.PublishAsync("KEN", title: "Grid operators", summary: "Kenya protects its grid operators.",
            body: "Kenya protects its grid operators.\n\n*Reported jointly by the **regulator** in [the annual report](https://example.org/report).*\n\n- `grid` code");

        var (_, page) = await Portal.GetPageAsync("/search?q=grid");

        var result = Assert.Single(page.QuerySelectorAll(".search-results li"));
        var snippet = Assert.Single(result.QuerySelectorAll(".snippet"));
        var text = Text.Visible(snippet);
        Assert.Equal(1, CountOf(text, "Kenya protects its grid operators."));
        Assert.Contains("Reported jointly by the regulator in the annual report.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("*", text, StringComparison.Ordinal);
        Assert.DoesNotContain("](", text, StringComparison.Ordinal);
        Assert.DoesNotContain("`", text, StringComparison.Ordinal);
        Assert.All(snippet.Children, child => Assert.Equal("mark", child.LocalName));
        Assert.Equal(["grid", "grid"], snippet.QuerySelectorAll("mark").Select(m => m.TextContent.ToLowerInvariant()));
    }

    [Fact]
    public async Task Search_SeededG7Results_ReadCleanly()
    {
        var (_, page) = await Portal.GetPageAsync("/search?q=reported+jointly&group=g7");
        var summaries = await Portal.WithDbAsync(db => db.PublishedEntries(Reader.Anonymous).ToDictionaryAsync(e => e.Id, e => e.Summary));

        var results = page.QuerySelectorAll(".search-results li").ToList();
        Assert.Equal(SearchRequest.PageSize, results.Count);
        foreach (var result in results)
        {
            var id = int.Parse(result.QuerySelector("h3 a")!.GetAttribute("href")!.Split('/')[^1], CultureInfo.InvariantCulture);
            var snippet = Text.Visible(result.QuerySelector(".snippet"));
            Assert.DoesNotContain("*", snippet, StringComparison.Ordinal);
            Assert.Contains("Reported jointly by the G7", snippet, StringComparison.Ordinal);
            var opening = string.Join(' ', summaries[id].Split(' ').Take(5));
            Assert.True(CountOf(snippet, opening) <= 1, $"Entry {id}: “{opening}” shown twice in “{snippet}”.");
        }
    }

    [Fact]
    public async Task Search_MarkerCharactersInUserText_NeverBecomeHighlights()
    {
        await Portal.PublishAsync("KEN", title: "Markers", summary: "alpha \u0002beta\u0003 gamma", body: "grid \u0002<i>delta</i>\u0003");

        var (_, page) = await Portal.GetPageAsync("/search?q=grid");

        var snippet = page.QuerySelector(".snippet")!;
        Assert.Equal(["grid"], snippet.QuerySelectorAll("mark").Select(m => m.TextContent));
        Assert.Empty(snippet.QuerySelectorAll("i"));
        Assert.Contains("delta", snippet.TextContent, StringComparison.Ordinal); // PostgreSQL's headline leaves tag-like words out
    }

    [Fact]
    public async Task Search_AmberEntry_OnlyForItsStateAndModerators()
    {
        await SeedAsync();
        var (kenyan, _) = await Portal.SignInAsAsync(PortalRoles.Contributor, "KEN");
        var (french, _) = await Portal.SignInAsAsync(PortalRoles.Contributor, "FRA");
        var (moderator, _) = await Portal.SignInAsAsync(PortalRoles.Moderator);
        using var moderatorWithoutTwoFactor = await Portal.SignInAsync(await Portal.CreateUserAsync(PortalRoles.Moderator, twoFactor: false));
        using var administratorWithoutTwoFactor = await Portal.SignInAsync(await Portal.CreateUserAsync(PortalRoles.Administrator, twoFactor: false));

        Assert.DoesNotContain("Amber grid arrangement", Titles((await Portal.GetPageAsync("/search?q=grid")).Document));
        Assert.DoesNotContain("Amber grid arrangement", (await french.GetAsync("/search?q=grid")).Text);
        Assert.DoesNotContain("Amber grid arrangement", (await moderatorWithoutTwoFactor.GetAsync("/search?q=grid")).Text);
        Assert.DoesNotContain("Amber grid arrangement", (await administratorWithoutTwoFactor.GetAsync("/search?q=grid")).Text);
        Assert.Contains("Amber grid arrangement", (await kenyan.GetAsync("/search?q=grid")).Text);
        Assert.Contains("Amber grid arrangement", (await moderator.GetAsync("/search?q=grid")).Text);
    }

    [Fact]
    public async Task CsvAndJson_HoldEveryResultInOrder_AndFormulasAreNeutralised()
    {
        await SeedAsync();
        await Portal.PublishAsync("DEU", norm: 7, title: "=HYPERLINK(\"http://evil\")", summary: "@SUM(A1) grid", body: "grid");
        using var client = Portal.CreateClient();
        var (_, page) = await Portal.GetPageAsync("/search?q=grid&norm=7");
        var total = Titles(page).Count;

        var csvText = await client.GetStringAsync("/search/export.csv?q=grid&norm=7");
        using var csv = new CsvReader(new StringReader(csvText), CultureInfo.InvariantCulture);
        var rows = csv.GetRecords<dynamic>().Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(total, rows.Count);
        Assert.Equal(3, rows.Count);
        Assert.Contains(rows, r => (string)r["Title"] == "'=HYPERLINK(\"http://evil\")" && (string)r["Summary"] == "'@SUM(A1) grid");

        using var json = JsonDocument.Parse(await client.GetStringAsync("/search/export.json?q=grid&norm=7"));
        var items = json.RootElement.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(total, items.Count);
        Assert.All(items, i => Assert.Equal(7, i.GetProperty("norm").GetInt32()));
        Assert.Equal("=HYPERLINK(\"http://evil\")", items.Single(i => i.GetProperty("title").GetString()!.StartsWith('=')).GetProperty("title").GetString());
    }

    [Fact]
    public async Task CsvExport_WritesDatesInIso8601_AsTheJsonExportDoes()
    {
        var id = await Portal.PublishAsync("KEN", title: "Dated grid entry", body: "grid");
        await Api.ApiClient.SetPublishedAtAsync(Portal, id, new DateTimeOffset(2026, 1, 12, 7, 33, 6, TimeSpan.Zero));
        using var client = Portal.CreateClient();

        var csvText = await client.GetStringAsync("/search/export.csv?q=grid");
        using var json = JsonDocument.Parse(await client.GetStringAsync("/search/export.json?q=grid"));

        using var csv = new CsvReader(new StringReader(csvText), CultureInfo.InvariantCulture);
        var row = csv.GetRecords<dynamic>().Cast<IDictionary<string, object>>().Single(r => (string)r["Id"] == id.ToString(CultureInfo.InvariantCulture));
        Assert.Equal("2026-01-12T07:33:06+00:00", (string)row["PublishedAt"]);
        var item = json.RootElement.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetInt32() == id);
        Assert.Equal(item.GetProperty("publishedAt").GetString(), (string)row["PublishedAt"]);
    }

    [Fact]
    public async Task Export_WithRestrictedEntries_OnlyForThoseAllowed_AndAudited()
    {
        await SeedAsync();
        using var visitor = Portal.CreateClient();
        var (moderator, _) = await Portal.SignInAsAsync(PortalRoles.Moderator);
        using var moderatorWithoutTwoFactor = await Portal.SignInAsync(await Portal.CreateUserAsync(PortalRoles.Moderator, twoFactor: false));

        var visitorCsv = await visitor.GetStringAsync("/search/export.csv?q=grid");
        var moderatorCsv = await moderator.Client.GetStringAsync("/search/export.csv?q=grid");
        var withoutTwoFactorCsv = await moderatorWithoutTwoFactor.Client.GetStringAsync("/search/export.csv?q=grid");

        Assert.DoesNotContain("Amber grid arrangement", visitorCsv);
        Assert.DoesNotContain("Amber grid arrangement", withoutTwoFactorCsv);
        Assert.Contains("Amber grid arrangement", moderatorCsv);
        var audits = await Portal.WithDbAsync(db => db.AuditRecords.Where(a => a.Action == AuditActions.RestrictedExport).ToListAsync());
        Assert.Single(audits);
        Assert.NotNull(audits[0].UserId);
    }

    private static int CountOf(string text, string part) =>
        (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;

    private static List<string> Titles(AngleSharp.Dom.IDocument page) =>
        [.. page.QuerySelectorAll(".search-results h3").Select(h => Text.Visible(h))];
}

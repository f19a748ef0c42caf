using System.Globalization;
using System.Net;
using CyberNormPortal.Domain.Entries;
using CyberNormPortal.Web.IntegrationTests.Infrastructure;

namespace CyberNormPortal.Web.IntegrationTests.Pages.Search;

/// <summary>Search in every language: each version stemmed in its own language, Chinese by two-character words.</summary>
public sealed class SearchInEveryLanguageTests(PortalFixture portal) : PortalTest(portal)
{
    /// <summary>Entries published by these tests are this year's; the seeded 2019 synthesis is not.</summary>
    private static readonly string ThisYear = "&year=" + DateTime.UtcNow.Year.ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task FrenchReader_FrenchVerb_FindsTheFrenchNounThroughStemming()
    {
        await Portal.PublishAsync("SEN", title: "Coopération régionale entre équipes d'intervention",
            summary: "Le Sénégal organise la coopération avec ses voisins.", body: "Des exercices communs ont lieu chaque année.", language: "fr");
        await Portal.PublishAsync("KEN", title: "National CSIRT established by law");

        var page = await SearchAsAsync("fr", "/search?q=coop%C3%A9rer" + ThisYear);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(["Coopération régionale entre équipes d'intervention"], Titles(page));
        var snippet = page.Document.QuerySelector(".search-results .snippet")!;
        Assert.Equal("fr", snippet.GetAttribute("lang"));
        Assert.Contains("coopération", snippet.QuerySelectorAll("mark").Select(m => m.TextContent.ToLowerInvariant()));
    }

    [Fact]
    public async Task ChineseEntry_TwoCharacterQuery_FindsAWordInsideAnUnspacedRun()
    {
        await Portal.PublishAsync("CHN", title: "网络安全事件应急预案", summary: "国家制定了网络安全事件的应急预案。",
            body: "预案规定了各部门的职责。", language: "zh");
        await Portal.PublishAsync("KEN", title: "National CSIRT established by law");

        foreach (var reader in new[] { "zh", "en" })
        {
            var page = await SearchAsAsync(reader, "/search?q=%E5%AE%89%E5%85%A8" + ThisYear); // 安全

            Assert.Equal(["网络安全事件应急预案"], Titles(page));
            var heading = page.Document.QuerySelector(".search-results h3")!;
            Assert.Equal("zh", heading.GetAttribute("lang"));
            Assert.Equal("ltr", heading.GetAttribute("dir"));
        }

        // A word that is not in the text finds nothing, however its characters appear apart.
        Assert.Empty(Titles(await SearchAsAsync("zh", "/search?q=%E5%AE%89%E4%BA%8B" + ThisYear))); // 安事
    }

    [Fact]
    public async Task Translation_IsFoundInItsLanguage_AndTheLanguageFilterCountsEntriesAvailableInIt()
    {
        await Portal.PublishAsync("CHL", title: "National incident response plan", summary: "Chile adopted a response plan.",
            body: "The plan names the agencies that respond.", translations:
            [
                new EntryTranslation("es", "Plan nacional de respuesta a incidentes", "Chile adoptó un plan de respuesta.", "El plan nombra a los organismos que responden."),
            ]);
        await Portal.PublishAsync("ESP", title: "Centro de respuesta", summary: "España coordina la respuesta.", body: "Coordina los organismos.", language: "es");
        await Portal.PublishAsync("KEN", title: "National CSIRT established by law");

        var spanish = await SearchAsAsync("es", "/search?q=organismos" + ThisYear);
        Assert.Equal(["Centro de respuesta", "Plan nacional de respuesta a incidentes"], Titles(spanish).Order());
        var chile = spanish.Document.QuerySelectorAll(".search-results li").Single(li => li.TextContent.Contains("Plan nacional", StringComparison.Ordinal));
        Assert.Equal("es", chile.QuerySelector(".snippet")!.GetAttribute("lang"));

        // The language facet counts, and its filter keeps, what a reader of the language can read: entries written in
        // it or translated into it. The Chilean entry counts for both English and Spanish.
        var all = await SearchAsAsync("en", "/search?" + ThisYear[1..]);
        Assert.Equal("(2)", FacetCount(all, "language=es"));
        Assert.Equal("(2)", FacetCount(all, "language=en"));
        Assert.Equal(["Centro de respuesta", "National incident response plan"], Titles(await SearchAsAsync("en", "/search?language=es" + ThisYear)).Order());
        Assert.Equal(["National CSIRT established by law", "National incident response plan"], Titles(await SearchAsAsync("en", "/search?language=en" + ThisYear)).Order());

        // The download says the same as the page: the Spanish version, and which language it is in.
        using var browser = Portal.NewBrowser();
        browser.Client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("es");
        var csv = await browser.Client.GetStringAsync("/search/export.csv?state=CHL" + ThisYear);
        var row = csv.Split('\n').Single(l => l.Contains("/entries/", StringComparison.Ordinal));
        Assert.Contains("Plan nacional de respuesta a incidentes", row, StringComparison.Ordinal);
        Assert.DoesNotContain("National incident response plan", row, StringComparison.Ordinal);
        Assert.EndsWith(",en", row.TrimEnd('\r'), StringComparison.Ordinal);
    }

    private static string? FacetCount(PageResponse page, string value) =>
        page.Document.QuerySelectorAll(".facet a").FirstOrDefault(a => a.GetAttribute("href")!.Contains(value, StringComparison.Ordinal))
            ?.QuerySelector(".count")?.TextContent.Trim();

    private async Task<PageResponse> SearchAsAsync(string language, string url)
    {
        using var browser = Portal.NewBrowser();
        browser.Client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        return await browser.GetAsync(url);
    }

    private static List<string> Titles(PageResponse page) =>
        [.. page.Document.QuerySelectorAll(".search-results h3 a").Select(a => a.TextContent.Trim())];
}

using System.Text.Json;
using CyberNormPortal.Web.Data.Seeding;
using CyberNormPortal.Web.IntegrationTests.Infrastructure;
using CyberNormPortal.Web.Search;
using Microsoft.Extensions.DependencyInjection;

namespace CyberNormPortal.Web.IntegrationTests.Pages.Search;

/// <summary>
/// Search counts and ranks at most <see cref="SearchService.CountLimit"/> results (docs/decisions/0015): below it every
/// number is exact and equals what its link returns; beyond it the page says "more than" and counts nothing it did not read.
/// </summary>
public sealed class BoundedCountTests(PortalFixture portal) : PortalTest(portal)
{
    private Task GenerateAsync() =>
        Portal.WithServicesAsync(services => services.GetRequiredService<BenchmarkDataGenerator>().RunAsync(1, TextWriter.Null));

    /// <summary>Every match, as the JSON download of the same search holds it (never bounded).</summary>
    private async Task<int> ExportedAsync(string query)
    {
        using var response = await Portal.CreateClient().GetAsync($"/search/export.json?{query}");
        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("items").GetArrayLength();
    }

    [Fact]
    public async Task MoreMatchesThanTheLimit_ShowMoreThan_WithoutCounts_AndPagesOfTheRankedCandidatesOnly()
    {
        await GenerateAsync();
        const string query = "q=CSIRT";
        Assert.True(await ExportedAsync(query) > SearchService.CountLimit, "the generated data should hold more matches than the limit");

        var (_, page) = await Portal.GetPageAsync($"/search?{query}");

        Assert.Equal($"More than {SearchService.CountLimit} entries", Text.Visible(page.QuerySelector("#results-heading")));
        Assert.Equal(SearchRequest.PageSize, page.QuerySelectorAll(".search-results > li").Length);
        Assert.Contains($"best matches among the {SearchService.CountLimit} newest", Text.Visible(page.QuerySelector(".results")));
        // No facet count is shown, since none was counted; the filters whose values are known stay offered as links.
        Assert.Empty(page.QuerySelectorAll(".facets .count"));
        Assert.Contains("too many results to count", Text.Visible(page.QuerySelector(".facets")));
        Assert.Equal(11, page.QuerySelectorAll(".facets a[href*='norm=']").Length);
        Assert.Empty(page.QuerySelectorAll(".facets a[href*='state=']"));
        Assert.Contains($"Page 1 of {SearchService.CountLimit / SearchRequest.PageSize}", Text.Visible(page.QuerySelector(".pager")));
    }

    [Fact]
    public async Task FewerMatchesThanTheLimit_AreCountedExactly_AndEachFacetCountIsWhatItsLinkReturns()
    {
        await GenerateAsync();
        // A few hundred of the generated entries: under the limit, but not a handful.
        const string query = "q=CSIRT&norm=3";
        var exported = await ExportedAsync(query);
        Assert.InRange(exported, 50, SearchService.CountLimit);

        var (_, page) = await Portal.GetPageAsync($"/search?{query}");

        Assert.Equal($"{exported:N0} entries", Text.Visible(page.QuerySelector("#results-heading")));
        Assert.DoesNotContain("too many results", Text.Visible(page.QuerySelector(".facets")));
        var regions = page.QuerySelectorAll(".facets a[href*='region=']").ToList();
        Assert.NotEmpty(regions);
        foreach (var link in regions)
        {
            var count = int.Parse(link.QuerySelector(".count")!.TextContent.Trim('(', ')').Replace(",", ""), System.Globalization.CultureInfo.InvariantCulture);
            var target = link.GetAttribute("href")!;
            Assert.Equal(count, await ExportedAsync(target[(target.IndexOf('?') + 1)..]));
        }
    }
}

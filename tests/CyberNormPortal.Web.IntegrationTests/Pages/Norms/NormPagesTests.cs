using System.Net;
using CyberNormPortal.Web.IntegrationTests.Infrastructure;

namespace CyberNormPortal.Web.IntegrationTests.Pages.Norms;

public sealed class NormPagesTests(PortalFixture fixture) : PortalTest(fixture)
{
    public static TheoryData<int> NormNumbers => [.. Enumerable.Range(1, 11)];

    [Theory]
    [MemberData(nameof(NormNumbers))]
    public async Task NormPage_ShowsNumberGgeReferenceAndTheOfficialText(int number)
    {
        var (status, page) = await Portal.GetPageAsync($"/norms/{number}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.StartsWith($"Norm {number} ", Text.Visible(page.QuerySelector("h1")), StringComparison.Ordinal);
        Assert.Equal($"A/70/174, para. 13({(char)('a' + number - 1)})", Text.Visible(page.QuerySelector(".norm-ref")));
        Assert.Contains(
            ReferenceDocuments.OfficialNormTexts()[number],
            Text.Visible(page.QuerySelector("blockquote")),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task NormPage_ListsThePublishedEntriesOnThatNorm()
    {
        var (_, page) = await Portal.GetPageAsync("/norms/4");

        var titles = page.QuerySelectorAll(".entry-card__title").Select(Text.Visible).ToList();
        Assert.Equal(4, titles.Count);
        Assert.Contains("Ratifying the Budapest Convention on Cybercrime", titles);
        Assert.Equal("Published entries (4)", Text.Visible(page.QuerySelector("#entries-heading")));
    }

    [Fact]
    public async Task NormsIndex_ListsElevenNormsInOrder_WithTheirEntryCounts()
    {
        var (_, page) = await Portal.GetPageAsync("/norms");

        var headings = page.QuerySelectorAll(".norm-list h2").Select(Text.Visible).ToList();
        Assert.Equal(11, headings.Count);
        Assert.Equal(Enumerable.Range(1, 11).Select(n => $"Norm {n}"), headings.Select(h => string.Join(' ', h.Split(' ').Take(2))));
        Assert.Equal(
            ["4", "4", "4", "4", "2", "1", "3", "1", "3", "1", "0"],
            page.QuerySelectorAll(".norm-list .count").Select(c => Text.Visible(c).Split(' ')[0]));
    }
}

using System.Net;
using System.Text.RegularExpressions;
using CyberNormPortal.Web.IntegrationTests.Infrastructure;

namespace CyberNormPortal.Web.IntegrationTests.Pages.Synthesis;

public sealed partial class SynthesisPageTests(PortalFixture fixture) : PortalTest(fixture)
{
    private const string G7Synthesis2019 = "/synthesis?group=g7&cycle=g7-cni-2019";

    [Fact]
    public async Task G7Synthesis2019_ContainsEveryNormTextLeadStatementAndBullet_InDocumentOrder()
    {
        var (status, page) = await Portal.GetPageAsync(G7Synthesis2019);
        Assert.Equal(HttpStatusCode.OK, status);
        var text = Text.Visible(page.QuerySelector("main"));
        var officialTexts = ReferenceDocuments.OfficialNormTexts();
        var document = ReferenceDocuments.G7Synthesis2019();
        Assert.Equal(Enumerable.Range(1, 11), document.Select(n => n.Number));
        // The document itself: 22 bullets and 5 closing remarks across the eleven norms.
        Assert.Equal(27, document.Sum(n => n.Items.Count));

        var position = 0;
        foreach (var norm in document)
        {
            var passages = new List<string> { officialTexts[norm.Number], norm.LeadStatement };
            passages.AddRange(norm.Items.SelectMany(Sentences));
            foreach (var passage in passages)
            {
                var found = text.IndexOf(passage, position, StringComparison.Ordinal);
                Assert.True(found >= 0, $"Norm {norm.Number}: “{passage}” is missing from the synthesis, or out of order.");
                position = found;
            }
        }
    }

    [Fact]
    public async Task G7Synthesis2019_ShowsElevenNormSections_EachWithItsLeadStatementAndFullCoverage()
    {
        var (_, page) = await Portal.GetPageAsync(G7Synthesis2019);

        var sections = page.QuerySelectorAll("section.synthesis-norm");
        Assert.Equal(11, sections.Length);
        Assert.All(sections, section =>
        {
            Assert.NotNull(section.QuerySelector("h2"));
            Assert.False(string.IsNullOrWhiteSpace(Text.Visible(section.QuerySelector(".lead-statement"))));
        });

        // A joint G7 entry counts for each of the seven; norm 11 has a lead statement but no bullet.
        Assert.Equal(
            [.. Enumerable.Repeat("All 7 States in scope have published entries on this norm.", 10),
                "None of the 7 States in scope has published an entry on this norm yet."],
            sections.Select(s => Text.Visible(s.QuerySelector(".coverage"))));
        Assert.Equal("G7 Cyber Norm Initiative 2019", Text.Visible(page.QuerySelector("h1")).Split(" · ")[1]);
    }

    [Fact]
    public async Task G7Synthesis2019_EveryBulletLinksToItsPublishedEntryPage()
    {
        var (_, page) = await Portal.GetPageAsync(G7Synthesis2019);
        var links = page.QuerySelectorAll(".bullets .attribution a").Select(a => a.GetAttribute("href")!).ToList();

        Assert.Equal(ReferenceDocuments.G7Synthesis2019().Sum(n => n.Items.Count), links.Count);
        foreach (var link in links.Take(3).Append(links[^1]))
        {
            var (status, entryPage) = await Portal.GetPageAsync(link);
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Contains("G7 (joint entry)", Text.Visible(entryPage.QuerySelector("main")), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Synthesis_ForARegionWithoutReports_SaysNoneYetForEveryNorm()
    {
        var (status, page) = await Portal.GetPageAsync("/synthesis?region=African");

        Assert.Equal(HttpStatusCode.OK, status);
        var coverage = page.QuerySelectorAll(".coverage").Select(Text.Visible).Distinct().ToList();
        Assert.Equal(["None of the 54 States in scope has published an entry on this norm yet."], coverage);
        Assert.Empty(page.QuerySelectorAll(".bullets li"));
    }

    [Fact]
    public async Task Synthesis_WithUnknownScopeValues_ExplainsNextToEachFieldInsteadOfFailing()
    {
        var (status, page) = await Portal.GetPageAsync("/synthesis?group=nowhere&cycle=never&region=Atlantis");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("There is no group “nowhere”", Text.Visible(page.QuerySelector("#group-error")), StringComparison.Ordinal);
        Assert.Contains("There is no reporting cycle “never”", Text.Visible(page.QuerySelector("#cycle-error")), StringComparison.Ordinal);
        Assert.Contains("There is no regional group “Atlantis”", Text.Visible(page.QuerySelector("#region-error")), StringComparison.Ordinal);
        Assert.Equal("true", page.QuerySelector("#group")!.GetAttribute("aria-invalid"));
    }

    [Fact]
    public async Task Synthesis_GroupedByCategory_ShowsEveryBulletOnceUnderCategoryHeadings()
    {
        var (_, byKind) = await Portal.GetPageAsync(G7Synthesis2019);
        var (_, byCategory) = await Portal.GetPageAsync(G7Synthesis2019 + "&view=category");

        var kindBullets = byKind.QuerySelectorAll(".bullets .attribution a").Select(a => a.GetAttribute("href")).Order().ToList();
        var categoryBullets = byCategory.QuerySelectorAll(".bullets .attribution a").Select(a => a.GetAttribute("href")).Order().ToList();
        Assert.Equal(kindBullets, categoryBullets);
        Assert.Contains("Vulnerability disclosure", byCategory.QuerySelectorAll("section#norm-10 h3").Select(Text.Visible));
    }

    /// <summary>A passage split into sentences, so text the portal files under two headings still matches.</summary>
    private static IEnumerable<string> Sentences(string passage) =>
        SentenceEnd().Split(passage).Select(ReferenceDocuments.Trim).Where(s => s.Length > 0);

    [GeneratedRegex(@"(?<=\.)\s+(?=[A-Z])")]
    private static partial Regex SentenceEnd();
}

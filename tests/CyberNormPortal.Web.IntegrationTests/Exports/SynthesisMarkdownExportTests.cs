using System.Net;
using System.Text.RegularExpressions;
using CyberNormPortal.Web.IntegrationTests.Infrastructure;

namespace CyberNormPortal.Web.IntegrationTests.Exports;

public sealed partial class SynthesisMarkdownExportTests(PortalFixture fixture) : PortalTest(fixture)
{
    [Fact]
    public async Task G7Synthesis2019_AsMarkdown_IsAnAttachmentNamedForItsScope()
    {
        using var visitor = Portal.NewBrowser();
        var (response, _) = await visitor.DownloadAsync("/synthesis/export.md" + ExportDownloads.G7Scope2019);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/markdown; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.Equal("attachment; filename=\"synthesis-g7-g7-cni-2019.md\"", response.Content.Headers.ContentDisposition!.ToString());
        Assert.Contains("no-store", response.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task G7Synthesis2019_AsMarkdown_HasTheElevenNormsInOrder_EveryLeadStatementBulletAndTitle_AndTheAttribution()
    {
        using var visitor = Portal.NewBrowser();
        var markdown = await visitor.MarkdownAsync(ExportDownloads.G7Scope2019);
        var lines = markdown.Split('\n');

        Assert.Equal("# Synthesis: Group of Seven · G7 Cyber Norm Initiative 2019", lines[0]);
        var headings = lines.Select(l => NormHeading().Match(l)).Where(m => m.Success).ToList();
        Assert.Equal(Enumerable.Range(1, 11), headings.Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(Enumerable.Range(0, 11).Select(i => ((char)('a' + i)).ToString()), headings.Select(m => m.Groups[2].Value));
        Assert.Equal(11, lines.Count(l => l.StartsWith("## ", StringComparison.Ordinal)));

        // Norm text, lead statement and each bullet's sentences appear in the document's order.
        var text = ExportDownloads.Unescaped(markdown);
        var officialTexts = ReferenceDocuments.OfficialNormTexts();
        var position = 0;
        foreach (var norm in ReferenceDocuments.G7Synthesis2019())
        {
            var passages = new List<string> { officialTexts[norm.Number], norm.LeadStatement };
            passages.AddRange(norm.Items.SelectMany(Sentences));
            foreach (var passage in passages)
            {
                var found = text.IndexOf(passage, position, StringComparison.Ordinal);
                Assert.True(found >= 0, $"Norm {norm.Number}: “{passage}” is missing from the Markdown export, or out of order.");
                position = found;
            }
        }

        var entries = await Portal.G7Entries2019Async();
        Assert.Equal(27, entries.Count);
        var bullets = lines.Where(l => l.StartsWith("- ", StringComparison.Ordinal)).Select(ExportDownloads.Unescaped).ToList();
        Assert.Equal(27, bullets.Count);
        foreach (var entry in entries)
        {
            Assert.Single(bullets, b => b.StartsWith($"- **[{Text.Collapse(entry.Title)}](<http://localhost/entries/{entry.Id}>)** — ", StringComparison.Ordinal)
                && b.EndsWith("*(G7, joint entry)*", StringComparison.Ordinal));
        }

        Assert.Contains("All 7 States in scope have published entries on this norm.", text, StringComparison.Ordinal);
        Assert.Contains("None of the 7 States in scope has published an entry on this norm yet.", text, StringComparison.Ordinal);
        var attribution = text[text.LastIndexOf("---", StringComparison.Ordinal)..];
        Assert.Contains("Source: CyberNormPortal, http://localhost/synthesis?group=g7&cycle=g7-cni-2019.", attribution, StringComparison.Ordinal);
        Assert.Matches(@"Generated on \d{1,2} [A-Z][a-z]+ \d{4} \d\d:\d\d \(UTC\)\.", attribution);
        Assert.Contains("Entries are the responsibility of the States that reported them.", attribution, StringComparison.Ordinal);
        Assert.Contains("Labels of the entries included: TLP:CLEAR.", attribution, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EntryText_IsEscaped_SoItCannotInjectLinksHtmlOrHeadings()
    {
        const string title = "Evil [link](javascript:alert(1)) <script>x</script> # heading";
        await Portal.PublishAsync("FRA", norm: 3, title: title, summary: "Line one\n# Not a heading\n![img](http://x/y.png) | cell | `code` *bold* _it_");

        using var visitor = Portal.NewBrowser();
        var markdown = await visitor.MarkdownAsync(ExportDownloads.G7Scope2019);

        var bullet = Assert.Single(markdown.Split('\n'), l => l.Contains("Evil", StringComparison.Ordinal));
        Assert.StartsWith(@"- **[Evil \[link\](javascript:alert(1)) \<script\>x\</script\> \# heading](<http://localhost/entries/", bullet, StringComparison.Ordinal);
        Assert.Contains(@"Line one \# Not a heading \!\[img\](http://x/y.png) \| cell \| \`code\` \*bold\* \_it\_ *(France)*", bullet, StringComparison.Ordinal);
        Assert.DoesNotContain("[link](", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain(markdown.Split('\n'), l => l.TrimStart().StartsWith('#') && (l.Contains("heading", StringComparison.Ordinal) || l.Contains("Evil", StringComparison.Ordinal)));

        // Rendered as a Markdown reader would: one link (the entry's own), no script, no image, no extra heading.
        var html = Markdig.Markdown.ToHtml(markdown);
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"javascript:", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
        Assert.Equal(1 + 11 + 0, Regex.Matches(html, "<h[12]").Count);
    }

    [Fact]
    public async Task UnknownScope_IsABadRequestThatSaysWhy()
    {
        using var visitor = Portal.NewBrowser();
        var (response, bytes) = await visitor.DownloadAsync("/synthesis/export.md?group=nowhere");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("There is no group “nowhere”", System.Text.Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
    }

    private static IEnumerable<string> Sentences(string passage) =>
        SentenceEnd().Split(passage).Select(ReferenceDocuments.Trim).Where(s => s.Length > 0);

    [GeneratedRegex(@"^## Norm (\d+) \(13\(([a-k])\)\) – \S")]
    private static partial Regex NormHeading();

    [GeneratedRegex(@"(?<=\.)\s+(?=[A-Z])")]
    private static partial Regex SentenceEnd();
}

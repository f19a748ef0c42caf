using System.Net;
using CyberNormPortal.Web.IntegrationTests.Infrastructure;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Microsoft.EntityFrameworkCore;

namespace CyberNormPortal.Web.IntegrationTests.Exports;

public sealed class SynthesisWordExportTests(PortalFixture fixture) : PortalTest(fixture)
{
    [Fact]
    public async Task G7Synthesis2019_AsWord_IsAValidDocument_WithElevenNormHeadingsInOrder_AndEveryBulletAsAParagraph()
    {
        using var visitor = Portal.NewBrowser();
        var (response, bytes) = await visitor.DownloadAsync("/synthesis/export.docx" + ExportDownloads.G7Scope2019);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment; filename=\"synthesis-g7-g7-cni-2019.docx\"", response.Content.Headers.ContentDisposition!.ToString());

        using var document = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        var errors = new OpenXmlValidator(FileFormatVersions.Office2019).Validate(document)
            .Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));

        var styles = document.MainDocumentPart!.StyleDefinitionsPart!.Styles!.Elements<DocumentFormat.OpenXml.Wordprocessing.Style>()
            .Select(s => s.StyleId?.Value).ToList();
        Assert.Superset(new HashSet<string?> { "Title", "Heading1", "Heading2", "Quote", "ListParagraph" }, styles.ToHashSet());
        Assert.NotNull(document.MainDocumentPart.NumberingDefinitionsPart);

        var paragraphs = await visitor.WordParagraphsAsync(ExportDownloads.G7Scope2019);
        var norms = await Portal.WithDbAsync(db => db.Norms.OrderBy(n => n.Number).Select(n => new { n.Number, n.ShortTitle }).ToListAsync());
        Assert.Equal(
            norms.Select(n => $"Norm {n.Number} – {n.ShortTitle}"),
            paragraphs.Where(p => p.Style == "Heading1").Select(p => p.Text));
        Assert.Equal("Synthesis: Group of Seven · G7 Cyber Norm Initiative 2019", paragraphs[0].Text);
        Assert.Equal("Title", paragraphs[0].Style);
        Assert.Equal(11, paragraphs.Count(p => p.Style == "Quote"));

        var bullets = paragraphs.Where(p => p.IsBullet).ToList();
        Assert.All(bullets, b => Assert.Equal("ListParagraph", b.Style));
        var entries = await Portal.G7Entries2019Async();
        Assert.Equal(entries.Count, bullets.Count);
        foreach (var entry in entries)
        {
            Assert.Single(bullets, b => b.Text == $"{Text.Collapse(entry.Title)} — {Text.Collapse(entry.Summary)} (G7, joint entry)");
        }

        // Lead statements and norm texts, in order, and the attribution at the end.
        var text = Text.Collapse(string.Join(" ", paragraphs.Select(p => p.Text)));
        var position = 0;
        var official = ReferenceDocuments.OfficialNormTexts();
        foreach (var norm in ReferenceDocuments.G7Synthesis2019())
        {
            foreach (var passage in new[] { official[norm.Number], norm.LeadStatement })
            {
                var found = text.IndexOf(passage, position, StringComparison.Ordinal);
                Assert.True(found >= 0, $"Norm {norm.Number}: “{passage}” is missing from the Word export, or out of order.");
                position = found;
            }
        }

        Assert.Contains("Entries are the responsibility of the States that reported them.", paragraphs[^1].Text + paragraphs[^2].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EntryText_GoesInAsText_NeverAsMarkup()
    {
        const string title = "Evil <w:p>x</w:p> & [link](javascript:alert(1))\u0001";
        await Portal.PublishAsync("FRA", norm: 3, title: title, summary: "Two\nlines");

        using var visitor = Portal.NewBrowser();
        var (_, bytes) = await visitor.DownloadAsync("/synthesis/export.docx" + ExportDownloads.G7Scope2019);
        using var document = WordprocessingDocument.Open(new MemoryStream(bytes), false);

        Assert.Empty(new OpenXmlValidator(FileFormatVersions.Office2019).Validate(document));
        var paragraphs = await visitor.WordParagraphsAsync(ExportDownloads.G7Scope2019);
        Assert.Contains(paragraphs, p => p.IsBullet && p.Text == "Evil <w:p>x</w:p> & [link](javascript:alert(1)) — Two lines (France)");
    }
}

using System.Text.RegularExpressions;
using CyberNormPortal.Web.Data.Queries;
using CyberNormPortal.Web.IntegrationTests.Infrastructure;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.EntityFrameworkCore;

namespace CyberNormPortal.Web.IntegrationTests.Exports;

/// <summary>Downloads an export and reads it back: Markdown as text, Word through OpenXml.</summary>
internal static partial class ExportDownloads
{
    public const string G7Scope2019 = "?group=g7&cycle=g7-cni-2019";

    public static async Task<(HttpResponseMessage Response, byte[] Bytes)> DownloadAsync(this Browser browser, string url)
    {
        var response = await browser.Client.GetAsync(url);
        return (response, await response.Content.ReadAsByteArrayAsync());
    }

    public static async Task<string> MarkdownAsync(this Browser browser, string query)
    {
        var (response, bytes) = await browser.DownloadAsync("/synthesis/export.md" + query);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return System.Text.Encoding.UTF8.GetString(bytes);
    }

    /// <summary>The document's paragraphs as (style, text) pairs, in order.</summary>
    public static async Task<List<(string? Style, bool IsBullet, string Text)>> WordParagraphsAsync(this Browser browser, string query)
    {
        var (response, bytes) = await browser.DownloadAsync("/synthesis/export.docx" + query);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        using var document = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        return [.. document.MainDocumentPart!.Document!.Body!.Elements<Paragraph>().Select(p => (
            p.ParagraphProperties?.ParagraphStyleId?.Val?.Value,
            p.ParagraphProperties?.NumberingProperties is not null,
            p.InnerText))];
    }

    /// <summary>Markdown read as a person reads it: backslash escapes removed, whitespace collapsed.</summary>
    public static string Unescaped(string markdown) => Infrastructure.Text.Collapse(Escape().Replace(markdown, "$1"));

    /// <summary>The published entries of the G7 2019 cycle a visitor sees, in the order the synthesis lists them.</summary>
    public static Task<List<PublishedEntry>> G7Entries2019Async(this PortalFixture portal) =>
        portal.WithDbAsync(async db =>
        {
            var cycle = await db.Cycles.Where(c => c.Slug == "g7-cni-2019").Select(c => c.Id).SingleAsync();
            return await db.PublishedEntries(Reader.Anonymous).Where(e => e.CycleId == cycle)
                .OrderBy(e => e.NormNumber).ThenBy(e => e.PublishedAt).ThenBy(e => e.Id).ToListAsync();
        });

    [GeneratedRegex(@"\\([\\`*_\[\]<>#!|&~])")]
    private static partial Regex Escape();
}

using Ganss.Xss;
using Markdig;
using Microsoft.AspNetCore.Html;

namespace CyberNormPortal.Web.Rendering;

/// <summary>
/// Turns the Markdown users write into HTML that is safe to show: Markdig renders it with raw HTML
/// disabled, then HtmlSanitizer keeps only an allow-list of tags, attributes and link schemes.
/// </summary>
public sealed class MarkdownRenderer
{
    private static readonly string[] AllowedTags =
    [
        "p", "br", "hr", "strong", "em", "del", "code", "pre", "blockquote", "ul", "ol", "li",
        "h2", "h3", "h4", "h5", "h6", "a", "table", "thead", "tbody", "tr", "th", "td", "sup", "sub",
    ];

    private readonly MarkdownPipeline _pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UsePipeTables()
        .UseEmphasisExtras()
        .UseAutoLinks()
        .Build();

    private readonly HtmlSanitizer _sanitizer = CreateSanitizer();

    public HtmlString Render(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return HtmlString.Empty;
        }

        // A user's "# Heading" must not outrank the page's own h1: shift headings down one level.
        var html = Markdown.ToHtml(markdown, _pipeline)
            .Replace("<h6", "<p", StringComparison.Ordinal).Replace("</h6>", "</p>", StringComparison.Ordinal);
        for (var level = 5; level >= 1; level--)
        {
            html = html
                .Replace($"<h{level}", $"<h{level + 1}", StringComparison.Ordinal)
                .Replace($"</h{level}>", $"</h{level + 1}>", StringComparison.Ordinal);
        }

        return new HtmlString(_sanitizer.Sanitize(html));
    }

    /// <summary>
    /// The words of <paramref name="markdown"/> as a reader sees them on the entry page, without the marks that make
    /// them bold, links or lists (the same pipeline: raw HTML stays text), whitespace collapsed into single spaces.
    /// Not HTML: encode it before showing it.
    /// </summary>
    public string ToPlainText(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return "";
        }

        var text = Markdown.ToPlainText(markdown, _pipeline);
        return string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedTags.Clear();
        foreach (var tag in AllowedTags)
        {
            sanitizer.AllowedTags.Add(tag);
        }

        sanitizer.AllowedAttributes.Clear();
        sanitizer.AllowedAttributes.Add("href");
        sanitizer.AllowedAttributes.Add("title");
        sanitizer.AllowedAttributes.Add("align");
        sanitizer.AllowedSchemes.Clear();
        sanitizer.AllowedSchemes.Add("http");
        sanitizer.AllowedSchemes.Add("https");
        sanitizer.AllowedSchemes.Add("mailto");
        sanitizer.AllowedCssProperties.Clear();
        sanitizer.AllowedAtRules.Clear();
        sanitizer.AllowDataAttributes = false;
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is not AngleSharp.Dom.IElement { LocalName: "a" } link)
            {
                return;
            }

            if (link.HasAttribute("href"))
            {
                link.SetAttribute("rel", "nofollow noopener noreferrer");
            }
            else
            {
                // Its link was refused (javascript:, data: …): keep the words, drop the dead anchor.
                link.Parent?.ReplaceChild(link.Owner!.CreateTextNode(link.TextContent), link);
            }
        };
        return sanitizer;
    }
}

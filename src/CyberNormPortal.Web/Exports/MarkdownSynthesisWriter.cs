using System.Text;
using CyberNormPortal.Domain.Entries;
using CyberNormPortal.Web.Pages.Shared;

namespace CyberNormPortal.Web.Exports;

/// <summary>
/// Writes a synthesis as Markdown. All text — reference text included — goes through
/// <see cref="ExportText.Markdown"/>, so an entry cannot add links, HTML or headings of its own.
/// </summary>
public static class MarkdownSynthesisWriter
{
    public const string ContentType = "text/markdown; charset=utf-8";

    public static string Write(SynthesisDocument document)
    {
        var md = new StringBuilder();
        md.Append("# ").AppendLine(ExportText.Markdown(document.Title)).AppendLine();
        foreach (var norm in document.Norms)
        {
            md.Append("## ").Append(ExportText.Markdown($"{norm.Label} ({norm.GgeReference}) – {norm.ShortTitle}")).AppendLine().AppendLine();
            md.Append("> ").AppendLine(ExportText.Markdown(norm.FullText)).AppendLine();
            if (norm.LeadStatement is not null)
            {
                md.Append(ExportText.Markdown(norm.LeadStatement.Text));
                if (norm.LeadStatement.LanguageNote is { } note)
                {
                    md.Append(" *(").Append(ExportText.Markdown(note)).Append(")*");
                }

                md.AppendLine().AppendLine();
            }

            md.Append('*').Append(ExportText.Markdown(norm.Coverage)).AppendLine("*").AppendLine();
            if (norm.Empty is not null)
            {
                md.AppendLine(ExportText.Markdown(norm.Empty)).AppendLine();
            }

            foreach (var section in norm.Sections)
            {
                md.Append("### ").AppendLine(ExportText.Markdown(section.Heading)).AppendLine();
                foreach (var bullet in section.Bullets)
                {
                    md.Append("- **[").Append(ExportText.Markdown(bullet.Title)).Append("](").Append(Destination(bullet.Url)).Append(")** — ")
                        .Append(ExportText.Markdown(bullet.Summary))
                        .Append(" *(").Append(ExportText.Markdown(bullet.Author)).Append(")*");
                    if (bullet.LanguageNote is { } note)
                    {
                        md.Append(" *(").Append(ExportText.Markdown(note)).Append(")*");
                    }

                    if (bullet.Visibility != TlpLabel.Clear)
                    {
                        md.Append(" **").Append(Labels.Tlp(bullet.Visibility)).Append("**");
                    }

                    md.AppendLine();
                }

                md.AppendLine();
            }

            if (norm.More is not null)
            {
                md.AppendLine(ExportText.Markdown(norm.More)).AppendLine();
            }
        }

        md.AppendLine("---").AppendLine();
        foreach (var line in document.Attribution)
        {
            md.AppendLine(ExportText.Markdown(line)).AppendLine();
        }

        return md.ToString();
    }

    /// <summary>A link destination in angle brackets, which may hold no space, '&lt;' or '&gt;'.</summary>
    private static string Destination(string url) =>
        "<" + url.Replace(" ", "%20", StringComparison.Ordinal).Replace("<", "%3C", StringComparison.Ordinal).Replace(">", "%3E", StringComparison.Ordinal) + ">";
}

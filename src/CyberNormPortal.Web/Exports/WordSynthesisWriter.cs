using CyberNormPortal.Domain.Entries;
using CyberNormPortal.Web.Pages.Shared;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using static CyberNormPortal.Web.Exports.WordDocuments;

namespace CyberNormPortal.Web.Exports;

/// <summary>
/// Writes a synthesis as a Word document (<see cref="WordDocuments"/>: its own styles and bullet numbering), so it
/// opens styled in any word processor and its headings make the navigation pane.
/// </summary>
public static class WordSynthesisWriter
{
    public const string ContentType = WordDocuments.ContentType;

    public static byte[] Write(SynthesisDocument document, DateTimeOffset generatedAt) =>
        WordDocuments.Create(document.Title, generatedAt, (main, body) =>
        {
            body.Append(Paragraph("Title", Plain(document.Title)));
            foreach (var norm in document.Norms)
            {
                body.Append(Paragraph("Heading1", Plain($"{norm.Label} – {norm.ShortTitle}")));
                body.Append(Paragraph("Quote", Plain(norm.FullText)));
                if (norm.LeadStatement is { } statement)
                {
                    body.Append(Paragraph("Normal", [
                        InLanguage(statement.Text, statement.Language),
                        .. statement.LanguageNote is { } note ? [Italic($" ({note})")] : Array.Empty<OpenXmlElement>()]));
                }

                body.Append(Paragraph("Normal", Italic(norm.Coverage)));
                if (norm.Empty is not null)
                {
                    body.Append(Paragraph("Normal", Plain(norm.Empty)));
                }

                foreach (var section in norm.Sections)
                {
                    body.Append(Paragraph("Heading2", Plain(section.Heading)));
                    foreach (var bullet in section.Bullets)
                    {
                        body.Append(Bullet(main, bullet));
                    }
                }

                if (norm.More is not null)
                {
                    body.Append(Paragraph("Normal", Plain(norm.More)));
                }
            }

            foreach (var line in document.Attribution)
            {
                body.Append(Paragraph("Attribution", Plain(line)));
            }
        });

    private static Paragraph Bullet(MainDocumentPart main, ExportBullet bullet)
    {
        var paragraph = BulletParagraph(Link(main, bullet.Url, LinkRun(bullet.Title, [new Bold(), .. LanguageOf(bullet.Language)])));

        paragraph.Append(new Run(Text(" — ")));
        paragraph.Append(InLanguage(bullet.Summary, bullet.Language));
        paragraph.Append(new Run(new RunProperties(new Italic()), Text(" (" + ExportText.OneLine(bullet.Author) + ")")));
        if (bullet.LanguageNote is { } note)
        {
            paragraph.Append(Italic($" ({note})"));
        }

        if (bullet.Visibility != TlpLabel.Clear)
        {
            paragraph.Append(new Run(new RunProperties(new Bold()), Text(" " + Labels.Tlp(bullet.Visibility))));
        }

        return paragraph;
    }
}

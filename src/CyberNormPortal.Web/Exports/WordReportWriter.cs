using CyberNormPortal.Domain.Reports;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using static CyberNormPortal.Web.Exports.WordDocuments;

namespace CyberNormPortal.Web.Exports;

/// <summary>
/// Writes a <see cref="ReportDocument"/> as Word: a State's published report with its answers, or the cycle's blank
/// questionnaire with a box (☐) for every choice and lines to write on, so a ministry can coordinate before typing.
/// </summary>
public static class WordReportWriter
{
    private const string Box = "☐";
    private const string Ticked = "☒";
    private const string WritingLine = "______________________________________________________________";

    public static byte[] Write(ReportDocument document, DateTimeOffset generatedAt) =>
        WordDocuments.Create(document.Title, generatedAt, (main, body) =>
        {
            body.Append(Paragraph("Title", Plain(document.Title)));
            foreach (var line in document.Details)
            {
                body.Append(Paragraph("Normal", Italic(line)));
            }

            if (document.HiddenNote is { } note)
            {
                body.Append(Paragraph("Normal", Bold(note)));
            }

            foreach (var section in document.Sections)
            {
                body.Append(Paragraph("Heading1", Plain(section.Title)));
                if (!document.IsBlank && section.Visibility is { } label && label != document.Visibility)
                {
                    body.Append(Paragraph("Normal", Bold(Pages.Shared.Labels.Tlp(label))));
                }

                foreach (var paragraph in section.Guidance)
                {
                    body.Append(Paragraph("Quote", Plain(paragraph)));
                }

                foreach (var question in section.Questions)
                {
                    body.Append(Paragraph("Heading3", Plain(question.Text)));
                    Answer(main, body, document, question);
                }

                if (section.Norms.Count > 0)
                {
                    body.Append(Paragraph("Heading2", Plain(document.Words.Checklist)));
                }

                foreach (var norm in section.Norms)
                {
                    body.Append(Paragraph("Heading2", Plain(norm.Heading)));
                    foreach (var action in norm.Actions)
                    {
                        Action(main, body, document, action);
                    }
                }
            }
        });

    private static void Answer(MainDocumentPart main, Body body, ReportDocument document, ReportQuestion question)
    {
        var words = document.Words;
        switch (question.Kind)
        {
            case QuestionKind.SingleChoice or QuestionKind.MultipleChoice:
                foreach (var option in question.Options)
                {
                    body.Append(BulletParagraph(Plain($"{(question.Chosen.Contains(option) ? Ticked : Box)} {option}")));
                }

                break;
            case QuestionKind.YesNo:
                body.Append(Paragraph("Normal", Plain($"{(question.Yes == true ? Ticked : Box)} {words.Yes} {(question.Yes == false ? Ticked : Box)} {words.No}")));
                Written(body, document, words.Explanation, question.Answer);
                break;
            case QuestionKind.FreeText:
                Written(body, document, words.Answer, question.Answer);
                break;
            case QuestionKind.EntryLinks:
                Entries(main, body, document, question.Entries);
                break;
        }
    }

    private static void Action(MainDocumentPart main, Body body, ReportDocument document, ReportAction action)
    {
        var words = document.Words;
        body.Append(Paragraph("Heading3", Plain(action.Text)));
        body.Append(Paragraph("Attribution", Italic(action.SourceLine)));
        if (document.IsBlank)
        {
            body.Append(Paragraph("Normal", Bold(words.Status), Space(), Plain(string.Join(" ", words.Statuses.Select(s => $"{Box} {s}")))));
        }
        else
        {
            body.Append(Paragraph("Normal", Bold(words.Status), Space(), Plain(action.StatusLabel ?? words.NoAnswer)));
        }

        Written(body, document, words.Measures, action.Measures);
        if (!document.IsBlank && action.Entries.Count > 0)
        {
            Entries(main, body, document, action.Entries);
        }

        Written(body, document, words.Challenges, action.Challenges);
        Written(body, document, words.CapacityNeeds, action.CapacityNeeds);
    }

    /// <summary>A labelled text answer, or in the blank questionnaire the label and lines to write on.</summary>
    private static void Written(Body body, ReportDocument document, string label, string? text)
    {
        if (document.IsBlank)
        {
            body.Append(Paragraph("Normal", Bold(label)));
            body.Append(Paragraph("Normal", Plain(WritingLine)));
            body.Append(Paragraph("Normal", Plain(WritingLine)));
            return;
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return;
        }

        var lines = text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        body.Append(Paragraph("Normal", [Bold(label), Space(), .. lines.Take(1).Select(Plain)]));
        foreach (var line in lines.Skip(1))
        {
            body.Append(Paragraph("Normal", Plain(line)));
        }
    }

    private static void Entries(MainDocumentPart main, Body body, ReportDocument document, IReadOnlyList<ReportEntryLink> entries)
    {
        body.Append(Paragraph("Normal", Bold(document.Words.Entries)));
        if (document.IsBlank)
        {
            body.Append(Paragraph("Normal", Plain(WritingLine)));
            return;
        }

        foreach (var entry in entries)
        {
            body.Append(BulletParagraph(Link(main, entry.Url, LinkRun(entry.Url))));
        }
    }
}

using CyberNormPortal.Domain.Reports;

namespace CyberNormPortal.Web.Reports;

/// <summary>
/// One part's answers as lines of plain text, question by question and action by action: what search indexes, and
/// what the conflict message and the comparison between cycles diff line by line.
/// </summary>
public static class ReportText
{
    public static IReadOnlyList<string> Lines(
        QuestionnairePart part, IEnumerable<ChecklistAction> actions, PartAnswers answers, Func<ChecklistStatus, string> statusLabel, string yes = "Yes", string no = "No")
    {
        var lines = new List<string>();
        foreach (var question in part.OrderedQuestions)
        {
            if (answers.For(question) is not { } answer)
            {
                continue;
            }

            lines.Add("## " + question.Text);
            if (answer.Yes is { } isYes)
            {
                lines.Add(isYes ? yes : no);
            }

            lines.AddRange(answer.Choices.Select(c => "- " + c));
            lines.AddRange(Split(answer.Text));
            lines.AddRange(answer.EntryIds.Select(id => $"/entries/{id}"));
        }

        foreach (var action in actions.OrderBy(a => a.NormNumber).ThenBy(a => a.Position))
        {
            if (answers.For(action) is not { } answer)
            {
                continue;
            }

            lines.Add($"## {Domain.Norms.Norm.GgeReferenceFor(action.NormNumber)} {action.Text}");
            if (answer.Status is { } status)
            {
                lines.Add(statusLabel(status));
            }

            lines.AddRange(Split(answer.Measures));
            lines.AddRange(answer.EntryIds.Select(id => $"/entries/{id}"));
            lines.AddRange(Split(answer.Challenges));
            lines.AddRange(Split(answer.CapacityNeeds));
        }

        return lines;
    }

    private static IEnumerable<string> Split(string? text) =>
        string.IsNullOrWhiteSpace(text) ? [] : text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
}

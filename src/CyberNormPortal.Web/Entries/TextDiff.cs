using CyberNormPortal.Domain.Entries;
using CyberNormPortal.Web.Pages.Shared;
using Microsoft.Extensions.Localization;

namespace CyberNormPortal.Web.Entries;

public enum DiffKind
{
    Same,
    Removed,
    Added,
}

public sealed record DiffLine(DiffKind Kind, string Text);

/// <summary>One field of two revisions that differ, with its line-by-line difference.</summary>
public sealed record FieldDiff(string Field, IReadOnlyList<DiffLine> Lines);

/// <summary>Line-by-line differences (longest common subsequence), as the history and conflict pages show them.</summary>
public static class TextDiff
{
    /// <summary>Lines of <paramref name="before"/> and <paramref name="after"/>, marked same, removed or added.</summary>
    public static IReadOnlyList<DiffLine> Lines(string before, string after)
    {
        var a = Split(before);
        var b = Split(after);

        // Common head and tail first: edits are usually local, so the table stays small.
        var head = 0;
        while (head < a.Length && head < b.Length && a[head] == b[head])
        {
            head++;
        }

        var tail = 0;
        while (tail < a.Length - head && tail < b.Length - head && a[^(tail + 1)] == b[^(tail + 1)])
        {
            tail++;
        }

        var midA = a[head..^tail];
        var midB = b[head..^tail];
        var lengths = new int[midA.Length + 1, midB.Length + 1];
        for (var i = midA.Length - 1; i >= 0; i--)
        {
            for (var j = midB.Length - 1; j >= 0; j--)
            {
                lengths[i, j] = midA[i] == midB[j] ? lengths[i + 1, j + 1] + 1 : Math.Max(lengths[i + 1, j], lengths[i, j + 1]);
            }
        }

        var lines = new List<DiffLine>(a.Length + b.Length);
        lines.AddRange(a[..head].Select(l => new DiffLine(DiffKind.Same, l)));
        int x = 0, y = 0;
        while (x < midA.Length && y < midB.Length)
        {
            if (midA[x] == midB[y])
            {
                lines.Add(new DiffLine(DiffKind.Same, midA[x++]));
                y++;
            }
            else if (lengths[x + 1, y] >= lengths[x, y + 1])
            {
                lines.Add(new DiffLine(DiffKind.Removed, midA[x++]));
            }
            else
            {
                lines.Add(new DiffLine(DiffKind.Added, midB[y++]));
            }
        }

        lines.AddRange(midA[x..].Select(l => new DiffLine(DiffKind.Removed, l)));
        lines.AddRange(midB[y..].Select(l => new DiffLine(DiffKind.Added, l)));
        lines.AddRange(a[^tail..].Select(l => new DiffLine(DiffKind.Same, l)));
        return lines;
    }

    /// <summary>
    /// Every field that differs between two revisions; empty when they say the same. Field names are keys the page
    /// localizes; kinds and categories are written as their labels in the reader's language.
    /// </summary>
    public static IReadOnlyList<FieldDiff> Revisions(Revision before, Revision after, IStringLocalizer localizer) =>
        Fields(before, localizer).Zip(Fields(after, localizer))
            .Where(pair => pair.First.Text != pair.Second.Text)
            .Select(pair => new FieldDiff(pair.First.Field, Lines(pair.First.Text, pair.Second.Text)))
            .ToList();

    private static IEnumerable<(string Field, string Text)> Fields(Revision revision, IStringLocalizer localizer)
    {
        yield return ("Title", revision.Title);
        yield return ("Kind of entry", localizer[Labels.Kind(revision.Kind)]);
        yield return ("Practice categories", string.Join('\n', revision.PracticeCategories.Select(c => localizer[Labels.Category(c)].Value)));
        yield return ("Summary", revision.Summary);
        yield return ("Body", revision.Body);
        yield return ("Language", revision.Language);
        yield return ("Who may read it once published", Labels.Tlp(revision.Visibility));
        yield return ("References", string.Join('\n', revision.References.Select(r => $"{r.Title} <{r.Url}> ({localizer[Labels.Reference(r.Kind)]})")));
    }

    private static string[] Split(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
}

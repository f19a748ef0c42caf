using System.Text.RegularExpressions;

namespace CyberNormPortal.Web.IntegrationTests.Infrastructure;

/// <summary>
/// The source documents, read independently of the portal's seed files, so a test can hold the
/// portal to what the documents say.
/// </summary>
public static partial class ReferenceDocuments
{
    /// <summary>One norm of the 2019 synthesis: its lead statement and every bullet or closing remark, in order.</summary>
    public sealed record SynthesisNorm(int Number, string LeadStatement, IReadOnlyList<string> Items);

    private static string PathOf(string file) => Path.Combine(AppContext.BaseDirectory, "Reference", file);

    /// <summary>The eleven norms' official text as the Lucca declaration quotes A/70/174, final ';' as '.'.</summary>
    public static IReadOnlyDictionary<int, string> OfficialNormTexts()
    {
        var text = File.ReadAllText(PathOf("lucca-declaration-2017.txt"));
        return Enumerable.Range(1, 11).ToDictionary(
            n => n,
            n => Trim(Regex.Match(text, $@"^\s+{n}\. (.+)$", RegexOptions.Multiline).Groups[1].Value));
    }

    /// <summary>The 2019 G7 synthesis, parsed from its text: page breaks joined, Markdown marks removed.</summary>
    public static IReadOnlyList<SynthesisNorm> G7Synthesis2019()
    {
        var raw = File.ReadAllText(PathOf("g7-cni-synthesis-2019.txt")).Replace("\r", "", StringComparison.Ordinal);
        // A sentence cut by a page break: a line not ending a sentence, blank lines, then a lower-case start.
        raw = PageBreak().Replace(raw, "$1 $2");
        var paragraphs = raw.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

        var norms = new List<SynthesisNorm>();
        for (var i = 0; i < paragraphs.Length; i++)
        {
            var heading = NormHeading().Match(paragraphs[i]);
            if (!heading.Success)
            {
                continue;
            }

            var number = int.Parse(heading.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            var items = new List<string>();
            var lead = "";
            for (var j = i + 1; j < paragraphs.Length && !NormHeading().IsMatch(paragraphs[j]); j++)
            {
                var paragraph = paragraphs[j];
                if (lead.Length == 0)
                {
                    // "**Lead statement.** Optional remainder that is not bold."
                    var bold = LeadParagraph().Match(paragraph);
                    lead = Trim(bold.Groups[1].Value);
                    var remainder = Trim(bold.Groups[2].Value);
                    if (remainder.Length > 0)
                    {
                        items.Add(remainder);
                    }

                    continue;
                }

                foreach (var line in paragraph.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    items.Add(Trim(line.StartsWith("- ", StringComparison.Ordinal) ? line[2..] : line));
                }
            }

            norms.Add(new SynthesisNorm(number, lead, items));
        }

        return norms;
    }

    /// <summary>Normalises a passage for comparison: no emphasis marks, one space, no closing punctuation.</summary>
    public static string Trim(string text)
    {
        var plain = Text.Collapse(text.Replace("*", "", StringComparison.Ordinal));
        return plain.TrimEnd('/', '.', ';', ':', ' ').Trim();
    }

    [GeneratedRegex(@"([a-z,])\n\s*\n+\s*([a-z])")]
    private static partial Regex PageBreak();

    [GeneratedRegex(@"^\*\*Norm (\d+) [–-]")]
    private static partial Regex NormHeading();

    [GeneratedRegex(@"^\*\*(.+?)\*\*(.*)$", RegexOptions.Singleline)]
    private static partial Regex LeadParagraph();
}

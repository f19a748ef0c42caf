using System.Text;

namespace CyberNormPortal.Web.Exports;

/// <summary>User text made safe for an export: one line, no characters XML or Markdown cannot carry as text.</summary>
public static class ExportText
{
    /// <summary>
    /// Collapses every run of whitespace (newlines included) to one space and drops control and other
    /// characters that XML 1.0 does not allow, so text stays one paragraph and a document stays well-formed.
    /// </summary>
    public static string OneLine(string? text)
    {
        var builder = new StringBuilder(text?.Length ?? 0);
        var space = false;
        foreach (var rune in (text ?? "").EnumerateRunes())
        {
            if (Rune.IsWhiteSpace(rune))
            {
                space = builder.Length > 0;
                continue;
            }

            if (Rune.IsControl(rune) || rune.Value is 0xFFFE or 0xFFFF)
            {
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(rune.ToString());
        }

        return builder.ToString();
    }

    /// <summary>
    /// User text as inert Markdown: every character that could start a link, image, HTML tag, heading,
    /// emphasis, code span or table cell is backslash-escaped, and the text is kept on one line.
    /// </summary>
    public static string Markdown(string? text)
    {
        var line = OneLine(text);
        var builder = new StringBuilder(line.Length + 16);
        foreach (var c in line)
        {
            if (c is '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '#' or '!' or '|' or '&' or '~')
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }

        return builder.ToString();
    }
}

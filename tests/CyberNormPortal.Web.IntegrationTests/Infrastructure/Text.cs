using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace CyberNormPortal.Web.IntegrationTests.Infrastructure;

public static partial class Text
{
    /// <summary>What a reader sees of an element: its text with whitespace collapsed.</summary>
    public static string Visible(IElement? element) => Collapse(element?.TextContent ?? "");

    public static string Collapse(string text) => Whitespace().Replace(text, " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}

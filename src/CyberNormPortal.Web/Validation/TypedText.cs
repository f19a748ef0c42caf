namespace CyberNormPortal.Web.Validation;

/// <summary>
/// Text a person typed into a search box or filter. Control characters (NUL, escape, tab…) name nothing the portal
/// holds, and PostgreSQL refuses NUL in text, so they never reach a query: dropped, or reported by the API.
/// </summary>
public static class TypedText
{
    public static bool HasControlCharacters(string text) => text.Any(char.IsControl);

    public static string WithoutControlCharacters(string text) =>
        HasControlCharacters(text) ? new string(text.Where(c => !char.IsControl(c)).ToArray()) : text;
}

namespace CyberNormPortal.Web.Pages.Entries;

/// <summary>The buttons of the entry form: each posts its value as <c>Command</c>.</summary>
public static class EntryCommands
{
    public const string Save = "save";
    public const string Submit = "submit";
    public const string Preview = "preview";

    /// <summary>Adds an empty translation to the form, saving nothing and checking nothing (no JavaScript needed).</summary>
    public const string AddTranslation = "add-translation";
}

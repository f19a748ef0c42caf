using Microsoft.AspNetCore.Html;

namespace CyberNormPortal.Web.Pages.Entries;

/// <summary>What the shared entry form (<c>_EntryForm</c>) needs from the page that shows it.</summary>
public interface IEntryFormPage
{
    EntryFormInput Input { get; }

    IReadOnlyList<EntryFormOption> Norms { get; }

    IReadOnlyList<EntryFormOption> Cycles { get; }

    /// <summary>The body rendered as readers will see it, when the author asked for a preview.</summary>
    IHtmlContent? Preview { get; }

    /// <summary>Whether the signed-in user may submit for review from the form.</summary>
    bool CanSubmit { get; }

    /// <summary>An existing entry keeps its norm and cycle: the form shows them but does not change them.</summary>
    bool IsExisting { get; }
}

public sealed record EntryFormOption(int Value, string Text);

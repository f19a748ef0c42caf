using CyberNormPortal.Web.Synthesis;

namespace CyberNormPortal.Web.Pages.Shared;

/// <summary>
/// One filter of a GET form: a labelled select whose first option means "no filter", with its error
/// (a value from a hand-edited URL) shown beside it and announced with it.
/// </summary>
public sealed record FilterSelectModel(
    string Name, string Label, string AnyLabel, IReadOnlyList<ScopeOption> Options, string? Selected, string? Error);

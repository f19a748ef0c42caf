using Microsoft.Extensions.Localization;

namespace CyberNormPortal.Web.Filters;

/// <summary>
/// What is wrong with one query-string parameter: its name and a message (a key of <see cref="SharedResource"/>,
/// from <see cref="FilterMessages"/>) with its arguments. Pages show it beside the filter, the API answers 400 with it.
/// </summary>
public sealed record InputProblem(string Parameter, string MessageKey, IReadOnlyList<object> Arguments)
{
    public string Format(IStringLocalizer localizer) => localizer[MessageKey, [.. Arguments]];
}

/// <summary>
/// What a parser read: the value with every parameter that has a problem left out, and those problems.
/// A page shows the value and the problems; an endpoint that must be exact refuses the request when there are any.
/// </summary>
public sealed record Parsed<T>(T Value, IReadOnlyList<InputProblem> Problems)
{
    public bool IsValid => Problems.Count == 0;

    /// <summary>The first problem with <paramref name="parameter"/>, or null.</summary>
    public InputProblem? ProblemWith(string parameter) => Problems.FirstOrDefault(p => p.Parameter == parameter);
}

using Microsoft.Extensions.Localization;

namespace CyberNormPortal.Web.Filters;

/// <summary>Problems as the body of a plain-text 400 (the downloads): one line per problem, naming its parameter.</summary>
public static class ProblemText
{
    public const string ContentType = "text/plain; charset=utf-8";

    public static string Describe(IEnumerable<InputProblem> problems, IStringLocalizer localizer) =>
        string.Join('\n', problems.Select(p => $"{p.Parameter}: {p.Format(localizer)}"));
}

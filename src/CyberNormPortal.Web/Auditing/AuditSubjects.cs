namespace CyberNormPortal.Web.Auditing;

/// <summary>
/// What an audit record is about, as "kind:key" (<see cref="AuditRecord.Subject"/>). Built here only, so the audit
/// log's filter by subject finds every record about one account, entry, group, cycle or State.
/// </summary>
public static class AuditSubjects
{
    public static string User(string? email) => $"user:{email}";

    public static string Entry(int id) => $"entry:{id}";

    public static string Report(int id) => $"report:{id}";

    /// <summary>A capacity need or offer.</summary>
    public static string Capacity(int id) => $"capacity:{id}";

    public static string Match(int id) => $"match:{id}";

    public static string Organisation(int id) => $"organisation:{id}";

    public static string Group(string slug) => $"group:{slug}";

    public static string Cycle(string slug) => $"cycle:{slug}";

    /// <summary>One version of a cycle's questionnaire; the cycle's records share the prefix "cycle:{slug}".</summary>
    public static string Questionnaire(string cycleSlug, int version) => $"cycle:{cycleSlug}:questionnaire:{version}";

    /// <summary>A State's national report for a cycle.</summary>
    public static string Report(string iso3, string cycleSlug) => $"report:{iso3}:{cycleSlug}";

    public static string State(string iso3) => $"state:{iso3}";

    /// <summary>A norm's official text in one language.</summary>
    public static string NormText(int number, string language) => $"norm:{number}:{language}";

    /// <summary>A download of search results.</summary>
    public const string Search = "search";

    /// <summary>A download of the synthesis of one scope.</summary>
    public static string Synthesis(string scopeKey) => $"synthesis:{scopeKey}";
}

namespace CyberNormPortal.Web.Filters;

/// <summary>
/// The messages of <see cref="InputProblem"/>s: keys of Resources/SharedResource.resx, formatted with the
/// problem's arguments by whoever shows them.
/// </summary>
public static class FilterMessages
{
    public const string ControlCharacters = "This value contains control characters, which no filter value has. Choose one from the list.";
    public const string OneValueOnly = "Only one value can be chosen here; {0} were given.";
    public const string Norm = "There is no norm “{0}”: norms are numbered from {1} to {2}.";
    public const string Kind = "“{0}” is not a kind of entry the portal knows. Choose one from the list.";
    public const string Category = "“{0}” is not a practice category the portal knows. Choose one from the list.";
    public const string State = "Not a UN member State code: {0}.";
    public const string Group = "There is no group “{0}”. Choose one from the list.";
    public const string Region = "There is no regional group “{0}”. Choose one from the list.";
    public const string Cycle = "There is no reporting cycle “{0}”. Choose one from the list.";
    public const string Year = "“{0}” is not a year from {1} to {2}.";
    public const string Language = "“{0}” is not a language entries are written in. Choose one from the list.";
    public const string Page = "“{0}” is not a page number from {1} to {2}.";
    public const string PageSize = "“{0}” is not a page size from {1} to {2}.";
    public const string View = "“{0}” is not a way of grouping entries. Choose one from the list.";
    public const string Version = "“{0}” is not one of the portal's languages: ar, zh, en, fr, ru or es.";
    public const string TooManyStates = "At most {0} States can be compared; the first {0} are shown.";
    public const string TooFewStates = "Choose at least {0} States to compare.";

    public static readonly IReadOnlyList<string> All =
    [
        ControlCharacters, OneValueOnly, Norm, Kind, Category, State, Group, Region, Cycle, Year, Language, Page, PageSize, View, Version,
        TooManyStates, TooFewStates,
    ];
}

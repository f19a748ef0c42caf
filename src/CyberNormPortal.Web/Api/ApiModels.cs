using CyberNormPortal.Domain.Entries;
using CyberNormPortal.Domain.States;

namespace CyberNormPortal.Web.Api;

// What the public API answers. Records here are the contract: renaming a property breaks clients.

/// <summary>One of the eleven norms (A/70/174, para. 13).</summary>
public sealed record NormResource(
    int Number,
    string GgeReference,
    string ShortTitle,
    string FullText,
    string SourceDocument,
    int EntryCount,
    string Url,
    string ApiUrl,
    string EntriesUrl,
    string FeedUrl);

/// <summary>A UN member State and how it takes part in the initiative.</summary>
public sealed record StateResource(
    string Iso3,
    string Name,
    RegionalGroup RegionalGroup,
    InitiativeParticipation Participation,
    string Url,
    string ApiUrl,
    string EntriesUrl,
    string FeedUrl);

/// <summary>A State with the groups it belongs to.</summary>
public sealed record StateDetailResource(
    string Iso3,
    string Name,
    RegionalGroup RegionalGroup,
    InitiativeParticipation Participation,
    IReadOnlyList<string> Groups,
    int EntryCount,
    string Url,
    string ApiUrl,
    string EntriesUrl,
    string FeedUrl);

/// <summary>A group of States that reports together (the G7, for one).</summary>
public sealed record GroupResource(
    string Slug,
    string Name,
    string Abbreviation,
    IReadOnlyList<string> Members,
    string ApiUrl,
    string EntriesUrl);

/// <summary>A reporting cycle.</summary>
public sealed record CycleResource(
    string Slug,
    string Name,
    DateOnly OpensOn,
    DateOnly ClosesOn,
    bool IsOpen,
    string? ScopeGroup,
    string ApiUrl,
    string EntriesUrl);

/// <summary>
/// A published TLP:CLEAR entry as lists show it. Exactly one of <c>state</c> and <c>group</c> is set. <c>language</c>
/// is the language of the title and summary returned: the one asked for with <c>lang=</c> where the entry has a version
/// in it, otherwise the original (<c>originalLanguage</c>); <c>languages</c> lists every version, the original first.
/// </summary>
public sealed record EntryResource(
    int Id,
    int Norm,
    EntryKind Kind,
    IReadOnlyList<PracticeCategory> Categories,
    string Title,
    string Summary,
    string Language,
    string OriginalLanguage,
    IReadOnlyList<string> Languages,
    string? State,
    string? Group,
    string AuthorName,
    string Cycle,
    DateTimeOffset PublishedAt,
    string Url,
    string ApiUrl);

/// <summary>A document an entry cites.</summary>
public sealed record ReferenceResource(string Title, string Url, ReferenceKind Kind);

/// <summary>
/// A published TLP:CLEAR entry with its Markdown body and references, in the language asked for with <c>lang=</c>
/// where it has a version in it, otherwise the original; <c>language</c> says which.
/// </summary>
public sealed record EntryDetailResource(
    int Id,
    int Norm,
    EntryKind Kind,
    IReadOnlyList<PracticeCategory> Categories,
    string Title,
    string Summary,
    string Body,
    string Language,
    string OriginalLanguage,
    IReadOnlyList<string> Languages,
    string? State,
    string? Group,
    string AuthorName,
    string Cycle,
    DateTimeOffset PublishedAt,
    IReadOnlyList<ReferenceResource> References,
    string Url,
    string ApiUrl);

/// <summary>Absolute links of a page of results; each keeps the request's filters.</summary>
public sealed record PageLinks(string Self, string First, string? Prev, string? Next, string Last);

/// <summary>One page of entries, newest first.</summary>
public sealed record EntryPage(IReadOnlyList<EntryResource> Items, int Page, int PageSize, int Total, PageLinks Links);

/// <summary>An entry as the synthesis cites it, its title and summary in <c>language</c>.</summary>
public sealed record SynthesisEntryResource(int Id, string Title, string Summary, string Language, EntryKind Kind, string Author, string Url, string ApiUrl);

/// <summary>What a scope's States reported on one norm.</summary>
public sealed record SynthesisNormResource(
    int Number,
    string GgeReference,
    string ShortTitle,
    string Text,
    string? LeadStatement,
    string? LeadStatementLanguage,
    int ReportingStates,
    int ScopeStates,
    int EntryCount,
    IReadOnlyList<SynthesisEntryResource> Entries);

/// <summary>The norm-by-norm synthesis of a scope (a group, a cycle, a UN regional group, each optional).</summary>
public sealed record SynthesisResource(
    string? Group,
    string? GroupName,
    string? Cycle,
    string? CycleName,
    RegionalGroup? Region,
    int ScopeStates,
    int EntryCount,
    IReadOnlyList<SynthesisNormResource> Norms);

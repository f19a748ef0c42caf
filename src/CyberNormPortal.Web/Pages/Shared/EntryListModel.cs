using CyberNormPortal.Web.Data.Queries;

namespace CyberNormPortal.Web.Pages.Shared;

public sealed record EntryListModel(
    IReadOnlyList<PublishedEntry> Entries,
    IReadOnlyDictionary<int, string> CycleNames,
    bool ShowNorm,
    bool ShowAuthor);

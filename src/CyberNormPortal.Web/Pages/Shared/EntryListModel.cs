using CyberNormPortal.Web.Data.Queries;

namespace CyberNormPortal.Web.Pages.Shared;

public sealed record EntryListModel(
    IReadOnlyList<PublishedEntry> Entries,
    bool ShowNorm,
    bool ShowAuthor);

using CyberNormPortal.Web.Entries;

namespace CyberNormPortal.Web.Pages.Shared;

public sealed record WorkQueueModel(IReadOnlyList<WorkingEntry> Entries, string EmptyText);

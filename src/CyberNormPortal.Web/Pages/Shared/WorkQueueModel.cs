using CyberNormPortal.Web.Entries;

namespace CyberNormPortal.Web.Pages.Shared;

/// <summary>A list of entries someone works on, with the text shown when it is empty.</summary>
/// <param name="Entries">The entries, in the queue's order.</param>
/// <param name="EmptyText">What the list says when nothing is in it.</param>
/// <param name="HeadingLevel">The level of each entry's heading: one below the heading the queue sits under.</param>
public sealed record WorkQueueModel(IReadOnlyList<WorkingEntry> Entries, string EmptyText, int HeadingLevel = 3);

using CyberNormPortal.Web.Capacity;

namespace CyberNormPortal.Web.Pages.Shared;

/// <summary>Needs and offers as a table (<c>_CapacityTable</c>): the list, and the norm and State pages' sections.</summary>
public sealed record CapacityTableModel(IReadOnlyList<CapacityRow> Rows, string Caption, bool ShowSide = true, bool ShowOwner = true);

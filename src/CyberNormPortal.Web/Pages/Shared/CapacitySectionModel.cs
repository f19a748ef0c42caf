using CyberNormPortal.Web.Capacity;

namespace CyberNormPortal.Web.Pages.Shared;

/// <summary>
/// The "Capacity building" section of a norm's or a State's page (<c>_CapacitySection</c>): its first needs and offers,
/// and a link to all of them on <c>/capacity</c>.
/// </summary>
public sealed record CapacitySectionModel(CapacitySection Section, string AllUrl, string AllText, string EmptyText, bool ShowOwner = true);

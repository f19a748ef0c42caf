namespace CyberNormPortal.Domain.Entries;

/// <summary>
/// Traffic Light Protocol label of an entry. Only <see cref="Clear"/> ever reaches visitors,
/// public exports, the feed or the public API.
/// </summary>
public enum TlpLabel
{
    /// <summary>TLP:CLEAR — public.</summary>
    Clear,

    /// <summary>TLP:GREEN — the signed-in community only.</summary>
    Green,

    /// <summary>TLP:AMBER — the authoring State and moderators only.</summary>
    Amber,
}

using System.Linq.Expressions;
using CyberNormPortal.Domain.Capacity;
using CyberNormPortal.Domain.Entries;
using CyberNormPortal.Web.Data.Queries;

namespace CyberNormPortal.Web.Capacity;

/// <summary>
/// The one rule of who sees which need, offer and match (docs/decisions/0017-capacity-building.md), as database
/// filters and as a check on one loaded item. A published item is seen by its label: TLP:CLEAR by everyone, TLP:GREEN
/// by the signed-in community, TLP:AMBER ("secretariat only") by the secretariat and its owner's own points of contact.
/// Before publication, and once withdrawn, an item is seen only by its owner's points of contact and by moderators.
/// A match is seen by the secretariat and the points of contact of its two sides.
/// </summary>
public static class CapacityVisibility
{
    /// <summary>Whether <paramref name="reader"/> speaks for the item's owner: a State's contributor or approver, or an organisation's contact.</summary>
    public static bool Owns(this Reader reader, string? stateIso3, int? organisationId) =>
        (stateIso3 is not null && reader.StateIso3 == stateIso3) || (organisationId is not null && reader.OrganisationId == organisationId);

    /// <summary>The filter: items <paramref name="reader"/> may see in any status.</summary>
    public static Expression<Func<CapacityItem, bool>> Visible(Reader reader) =>
        reader.IsModerator
            ? i => true
            : i => (reader.StateIso3 != null && i.StateIso3 == reader.StateIso3)
                || (reader.OrganisationId != null && i.OrganisationId == reader.OrganisationId)
                || (i.Status == EntryStatus.Published
                    && (i.Visibility == TlpLabel.Clear || (reader.IsSignedIn && i.Visibility == TlpLabel.Green)));

    /// <summary>The filter: published items <paramref name="reader"/> may see (the public lists, norm and State pages).</summary>
    public static Expression<Func<CapacityItem, bool>> PublishedVisible(Reader reader) =>
        reader.IsModerator
            ? i => i.Status == EntryStatus.Published
            : i => i.Status == EntryStatus.Published
                && (i.Visibility == TlpLabel.Clear
                    || (reader.IsSignedIn && i.Visibility == TlpLabel.Green)
                    || (reader.StateIso3 != null && i.StateIso3 == reader.StateIso3)
                    || (reader.OrganisationId != null && i.OrganisationId == reader.OrganisationId));

    public static IQueryable<CapacityItem> VisibleTo(this IQueryable<CapacityItem> items, Reader reader) => items.Where(Visible(reader));

    public static IQueryable<CapacityItem> PublishedVisibleTo(this IQueryable<CapacityItem> items, Reader reader) =>
        items.Where(PublishedVisible(reader));

    /// <summary>What anonymous readers, the public API and the CSV get: published and TLP:CLEAR.</summary>
    public static IQueryable<CapacityItem> Public(this IQueryable<CapacityItem> items) => items.PublishedVisibleTo(Reader.Anonymous);

    /// <summary>The same rule for one item already loaded.</summary>
    public static bool MaySee(this Reader reader, EntryStatus status, TlpLabel visibility, string? stateIso3, int? organisationId) =>
        reader.IsModerator
        || reader.Owns(stateIso3, organisationId)
        || (status == EntryStatus.Published && (visibility == TlpLabel.Clear || (reader.IsSignedIn && visibility == TlpLabel.Green)));

    /// <summary>The sides of a match <paramref name="reader"/> speaks for (the secretariat: acting moderators).</summary>
    public static MatchParty PartiesOf(
        this Reader reader, string? needStateIso3, string? offerStateIso3, int? offerOrganisationId) =>
        (reader.Owns(needStateIso3, null) ? MatchParty.NeedSide : MatchParty.None)
        | (reader.Owns(offerStateIso3, offerOrganisationId) ? MatchParty.OfferSide : MatchParty.None)
        | (reader.IsModerator ? MatchParty.Secretariat : MatchParty.None);

    /// <summary>Whether <paramref name="reader"/> may see a match: the secretariat, or a point of contact of one of its sides.</summary>
    public static bool MaySeeMatch(this Reader reader, string? needStateIso3, string? offerStateIso3, int? offerOrganisationId) =>
        reader.PartiesOf(needStateIso3, offerStateIso3, offerOrganisationId) != MatchParty.None;
}

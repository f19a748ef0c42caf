using System.Globalization;
using CyberNormPortal.Domain.Capacity;
using CyberNormPortal.Web.Capacity;
using CyberNormPortal.Web.Data;
using CyberNormPortal.Web.Identity;
using CyberNormPortal.Web.Localization;
using Microsoft.EntityFrameworkCore;

namespace CyberNormPortal.Web.Mail;

/// <summary>
/// Who hears what about matches, in their own language, queued in the caller's unit of work (like
/// <see cref="Notifications"/>, whose recipient rules it shares through <see cref="CapacityContacts"/>): an expression
/// of interest goes to the other side's contacts, and to the secretariat once both sides consented; the
/// introduction is one mail to both sides' contacts; each later status change goes to both sides; a newly published
/// item is announced to the contacts of its best counterparts.
/// </summary>
public sealed class CapacityNotifications(PortalDbContext db, MailQueue mail, MailTemplates templates, StateNames stateNames)
{
    /// <summary>The match page, where each of these people acts: <c>Pages/Capacity/Match</c>.</summary>
    public static string MatchPath(int matchId) => $"/capacity/matches/{matchId}";

    /// <summary>An item's page: <c>Pages/Capacity/Details</c>.</summary>
    public static string ItemPath(int itemId) => $"/capacity/{itemId}";

    /// <summary>
    /// <paramref name="side"/> expressed interest: the other side's contacts are asked to consent too; once both have,
    /// the secretariat is told the match is ready to introduce.
    /// </summary>
    public async Task InterestAsync(
        CapacityMatch match, CapacityItemFacts need, CapacityItemFacts offer, MatchParty side, MatchEvent step, CancellationToken cancellationToken)
    {
        var (theirs, yours) = side == MatchParty.NeedSide ? (need, offer) : (offer, need);
        foreach (var user in await ContactsAsync(yours, step.ActorUserId, cancellationToken))
        {
            var culture = MailTemplates.CultureOf(user);
            Enqueue(user.Email!, templates.Render("MatchInterest", culture,
                ("actor", step.ActorName),
                ("owner", OwnerName(theirs, culture)),
                ("theirTitle", theirs.Title),
                ("yourTitle", yours.Title),
                ("link", mail.Link(MatchPath(match.Id), culture))));
        }

        if (match.BothConsented)
        {
            foreach (var user in await db.Secretariat().AsNoTracking().ToListAsync(cancellationToken))
            {
                var culture = MailTemplates.CultureOf(user);
                Enqueue(user.Email!, templates.Render("MatchReady", culture, [.. Values(need, offer, culture), ("link", mail.Link(MatchPath(match.Id), culture))]));
            }
        }
    }

    /// <summary>A step taken on the match page: interest as above, the introduction, or a status change told to both sides.</summary>
    public async Task StepAsync(CapacityMatch match, CapacityItemFacts need, CapacityItemFacts offer, MatchEvent step, CancellationToken cancellationToken)
    {
        switch (step.Action)
        {
            case MatchAction.ExpressInterest:
                await InterestAsync(match, need, offer, match.NeedSideConsentedAt == step.At ? MatchParty.NeedSide : MatchParty.OfferSide, step, cancellationToken);
                break;
            case MatchAction.Introduce:
                await IntroductionAsync(match, need, offer, cancellationToken);
                break;
            default:
                var needSide = await ContactsAsync(need, step.ActorUserId, cancellationToken);
                var offerSide = await ContactsAsync(offer, step.ActorUserId, cancellationToken);
                foreach (var user in needSide.Concat(offerSide).DistinctBy(u => u.Id))
                {
                    var culture = MailTemplates.CultureOf(user);
                    var note = step.Note is null ? ""
                        : templates.Text(step.Action == MatchAction.Deliver ? "MatchStatusChanged.Outcome" : "MatchStatusChanged.Reason", culture, ("note", step.Note));
                    Enqueue(user.Email!, templates.Render("MatchStatusChanged", culture,
                        [.. Values(need, offer, culture), ("actor", step.ActorName), ("status", templates.Text($"MatchStatus.{step.ToStatus}", culture)),
                            ("note", note), ("link", mail.Link(MatchPath(match.Id), culture))]));
                }

                break;
        }
    }

    /// <summary>
    /// Announces a newly published item to the contacts of <paramref name="counterparts"/> (best first): one mail per
    /// person, naming their best-matching item. Returns how many mails were queued.
    /// </summary>
    public async Task<int> SuggestedAsync(CapacityItemFacts item, IReadOnlyList<CapacityItemFacts> counterparts, CancellationToken cancellationToken)
    {
        if (counterparts.Count == 0)
        {
            return 0;
        }

        var states = counterparts.Where(c => c.StateIso3 is not null).Select(c => c.StateIso3!).Distinct().ToList();
        var organisations = counterparts.Where(c => c.StateIso3 is null && c.OrganisationId is not null).Select(c => c.OrganisationId!.Value).Distinct().ToList();
        var users = await db.OwnerContactsOfAny(states, organisations).AsNoTracking().ToListAsync(cancellationToken);
        var template = item.Side == CapacitySide.Need ? "CapacitySuggestedNeed" : "CapacitySuggestedOffer";
        var sent = 0;
        foreach (var user in users.OrderBy(u => u.Id, StringComparer.Ordinal))
        {
            var theirs = counterparts.FirstOrDefault(c => c.StateIso3 is not null ? c.StateIso3 == user.StateIso3 : c.OrganisationId == user.OrganisationId);
            if (theirs is null)
            {
                continue;
            }

            var culture = MailTemplates.CultureOf(user);
            Enqueue(user.Email!, templates.Render(template, culture,
                ("title", item.Title),
                ("owner", OwnerName(item, culture)),
                ("yourTitle", theirs.Title),
                ("link", mail.Link(ItemPath(item.Id), culture)),
                ("yourLink", mail.Link(ItemPath(theirs.Id), culture))));
            sent++;
        }

        return sent;
    }

    /// <summary>
    /// The one introduction mail, to every contact of both sides at once so they can write to each other: both items,
    /// their links and their contacts, in each recipient's language (the need side's first) where they differ.
    /// </summary>
    private async Task IntroductionAsync(CapacityMatch match, CapacityItemFacts need, CapacityItemFacts offer, CancellationToken cancellationToken)
    {
        var needSide = await ContactsAsync(need, null, cancellationToken);
        var offerSide = await ContactsAsync(offer, null, cancellationToken);
        var recipients = needSide.Concat(offerSide).DistinctBy(u => u.Email, StringComparer.OrdinalIgnoreCase).ToList();
        if (recipients.Count == 0)
        {
            return;
        }

        var languages = recipients.Select(MailTemplates.CultureOf).DistinctBy(c => c.Name).ToList();
        var texts = languages.Select(culture => templates.Render("MatchIntroduction", culture,
        [
            .. Values(need, offer, culture),
            ("needLink", mail.Link(ItemPath(need.Id), culture)),
            ("offerLink", mail.Link(ItemPath(offer.Id), culture)),
            ("needContacts", Contacts(needSide)),
            ("offerContacts", Contacts(offerSide)),
            ("link", mail.Link(MatchPath(match.Id), culture)),
        ])).ToList();
        var to = new List<string>();
        foreach (var address in recipients.Select(u => u.Email!))
        {
            // The list fits the column; a match with more contacts than that is a case for the secretariat's own mail.
            if (string.Join(", ", to.Append(address)).Length > FieldLengths.MailRecipients)
            {
                break;
            }

            to.Add(address);
        }

        mail.Enqueue(
            string.Join(", ", to),
            string.Join(" / ", texts.Select(t => t.Subject).Distinct()),
            string.Join("\n\n————————————————\n\n", texts.Select(t => t.Body)),
            texts[0].Language);
    }

    private static string Contacts(IEnumerable<PortalUser> users) =>
        string.Join(", ", users.Select(u => $"{u.DisplayName} <{u.Email}>"));

    private (string, string)[] Values(CapacityItemFacts need, CapacityItemFacts offer, CultureInfo culture) =>
        [("needTitle", need.Title), ("needOwner", OwnerName(need, culture)), ("offerTitle", offer.Title), ("offerOwner", OwnerName(offer, culture))];

    private string OwnerName(CapacityItemFacts item, CultureInfo culture) =>
        item.StateIso3 is { } iso3 ? stateNames.Of(iso3, PortalCultures.OrDefault(culture.Name), item.OwnerName) : item.OwnerName;

    private async Task<List<PortalUser>> ContactsAsync(CapacityItemFacts item, string? exceptUserId, CancellationToken cancellationToken) =>
        await db.OwnerContacts(item.StateIso3, item.OrganisationId).Where(u => u.Id != exceptUserId).OrderBy(u => u.Email).AsNoTracking().ToListAsync(cancellationToken);

    private void Enqueue(string to, MailText text) => mail.Enqueue(to, text.Subject, text.Body, text.Language);
}

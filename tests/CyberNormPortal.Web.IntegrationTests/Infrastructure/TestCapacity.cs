using CyberNormPortal.Domain.Capacity;
using CyberNormPortal.Domain.Entries;
using CyberNormPortal.Domain.States;
using Microsoft.EntityFrameworkCore;

namespace CyberNormPortal.Web.IntegrationTests.Infrastructure;

/// <summary>Intent-level helpers that put capacity-building needs, offers and matches in the portal's database.</summary>
public static class TestCapacity
{
    public static Task SetPreferredLanguageAsync(this PortalFixture portal, TestUser user, string language) =>
        portal.WithDbAsync(async db =>
        {
            var account = await db.Users.SingleAsync(u => u.Id == user.Id);
            account.PreferredLanguage = language;
            await db.SaveChangesAsync();
            return 0;
        });

    /// <summary>
    /// A need or an offer of <paramref name="owner"/> (a State's ISO3 code, or null with <paramref name="organisationId"/>),
    /// drafted by one of its points of contact and taken to <paramref name="status"/> through the domain's own steps: a
    /// State's by another person's approval (and a moderator's publication for a partner State), an organisation's by a
    /// moderator. Norm 10 (13(j)), training, English, and for an offer the African region, unless said otherwise.
    /// </summary>
    public static Task<int> CreateCapacityItemAsync(
        this PortalFixture portal,
        CapacitySide side,
        string? owner,
        int? organisationId = null,
        IReadOnlyList<int>? norms = null,
        IReadOnlyList<string>? languages = null,
        IReadOnlyList<RegionalGroup>? regions = null,
        TlpLabel visibility = TlpLabel.Clear,
        EntryStatus status = EntryStatus.Published,
        string? title = null,
        IReadOnlyList<KindOfHelp>? kinds = null,
        IReadOnlyList<PracticeCategory>? categories = null,
        IReadOnlyList<string>? actionKeys = null,
        string description = "Help to set up a **national CSIRT**.") =>
        portal.WithDbAsync(async db =>
        {
            var now = DateTimeOffset.UtcNow;
            var poster = owner is not null
                ? new WorkflowActor("contributor-" + owner, "Contributor of " + owner, WorkflowRoles.Contributor, owner)
                : new WorkflowActor("organisation-" + organisationId, "Contact of organisation " + organisationId, WorkflowRoles.OrganisationContact, null, null, organisationId);
            var approver = new WorkflowActor("approver-" + owner, "Approver of " + owner, WorkflowRoles.Approver, owner);
            var moderator = new WorkflowActor("moderator", "Moderator", WorkflowRoles.Moderator, null);
            var member = owner is not null
                && await db.States.Where(s => s.Iso3 == owner).Select(s => s.Participation == InitiativeParticipation.Member).SingleAsync();
            var context = new WorkflowContext(member, StateHasSinglePointOfContact: false);
            var content = new CapacityContent(
                title ?? $"{side} of {owner ?? "organisation " + organisationId} on norms {string.Join(",", norms ?? [10])}",
                description,
                norms ?? [10],
                actionKeys ?? [],
                categories ?? [],
                kinds ?? [KindOfHelp.Training],
                languages ?? ["en"],
                side == CapacitySide.Offer ? regions ?? [RegionalGroup.African] : [],
                side == CapacitySide.Need ? "First half of 2027" : null,
                null,
                null,
                visibility);

            var item = CapacityItem.Draft(side, owner, organisationId, content, poster, now);
            if (status != EntryStatus.Draft)
            {
                item.Apply(WorkflowAction.Submit, poster, context, now);
            }

            if (status is EntryStatus.Published or EntryStatus.Withdrawn || (status == EntryStatus.AwaitingModeration && owner is not null))
            {
                if (item.Status == EntryStatus.Submitted)
                {
                    item.Apply(WorkflowAction.Approve, approver, context, now);
                }

                if (item.Status == EntryStatus.AwaitingModeration && status != EntryStatus.AwaitingModeration)
                {
                    item.Apply(WorkflowAction.Publish, moderator, context, now);
                }
            }

            if (status == EntryStatus.Withdrawn)
            {
                item.Apply(WorkflowAction.Withdraw, moderator, context, now, "Withdrawn by the test.");
            }

            if (item.Status != status)
            {
                throw new InvalidOperationException($"The item reached {item.Status}, not {status}.");
            }

            db.CapacityItems.Add(item);
            await db.SaveChangesAsync();
            return item.Id;
        });

    /// <summary>A match of a need and an offer, with the consent of the sides named (and introduced when asked), straight through the domain.</summary>
    public static Task<int> CreateMatchAsync(this PortalFixture portal, int needId, int offerId, bool needConsents = true, bool offerConsents = false, bool introduced = false) =>
        portal.WithDbAsync(async db =>
        {
            var now = DateTimeOffset.UtcNow;
            var needSide = new MatchActor("need-side", "Need side", MatchParty.NeedSide);
            var offerSide = new MatchActor("offer-side", "Offer side", MatchParty.OfferSide);
            var match = CapacityMatch.Begin(needId, offerId, needConsents ? needSide : offerSide, now);
            if (needConsents && offerConsents)
            {
                match.Apply(MatchAction.ExpressInterest, offerSide, now);
            }

            if (introduced)
            {
                match.Apply(MatchAction.Introduce, new MatchActor("moderator", "Moderator", MatchParty.Secretariat), now);
            }

            db.CapacityMatches.Add(match);
            await db.SaveChangesAsync();
            return match.Id;
        });
}

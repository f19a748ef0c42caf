using CyberNormPortal.Domain.Capacity;
using CyberNormPortal.Domain.Entries;
using Microsoft.EntityFrameworkCore;

namespace CyberNormPortal.Web.IntegrationTests.Infrastructure;

/// <summary>
/// Intent-level helpers for capacity building: organisations, their contacts, and needs and offers taken to a status
/// through the domain's own steps. (Organisations and their contacts: <see cref="TestOrganisations"/>.)
/// </summary>
public static class TestCapacity
{
    public static Task SetPreferredLanguageAsync(this PortalFixture portal, TestUser user, string language) =>
        portal.WithDbAsync(async db =>
        {
            var account = await db.Users.SingleAsync(u => u.Id == user.Id);
            account.PreferredLanguage = language ?? account.PreferredLanguage;
            await db.SaveChangesAsync();
            return 0;
        });

    public static CapacityContent Content(CapacitySide side, string title = "A national CSIRT's incident handling", TlpLabel visibility = TlpLabel.Green) => new(
        title, "We need *training* for incident handlers.", [10], [], [PracticeCategory.InstitutionsAndCerts], [KindOfHelp.Training], ["fr"],
        side == CapacitySide.Offer ? [Domain.States.RegionalGroup.African] : [], side == CapacitySide.Need ? "First half of 2027" : null, null, null, visibility);

    /// <summary>
    /// A need or offer of <paramref name="stateIso3"/> (or of <paramref name="organisationId"/>) taken to
    /// <paramref name="status"/>: drafted by a contributor, approved by an approver (as a partner State's, so it reaches
    /// moderation), published and withdrawn by a moderator.
    /// </summary>
    public static Task<int> CreateCapacityItemAsync(
        this PortalFixture portal, CapacitySide side, string? stateIso3, int? organisationId = null, EntryStatus status = EntryStatus.Draft, string? title = null) =>
        portal.WithDbAsync(async db =>
        {
            var now = DateTimeOffset.UtcNow;
            var owner = organisationId is { } org
                ? new WorkflowActor("contact-" + org, "Contact of organisation " + org, WorkflowRoles.OrganisationContact, null, null, org)
                : new WorkflowActor("contributor-" + stateIso3, "Contributor of " + stateIso3, WorkflowRoles.Contributor, stateIso3);
            var approver = new WorkflowActor("approver-" + stateIso3, "Approver of " + stateIso3, WorkflowRoles.Approver, stateIso3);
            var moderator = new WorkflowActor("moderator", "Moderator", WorkflowRoles.Moderator, null);
            var partner = new WorkflowContext(StateIsInitiativeMember: false, StateHasSinglePointOfContact: false);
            var item = CapacityItem.Draft(side, stateIso3, organisationId, Content(side, title ?? "A national CSIRT's incident handling"), owner, now);
            if (status != EntryStatus.Draft)
            {
                item.Apply(WorkflowAction.Submit, owner, partner, now);
            }

            if (status is EntryStatus.AwaitingModeration or EntryStatus.Published or EntryStatus.Withdrawn && organisationId is null)
            {
                item.Apply(WorkflowAction.Approve, approver, partner, now);
            }

            if (status is EntryStatus.Published or EntryStatus.Withdrawn)
            {
                item.Apply(WorkflowAction.Publish, moderator, partner, now);
            }

            if (status == EntryStatus.Withdrawn)
            {
                item.Apply(WorkflowAction.Withdraw, moderator, partner, now, "Withdrawn by the test.");
            }

            if (item.Status != status)
            {
                throw new InvalidOperationException($"The item reached {item.Status}, not {status}.");
            }

            db.CapacityItems.Add(item);
            await db.SaveChangesAsync();
            return item.Id;
        });
}

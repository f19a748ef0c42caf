using CyberNormPortal.Domain.Cycles;
using CyberNormPortal.Domain.Entries;
using CyberNormPortal.Domain.States;
using Microsoft.EntityFrameworkCore;

namespace CyberNormPortal.Web.IntegrationTests.Infrastructure;

/// <summary>Intent-level helpers that put entries in the portal's database.</summary>
public static class TestEntries
{
    public static Task<int> PublishAsync(
        this PortalFixture portal,
        string stateIso3,
        int norm = 3,
        string title = "National CSIRT established by law",
        string summary = "A national CSIRT coordinates incident response.",
        string body = "The **CSIRT** was created in 2020.",
        TlpLabel visibility = TlpLabel.Clear,
        EntryKind kind = EntryKind.ImplementationStep,
        DateTimeOffset? publishedAt = null) =>
        portal.WithDbAsync(async db =>
        {
            var cycle = await db.Cycles.Select(c => c.Id).FirstAsync();
            var content = new EntryContent(
                kind, title, summary, body, "en", visibility, [PracticeCategory.InstitutionsAndCerts], []);
            var entry = Entry.ImportPublished(
                norm, cycle, EntryAuthor.State(stateIso3), content, publishedAt ?? DateTimeOffset.UtcNow, $"test/{Guid.NewGuid():N}", "Test");
            db.Entries.Add(entry);
            await db.SaveChangesAsync();
            return entry.Id;
        });

    /// <summary>A reporting cycle open for entries, for all States.</summary>
    public static Task<int> OpenCycleAsync(this PortalFixture portal, string name = "Annual reporting 2026") =>
        portal.WithDbAsync(async db =>
        {
            var cycle = new ReportingCycle($"open-{Guid.NewGuid():N}"[..20], name, new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), null, isOpen: true);
            db.Cycles.Add(cycle);
            await db.SaveChangesAsync();
            return cycle.Id;
        });

    /// <summary>
    /// An entry of <paramref name="author"/>'s State taken to <paramref name="status"/> through the domain's own steps
    /// (an approver and, for partner States, a moderator act as needed), as if people had done it in the portal.
    /// </summary>
    public static Task<int> CreateEntryAsync(
        this PortalFixture portal, TestUser author, EntryStatus status = EntryStatus.Draft, TlpLabel visibility = TlpLabel.Clear,
        int norm = 3, string title = "Draft: a national CSIRT")
    {
        var state = author.StateIso3 ?? throw new InvalidOperationException("The author needs a State.");
        return portal.WithDbAsync(async db =>
        {
            var cycle = await db.Cycles.Where(c => c.IsOpen).Select(c => c.Id).FirstOrDefaultAsync();
            if (cycle == 0)
            {
                cycle = await db.Cycles.Select(c => c.Id).FirstAsync();
            }

            var content = new EntryContent(
                EntryKind.ImplementationStep, title, "A national CSIRT coordinates incident response.", "The **CSIRT** was set up in 2024.",
                "en", visibility, [PracticeCategory.InstitutionsAndCerts], []);
            var now = DateTimeOffset.UtcNow;
            var contributor = new WorkflowActor(author.Id, author.DisplayName, WorkflowRoles.Contributor | WorkflowRoles.Approver, state);
            var reviewer = new WorkflowActor("reviewer-" + state, "Reviewer of " + state, WorkflowRoles.Approver, state);
            var moderator = new WorkflowActor("moderator", "Moderator", WorkflowRoles.Moderator, null);
            var member = await db.States.Where(s => s.Iso3 == state).Select(s => s.Participation == InitiativeParticipation.Member).SingleAsync();
            var context = new WorkflowContext(member, StateHasSinglePointOfContact: false);

            var entry = Entry.CreateDraft(norm, cycle, state, content, contributor, now);
            if (status != EntryStatus.Draft)
            {
                entry.Apply(WorkflowAction.Submit, contributor, context, now);
            }

            if (status is EntryStatus.AwaitingModeration or EntryStatus.Published or EntryStatus.Withdrawn)
            {
                entry.Apply(WorkflowAction.Approve, reviewer, context, now);
                if (entry.Status == EntryStatus.AwaitingModeration && status != EntryStatus.AwaitingModeration)
                {
                    entry.Apply(WorkflowAction.Publish, moderator, context, now);
                }
            }

            if (status == EntryStatus.Withdrawn)
            {
                entry.Apply(WorkflowAction.Withdraw, moderator, context, now, "Superseded");
            }

            if (entry.Status != status)
            {
                throw new InvalidOperationException($"{state} cannot reach {status} this way (it is {entry.Status}).");
            }

            db.Entries.Add(entry);
            await db.SaveChangesAsync();
            return entry.Id;
        });
    }

    /// <summary>
    /// A joint entry of <paramref name="coordinator"/>'s group, drafted by them and taken to <paramref name="status"/>
    /// through the domain's own steps: another coordinator of the group approves, a moderator publishes or withdraws.
    /// For <see cref="EntryStatus.AwaitingModeration"/> the approval is taken as for a group with a partner State.
    /// </summary>
    public static Task<int> CreateJointEntryAsync(
        this PortalFixture portal, TestUser coordinator, EntryStatus status = EntryStatus.Draft, int norm = 3,
        string title = "Joint statement on critical infrastructure")
    {
        var group = coordinator.GroupId ?? throw new InvalidOperationException("The author needs a group.");
        return portal.WithDbAsync(async db =>
        {
            var cycle = await db.Cycles.Where(c => c.IsOpen).Select(c => c.Id).FirstOrDefaultAsync();
            if (cycle == 0)
            {
                cycle = await db.Cycles.Select(c => c.Id).FirstAsync();
            }

            var content = new EntryContent(
                EntryKind.BestPractice, title, "The group's members protect critical infrastructure together.", "Agreed at the **summit**.",
                "en", TlpLabel.Clear, [PracticeCategory.InternationalCooperationAndCbms], []);
            var now = DateTimeOffset.UtcNow;
            var author = new WorkflowActor(coordinator.Id, coordinator.DisplayName, WorkflowRoles.GroupCoordinator, null, group);
            var second = new WorkflowActor("second-coordinator", "Second coordinator", WorkflowRoles.GroupCoordinator, null, group);
            var moderator = new WorkflowActor("moderator", "Moderator", WorkflowRoles.Moderator, null);
            var context = new WorkflowContext(StateIsInitiativeMember: status != EntryStatus.AwaitingModeration, StateHasSinglePointOfContact: false);

            var entry = Entry.CreateDraft(norm, cycle, EntryAuthor.JointGroup(group), content, author, now);
            if (status != EntryStatus.Draft)
            {
                entry.Apply(WorkflowAction.Submit, author, context, now);
            }

            if (status is EntryStatus.AwaitingModeration or EntryStatus.Published or EntryStatus.Withdrawn)
            {
                entry.Apply(WorkflowAction.Approve, second, context, now);
            }

            if (status == EntryStatus.Withdrawn)
            {
                entry.Apply(WorkflowAction.Withdraw, moderator, context, now, "Superseded");
            }

            if (entry.Status != status)
            {
                throw new InvalidOperationException($"A joint entry cannot reach {status} this way (it is {entry.Status}).");
            }

            db.Entries.Add(entry);
            await db.SaveChangesAsync();
            return entry.Id;
        });
    }
}

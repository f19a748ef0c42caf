using System.Net;
using CyberNormPortal.Domain.Entries;
using CyberNormPortal.Web.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CyberNormPortal.Web.IntegrationTests.Data;

public sealed class EntryWorkflowPersistenceTests(PortalFixture fixture) : PortalTest(fixture)
{
    private static readonly WorkflowActor Contributor = new("u-fra-c", "French contributor", WorkflowRoles.Contributor, "FRA");
    private static readonly WorkflowActor Approver = new("u-fra-a", "French approver", WorkflowRoles.Approver, "FRA");
    private static readonly WorkflowContext France = new(StateIsInitiativeMember: true, StateHasSinglePointOfContact: false);

    [Fact]
    public async Task DraftSubmitApprove_ForAMemberState_IsStoredWithItsReviewEvents_AndReachesReaders()
    {
        var id = await Portal.WithDbAsync(async db =>
        {
            var cycle = await db.Cycles.Select(c => c.Id).FirstAsync();
            var content = new EntryContent(
                EntryKind.BestPractice, "National vulnerability disclosure policy", "ANSSI receives reports.", "Body", "en",
                TlpLabel.Clear, [PracticeCategory.VulnerabilityDisclosure], [new EntryReference("Policy", "https://example.org/cvd", ReferenceKind.Guidance)]);
            var entry = Entry.CreateDraft(10, cycle, "FRA", content, Contributor, DateTimeOffset.UtcNow);
            db.Entries.Add(entry);
            await db.SaveChangesAsync();
            return entry.Id;
        });

        var (draftStatus, _) = await Portal.GetPageAsync($"/entries/{id}");
        Assert.Equal(HttpStatusCode.NotFound, draftStatus);

        foreach (var (action, actor) in new[] { (WorkflowAction.Submit, Contributor), (WorkflowAction.Approve, Approver) })
        {
            await Portal.WithDbAsync(async db =>
            {
                var entry = await db.Entries.Include(e => e.Revisions).Include(e => e.ReviewEvents).SingleAsync(e => e.Id == id);
                entry.Apply(action, actor, France, DateTimeOffset.UtcNow);
                await db.SaveChangesAsync();
            });
        }

        var events = await Portal.WithDbAsync(db => db.ReviewEvents.Where(e => e.EntryId == id).OrderBy(e => e.Id)
            .Select(e => new { e.Action, e.FromStatus, e.ToStatus, e.ActorUserId }).ToListAsync());
        Assert.Equal(
            [
                new { Action = WorkflowAction.Submit, FromStatus = EntryStatus.Draft, ToStatus = EntryStatus.Submitted, ActorUserId = "u-fra-c" },
                new { Action = WorkflowAction.Approve, FromStatus = EntryStatus.Submitted, ToStatus = EntryStatus.Published, ActorUserId = "u-fra-a" },
            ],
            events);
        var (status, page) = await Portal.GetPageAsync($"/entries/{id}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("National vulnerability disclosure policy", Text.Visible(page.QuerySelector("h1")));
        Assert.Equal("https://example.org/cvd", page.QuerySelector("main a[href^='https://example.org']")?.GetAttribute("href"));
    }
}

using System.Globalization;
using System.Net;
using CyberNormPortal.Domain.Entries;
using CyberNormPortal.Domain.States;
using CyberNormPortal.Web.Identity;
using CyberNormPortal.Web.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CyberNormPortal.Web.IntegrationTests.Pages.Entries;

/// <summary>
/// A group's joint entries (the G7's) as its coordinators meet them: one drafts and submits, another coordinator or a
/// moderator approves (never the one who saved the revision), and the entry publishes as the group's.
/// </summary>
public sealed class JointEntryWorkflowTests(PortalFixture portal) : PortalTest(portal)
{
    private static Dictionary<string, object?> NewEntryFields(int cycle, string title, string command = "submit") => new()
    {
        ["Input.NormNumber"] = "2",
        ["Input.CycleId"] = cycle.ToString(CultureInfo.InvariantCulture),
        ["Input.Kind"] = nameof(EntryKind.BestPractice),
        ["Input.PracticeCategories"] = new[] { nameof(PracticeCategory.InternationalCooperationAndCbms) },
        ["Input.Title"] = title,
        ["Input.Summary"] = "The G7 members consult each other before attributing a major incident.",
        ["Input.Body"] = "Agreed at the **2026 summit**.",
        ["Input.Language"] = "en",
        ["Input.Visibility"] = nameof(TlpLabel.Clear),
        ["Command"] = command,
    };

    private static Dictionary<string, object?> Step(WorkflowAction action, string? reason = null) => new()
    {
        ["action"] = action.ToString(),
        ["reason"] = reason,
    };

    [Fact]
    public async Task JointG7Entry_DraftedByOneCoordinator_ApprovedByAnother_IsPublishedAndShownInTheG7Synthesis()
    {
        var cycle = await Portal.OpenCycleAsync();
        var cycleSlug = await Portal.WithDbAsync(db => db.Cycles.Where(c => c.Id == cycle).Select(c => c.Slug).SingleAsync());
        var drafter = await Portal.CreateCoordinatorAsync();
        var reviewer = await Portal.CreateCoordinatorAsync();
        using var first = await Portal.SignInAsync(drafter);
        using var second = await Portal.SignInAsync(reviewer);

        var form = await first.GetAsync("/entries/new");
        Assert.Contains("Reported by Group of Seven.", form.Text);
        var created = await first.SubmitAsync(form, NewEntryFields(cycle, "G7 consultations before attribution"));

        var id = int.Parse(created.RedirectPath!.Split('/')[2], CultureInfo.InvariantCulture);
        Assert.Equal($"/entries/{id}/review", created.RedirectPath);
        Assert.Contains("The group's other coordinators have been told by e-mail.", (await first.FollowAsync(created)).Notice);
        var stored = await Portal.WithDbAsync(db => db.Entries.Where(e => e.Id == id).Select(e => new { e.StateIso3, e.GroupId, e.Status }).SingleAsync());
        Assert.Equal((null, drafter.GroupId, EntryStatus.Submitted), (stored.StateIso3, stored.GroupId, stored.Status));
        Assert.Contains(await MailToAsync(reviewer.Email), m => m.Subject.Contains("For your review"));
        Assert.Empty(await MailToAsync(drafter.Email));
        Assert.Contains("G7 consultations before attribution", (await second.GetAsync("/review")).Text);
        var desk = await second.GetAsync("/my");
        Assert.Contains("Group of Seven", desk.Text);
        Assert.Contains("G7 consultations before attribution", Text.Visible(desk.Document.QuerySelector("section[aria-labelledby='review-heading']")));

        var approved = await second.SubmitAsync($"/entries/{id}/review", Step(WorkflowAction.Approve), "#action-approve");

        Assert.Equal($"/entries/{id}/review", approved.RedirectPath);
        Assert.Equal(EntryStatus.Published, await StatusAsync(id));
        Assert.Contains(await MailToAsync(drafter.Email), m => m.Subject.StartsWith("Published", StringComparison.Ordinal));
        using var visitor = Portal.NewBrowser();
        var synthesis = await visitor.GetAsync($"/synthesis?group=g7&cycle={cycleSlug}");
        Assert.Equal(HttpStatusCode.OK, synthesis.Status);
        Assert.Contains("G7 consultations before attribution", synthesis.Text);
        Assert.NotNull(synthesis.Document.QuerySelector($"main a[href='/entries/{id}']"));
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync($"/entries/{id}")).Status);
    }

    [Fact]
    public async Task Coordinator_CannotApproveTheirOwnRevision_RefusedOverHttpAndNothingChanges()
    {
        var drafter = await Portal.CreateCoordinatorAsync();
        await Portal.CreateCoordinatorAsync(); // a second coordinator exists: only the drafter is refused
        using var browser = await Portal.SignInAsync(drafter);
        var id = await Portal.CreateJointEntryAsync(drafter, EntryStatus.Submitted, title: "Own joint revision");
        var version = await Portal.WithDbAsync(db => db.Entries.Where(e => e.Id == id).Select(e => EF.Property<uint>(e, "Version")).SingleAsync());
        var before = await Portal.WithDbAsync(db => db.ReviewEvents.CountAsync(e => e.EntryId == id));

        var review = await browser.GetAsync($"/entries/{id}/review");
        var forced = await browser.PostWithTokenAsync(
            $"/entries/{id}/review", [new("action", "Approve"), new("version", version.ToString(CultureInfo.InvariantCulture))]);

        Assert.Equal(HttpStatusCode.OK, review.Status);
        Assert.Null(review.Document.QuerySelector("#action-approve"));
        Assert.NotNull(review.Document.QuerySelector("#action-return"));
        Assert.Equal(HttpStatusCode.Forbidden, forced.Status);
        Assert.Contains("four eyes", forced.Text);
        Assert.Equal(EntryStatus.Submitted, await StatusAsync(id));
        Assert.Equal(before, await Portal.WithDbAsync(db => db.ReviewEvents.CountAsync(e => e.EntryId == id)));
        Assert.Equal(version, await Portal.WithDbAsync(db => db.Entries.Where(e => e.Id == id).Select(e => EF.Property<uint>(e, "Version")).SingleAsync()));
    }

    [Fact]
    public async Task JointEntry_OfAGroupWithAPartnerState_WaitsForModerationWhenApproved()
    {
        var drafter = await Portal.CreateCoordinatorAsync("eac");
        var reviewer = await Portal.CreateCoordinatorAsync("eac");
        await Portal.WithDbAsync(async db =>
        {
            var group = await db.Groups.Include(g => g.Memberships).SingleAsync(g => g.Slug == "eac");
            group.AddMember("KEN"); // a partner State
            group.AddMember("FRA");
            await db.SaveChangesAsync();
        });
        var (moderator, _) = await Portal.SignInAsAsync(PortalRoles.Moderator);
        using var browser = await Portal.SignInAsync(reviewer);
        var id = await Portal.CreateJointEntryAsync(drafter, EntryStatus.Submitted, title: "Regional joint entry");

        var approved = await browser.SubmitAsync($"/entries/{id}/review", Step(WorkflowAction.Approve), "#action-approve");

        Assert.Equal(HttpStatusCode.Redirect, approved.Status);
        Assert.Equal(EntryStatus.AwaitingModeration, await StatusAsync(id));
        Assert.Contains("Regional joint entry", (await moderator.GetAsync("/moderation")).Text);
        using var visitor = Portal.NewBrowser();
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"/entries/{id}")).Status);
    }

    [Fact]
    public async Task Moderator_ApprovesAJointEntry_WhenTheGroupHasASingleCoordinator_AndIsToldItWaits()
    {
        var (moderator, moderatorUser) = await Portal.SignInAsAsync(PortalRoles.Moderator);
        var drafter = await Portal.CreateCoordinatorAsync();
        using var browser = await Portal.SignInAsync(drafter);
        var id = await Portal.CreateJointEntryAsync(drafter, EntryStatus.Draft, title: "Sole coordinator's entry");

        await browser.SubmitAsync($"/entries/{id}/review", Step(WorkflowAction.Submit), "#action-submit");
        Assert.Contains(await MailToAsync(moderatorUser.Email), m => m.Subject.Contains("For your review"));
        Assert.Contains("Sole coordinator's entry", (await moderator.GetAsync("/review")).Text);

        var approved = await moderator.SubmitAsync($"/entries/{id}/review", Step(WorkflowAction.Approve), "#action-approve");

        Assert.Equal(HttpStatusCode.Redirect, approved.Status);
        Assert.Equal(EntryStatus.Published, await StatusAsync(id));
    }

    [Fact]
    public async Task Coordinator_EditsASeeded2019JointEntry_StartsANewDraftWhileThePublishedTextStays()
    {
        var coordinator = await Portal.CreateCoordinatorAsync();
        using var browser = await Portal.SignInAsync(coordinator);
        var seeded = await Portal.WithDbAsync(db => db.Entries.Where(e => e.GroupId == coordinator.GroupId && e.ExternalKey != null)
            .OrderBy(e => e.Id).Select(e => e.Id).FirstAsync());
        Assert.Contains("Recently published", (await browser.GetAsync("/my")).Text);

        var edit = await browser.GetAsync($"/entries/{seeded}/edit");
        Assert.Equal(HttpStatusCode.OK, edit.Status);
        var saved = await browser.SubmitAsync(edit, new Dictionary<string, object?> { ["Input.Title"] = "Revised by the presidency", ["Command"] = "save" });

        Assert.Equal($"/entries/{seeded}/review", saved.RedirectPath);
        var entry = await Portal.WithDbAsync(db => db.Entries.Where(e => e.Id == seeded).Select(e => new { e.Status, e.PublishedRevisionNumber }).SingleAsync());
        Assert.Equal((EntryStatus.Draft, 1), (entry.Status, entry.PublishedRevisionNumber));
        using var visitor = Portal.NewBrowser();
        Assert.DoesNotContain("Revised by the presidency", (await visitor.GetAsync($"/entries/{seeded}")).Text);
    }

    [Fact]
    public async Task CoordinatorWhoIsAlsoAContributor_ChoosesWhoReports_AndIsAskedWhenTheyDoNot()
    {
        var cycle = await Portal.OpenCycleAsync();
        var user = await Portal.CreateCoordinatorAsync(state: "FRA", moreRoles: [PortalRoles.Contributor]);
        using var browser = await Portal.SignInAsync(user);

        var unchosen = await browser.SubmitAsync("/entries/new", NewEntryFields(cycle, "Whose entry?", command: "save"));
        Assert.Equal(HttpStatusCode.OK, unchosen.Status);
        Assert.NotNull(unchosen.FieldError("ReportFor"));
        Assert.Equal("Whose entry?", unchosen.InputValue("Input.Title"));
        Assert.Equal(0, await Portal.WithDbAsync(db => db.Entries.CountAsync(e => e.ExternalKey == null)));

        var fields = NewEntryFields(cycle, "France's own entry", command: "save");
        fields["ReportFor"] = "state";
        var forState = await browser.SubmitAsync("/entries/new", fields);
        fields = NewEntryFields(cycle, "G7 joint entry", command: "save");
        fields["ReportFor"] = "group";
        var forGroup = await browser.SubmitAsync("/entries/new", fields);

        Assert.Equal(HttpStatusCode.Redirect, forState.Status);
        Assert.Equal(HttpStatusCode.Redirect, forGroup.Status);
        var drafts = await Portal.WithDbAsync(db => db.Entries.Where(e => e.ExternalKey == null).OrderBy(e => e.Id)
            .Select(e => new { e.StateIso3, e.GroupId }).ToListAsync());
        Assert.Equal([("FRA", (int?)null), (null, user.GroupId)], drafts.Select(d => (d.StateIso3, d.GroupId)));
    }

    [Fact]
    public async Task JointEntry_PublishesAtOnce_OnlyWhileEveryG7StateIsAMember()
    {
        var drafter = await Portal.CreateCoordinatorAsync();
        var reviewer = await Portal.CreateCoordinatorAsync();
        await Portal.WithDbAsync(async db =>
        {
            var japan = await db.States.SingleAsync(s => s.Iso3 == "JPN");
            japan.SetParticipation(InitiativeParticipation.Partner);
            await db.SaveChangesAsync();
        });
        using var browser = await Portal.SignInAsync(reviewer);
        var id = await Portal.CreateJointEntryAsync(drafter, EntryStatus.Submitted, title: "While Japan is a partner");

        await browser.SubmitAsync($"/entries/{id}/review", Step(WorkflowAction.Approve), "#action-approve");

        Assert.Equal(EntryStatus.AwaitingModeration, await StatusAsync(id));
    }

    private Task<EntryStatus> StatusAsync(int id) => Portal.WithDbAsync(db => db.Entries.Where(e => e.Id == id).Select(e => e.Status).SingleAsync());

    private Task<List<(string Subject, string Body)>> MailToAsync(string email) =>
        Portal.WithDbAsync(async db => (await db.OutgoingMail.Where(m => m.To == email).Select(m => new { m.Subject, m.Body }).ToListAsync())
            .Select(m => (m.Subject, m.Body)).ToList());
}

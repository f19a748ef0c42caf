using System.Net;
using CyberNormPortal.Domain.Entries;
using CyberNormPortal.Web.Auditing;
using CyberNormPortal.Web.Identity;
using CyberNormPortal.Web.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CyberNormPortal.Web.IntegrationTests.Pages.Entries;

/// <summary>The life of an entry as the people involved meet it, through the portal's pages.</summary>
public sealed class EntryWorkflowTests(PortalFixture portal) : PortalTest(portal)
{
    private static Dictionary<string, object?> NewEntryFields(int cycle, string title = "Kenya's national CSIRT", string command = "save") => new()
    {
        ["Input.NormNumber"] = "3",
        ["Input.CycleId"] = cycle.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Input.Kind"] = nameof(EntryKind.ImplementationStep),
        ["Input.PracticeCategories"] = new[] { nameof(PracticeCategory.InstitutionsAndCerts), nameof(PracticeCategory.IncidentResponseAndCrisisManagement) },
        ["Input.Title"] = title,
        ["Input.Summary"] = "KE-CIRT/CC coordinates the national response to incidents.",
        ["Input.Body"] = "The centre was set up under the **Computer Misuse and Cybercrimes Act**.",
        ["Input.Language"] = "en",
        ["Input.Visibility"] = nameof(TlpLabel.Clear),
        ["Input.References[0].Title"] = "Computer Misuse and Cybercrimes Act, 2018",
        ["Input.References[0].Url"] = "https://kenyalaw.org/",
        ["Input.References[0].Kind"] = nameof(ReferenceKind.Legislation),
        ["Command"] = command,
    };

    private static int EntryIdFrom(PageResponse response) =>
        response.RedirectPath is null ? throw new InvalidOperationException("No redirect: " + response.Status + " " + response.Text) : int.Parse(response.RedirectPath!.Split('/')[2], System.Globalization.CultureInfo.InvariantCulture);

    private static Dictionary<string, object?> Step(WorkflowAction action, string? reason = null) => new()
    {
        ["action"] = action.ToString(),
        ["reason"] = reason,
    };

    [Fact]
    public async Task PartnerStateEntry_GoesThroughReviewAndModeration_ThenReadersSeeIt()
    {
        var cycle = await Portal.OpenCycleAsync();
        var (contributor, author) = await Portal.SignInAsAsync(PortalRoles.Contributor, "KEN");
        var (approver, approverUser) = await Portal.SignInAsAsync(PortalRoles.Approver, "KEN");
        var (moderator, moderatorUser) = await Portal.SignInAsAsync(PortalRoles.Moderator);

        var created = await contributor.SubmitAsync("/entries/new", NewEntryFields(cycle, command: "submit"));
        var id = EntryIdFrom(created);
        Assert.Equal($"/entries/{id}/review", created.RedirectPath);
        Assert.Contains("Submitted for review. Your State's approvers have been told by e-mail.", (await contributor.FollowAsync(created)).Notice);
        Assert.Contains(await MailToAsync(approverUser.Email), m => m.Subject.Contains("For your review"));

        var returned = await approver.SubmitAsync($"/entries/{id}/review", Step(WorkflowAction.Return, "Please name the responsible ministry."), "#action-return");
        Assert.Equal(HttpStatusCode.Redirect, returned.Status);
        Assert.Contains(await MailToAsync(author.Email), m => m.Subject.Contains("Returned") && m.Body.Contains("Please name the responsible ministry."));
        var desk = await contributor.GetAsync("/my");
        Assert.Contains("Please name the responsible ministry.", desk.Text);

        var edit = await contributor.GetAsync($"/entries/{id}/edit");
        var resubmitted = await contributor.SubmitAsync(edit, new Dictionary<string, object?>
        {
            ["Input.Summary"] = "KE-CIRT/CC, under the Communications Authority, coordinates the national response.",
            ["Command"] = "submit",
        });
        Assert.Equal($"/entries/{id}/review", resubmitted.RedirectPath);

        var approved = await approver.SubmitAsync($"/entries/{id}/review", Step(WorkflowAction.Approve), "#action-approve");
        Assert.Equal(HttpStatusCode.Redirect, approved.Status);
        Assert.Equal(EntryStatus.AwaitingModeration, await StatusAsync(id));
        Assert.Contains(await MailToAsync(moderatorUser.Email), m => m.Subject.Contains("Awaiting moderation"));
        var queue = await moderator.GetAsync("/moderation");
        Assert.Contains("Kenya's national CSIRT", queue.Text);

        using var visitor = Portal.NewBrowser();
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"/entries/{id}")).Status);

        var published = await moderator.SubmitAsync($"/entries/{id}/review", Step(WorkflowAction.Publish), "#action-publish");
        Assert.Equal(HttpStatusCode.Redirect, published.Status);

        var page = await visitor.GetAsync($"/entries/{id}");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("under the Communications Authority", page.Text);
        Assert.Contains("Kenya's national CSIRT", (await visitor.GetAsync("/norms/3")).Text);
        Assert.Contains("Kenya's national CSIRT", (await visitor.GetAsync("/states/ken")).Text);
        Assert.Contains("Kenya's national CSIRT", (await visitor.GetAsync("/synthesis")).Text);
        Assert.Contains(await MailToAsync(author.Email), m => m.Subject.StartsWith("Published"));

        var steps = await Portal.WithDbAsync(db => db.AuditRecords.Where(a => a.Subject == $"entry:{id}").OrderBy(a => a.Id).Select(a => a.Action).ToListAsync());
        Assert.Equal(
            [AuditActions.EntryCreated, "entry-submit", "entry-return", AuditActions.EntryEdited, "entry-submit", "entry-approve", "entry-publish"],
            steps);
        var history = await contributor.GetAsync($"/entries/{id}/history");
        Assert.Contains("Please name the responsible ministry.", history.Text);
        Assert.Contains("under the Communications Authority", history.Text);
    }

    [Fact]
    public async Task MemberStateEntry_IsPublishedWhenApproved()
    {
        await Portal.OpenCycleAsync();
        var (contributor, author) = await Portal.SignInAsAsync(PortalRoles.Contributor, "FRA");
        var (approver, _) = await Portal.SignInAsAsync(PortalRoles.Approver, "FRA");
        var id = await Portal.CreateEntryAsync(author, EntryStatus.Submitted, title: "ANSSI's role");

        var approved = await approver.SubmitAsync($"/entries/{id}/review", Step(WorkflowAction.Approve), "#action-approve");

        Assert.Equal($"/entries/{id}/review", approved.RedirectPath);
        Assert.Equal("Approved and published.", (await approver.FollowAsync(approved)).Notice);
        Assert.Equal(EntryStatus.Published, await StatusAsync(id));
        using var visitor = Portal.NewBrowser();
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync($"/entries/{id}")).Status);
        Assert.Contains("ANSSI's role", (await contributor.GetAsync("/my")).Text);
    }

    [Fact]
    public async Task Approve_RevisionTheApproverEditedLast_IsRefusedAndChangesNothing()
    {
        await Portal.OpenCycleAsync();
        var (approver, approverUser) = await Portal.SignInAsAsync(PortalRoles.Approver, "FRA");
        await Portal.CreateUserAsync(PortalRoles.Contributor, "FRA"); // a second point of contact: no stand-in
        var id = await Portal.CreateEntryAsync(approverUser, EntryStatus.Submitted);

        var review = await approver.GetAsync($"/entries/{id}/review");
        Assert.Null(review.Document.QuerySelector("#action-approve"));
        var forced = await approver.PostWithTokenAsync($"/entries/{id}/review", [new("action", "Approve"), new("version", "0")]);

        Assert.Equal(HttpStatusCode.Forbidden, forced.Status);
        Assert.Contains("four eyes", forced.Text);
        Assert.Equal(EntryStatus.Submitted, await StatusAsync(id));
    }

    [Fact]
    public async Task Return_WithoutReason_AsksForOneNextToTheField()
    {
        var (_, author) = await Portal.SignInAsAsync(PortalRoles.Contributor, "KEN");
        var (approver, _) = await Portal.SignInAsAsync(PortalRoles.Approver, "KEN");
        var id = await Portal.CreateEntryAsync(author, EntryStatus.Submitted);

        var response = await approver.SubmitAsync($"/entries/{id}/review", Step(WorkflowAction.Return, "   "), "#action-return");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("Give a reason: the author will read it.", response.Document.QuerySelector("#reason-return-error")?.TextContent);
        Assert.Equal("true", response.Document.QuerySelector("#reason-return")?.GetAttribute("aria-invalid"));
        Assert.Equal(EntryStatus.Submitted, await StatusAsync(id));
    }

    [Fact]
    public async Task EditingAPublishedEntry_KeepsThePublishedTextVisibleUntilTheNewOneIsPublished()
    {
        var (contributor, author) = await Portal.SignInAsAsync(PortalRoles.Contributor, "FRA");
        var id = await Portal.CreateEntryAsync(author, EntryStatus.Published, title: "Original title");

        var edit = await contributor.GetAsync($"/entries/{id}/edit");
        var saved = await contributor.SubmitAsync(edit, new Dictionary<string, object?> { ["Input.Title"] = "Revised title", ["Command"] = "save" });
        Assert.True(saved.RedirectPath == $"/entries/{id}/review", saved.Status + saved.Text);
        var afterSave = await contributor.FollowAsync(saved);
        Assert.Equal("Your draft is saved. Only your State's points of contact and the moderators can see it.", afterSave.Notice);
        // Shown once: the next page has it no more.
        Assert.Null((await contributor.GetAsync($"/entries/{id}/review")).Notice);

        using var visitor = Portal.NewBrowser();
        var page = await visitor.GetAsync($"/entries/{id}");
        Assert.Contains("Original title", page.Text);
        Assert.DoesNotContain("Revised title", page.Text);
        var working = await contributor.GetAsync($"/entries/{id}/review");
        Assert.Contains("Revised title", working.Text);
        Assert.Contains("Readers see revision 1", working.Text);
    }

    [Fact]
    public async Task StateWithOnePointOfContact_ModeratorStandsInAsApprover_AndLosesThatWhenASecondJoins()
    {
        var (contributor, author) = await Portal.SignInAsAsync(PortalRoles.Contributor, "KEN");
        var (moderator, moderatorUser) = await Portal.SignInAsAsync(PortalRoles.Moderator);
        var id = await Portal.CreateEntryAsync(author, EntryStatus.Draft, title: "Single contact entry");

        await contributor.SubmitAsync($"/entries/{id}/review", Step(WorkflowAction.Submit), "#action-submit");
        Assert.Contains(await MailToAsync(moderatorUser.Email), m => m.Subject.Contains("For your review"));
        Assert.Contains("Single contact entry", (await moderator.GetAsync("/review")).Text);
        Assert.NotNull((await moderator.GetAsync($"/entries/{id}/review")).Document.QuerySelector("#action-approve"));

        await Portal.CreateUserAsync(PortalRoles.Approver, "KEN");
        Assert.DoesNotContain("Single contact entry", (await moderator.GetAsync("/review")).Text);
        Assert.Null((await moderator.GetAsync($"/entries/{id}/review")).Document.QuerySelector("#action-approve"));
    }

    [Fact]
    public async Task ReviewQueue_ListsExactlyTheEntriesWhoseReviewPageOffersAReviewStep()
    {
        var (approver, _) = await Portal.SignInAsAsync(PortalRoles.Approver, "KEN");
        var (_, kenyan) = await Portal.SignInAsAsync(PortalRoles.Contributor, "KEN");
        var (_, french) = await Portal.SignInAsAsync(PortalRoles.Contributor, "FRA");
        var entries = new Dictionary<string, int>
        {
            ["Kenyan submitted entry"] = await Portal.CreateEntryAsync(kenyan, EntryStatus.Submitted, title: "Kenyan submitted entry"),
            ["Kenyan draft entry"] = await Portal.CreateEntryAsync(kenyan, EntryStatus.Draft, title: "Kenyan draft entry"),
            ["Kenyan moderated entry"] = await Portal.CreateEntryAsync(kenyan, EntryStatus.AwaitingModeration, title: "Kenyan moderated entry"),
            ["French submitted entry"] = await Portal.CreateEntryAsync(french, EntryStatus.Submitted, title: "French submitted entry"),
        };

        var queue = (await approver.GetAsync("/review")).Text;

        foreach (var (title, id) in entries)
        {
            var page = await approver.GetAsync($"/entries/{id}/review");
            var offersReview = page.Document.QuerySelector("#action-return") is not null;
            Assert.True(offersReview == queue.Contains(title, StringComparison.Ordinal), $"{title}: queue and review page disagree");
        }

        Assert.Contains("Kenyan submitted entry", queue);
        Assert.DoesNotContain("French submitted entry", queue);
    }

    [Fact]
    public async Task Moderator_WithdrawsAPublishedEntryWhileANewDraftIsInProgress_ReadersLoseIt_TheDraftGoesOnToPublication()
    {
        var (contributor, author) = await Portal.SignInAsAsync(PortalRoles.Contributor, "FRA");
        var (approver, _) = await Portal.SignInAsAsync(PortalRoles.Approver, "FRA");
        var (moderator, _) = await Portal.SignInAsAsync(PortalRoles.Moderator);
        var id = await Portal.CreateEntryAsync(author, EntryStatus.Published, title: "Pangolin registry of critical operators");
        using var visitor = Portal.NewBrowser();
        Assert.Contains("Pangolin registry", (await visitor.GetAsync("/norms/3")).Text);
        var edit = await contributor.GetAsync($"/entries/{id}/edit");
        Assert.Equal(HttpStatusCode.Redirect, (await contributor.SubmitAsync(edit, new Dictionary<string, object?>
        {
            ["Input.Title"] = "Pangolin registry, second edition",
            ["Command"] = "save",
        })).Status);

        var review = await moderator.GetAsync($"/entries/{id}/review");
        Assert.Contains("The revision in progress stays with its authors", review.Text);
        var withdrawn = await moderator.SubmitAsync(review, Step(WorkflowAction.Withdraw, "The published text names the wrong agency."), "#action-withdraw");

        Assert.Equal($"/entries/{id}/review", withdrawn.RedirectPath);
        Assert.Equal("Withdrawn. Readers no longer see it; the revision in progress stays with its authors.", (await moderator.FollowAsync(withdrawn)).Notice);
        var stored = await Portal.WithDbAsync(db => db.Entries.Where(e => e.Id == id).Select(e => new { e.Status, e.PublishedRevisionNumber }).SingleAsync());
        Assert.Equal((EntryStatus.Draft, (int?)null), (stored.Status, stored.PublishedRevisionNumber));
        // Readers: gone from the entry page, the norm and State pages, search, the feed and the API.
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"/entries/{id}")).Status);
        foreach (var url in new[] { "/norms/3", "/states/fra", "/search?q=pangolin", "/feed.atom", "/api/v1/entries?state=FRA" })
        {
            using var response = await visitor.Client.GetAsync(url);
            Assert.DoesNotContain("Pangolin", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await visitor.Client.GetAsync($"/api/v1/entries/{id}")).StatusCode);
        // The authors keep their draft: still theirs to edit and to submit; the approver publishes it (France is a member).
        var draft = await contributor.GetAsync($"/entries/{id}/edit");
        Assert.Equal("Pangolin registry, second edition", draft.InputValue("Input.Title"));
        Assert.Equal(HttpStatusCode.Redirect, (await contributor.SubmitAsync(draft, new Dictionary<string, object?> { ["Command"] = "submit" })).Status);
        var approved = await approver.SubmitAsync($"/entries/{id}/review", Step(WorkflowAction.Approve), "#action-approve");
        Assert.Equal(HttpStatusCode.Redirect, approved.Status);
        var republished = await visitor.GetAsync($"/entries/{id}");
        Assert.Equal(HttpStatusCode.OK, republished.Status);
        Assert.Contains("Pangolin registry, second edition", republished.Text);
    }

    [Fact]
    public async Task Review_AReturnWithoutAReason_IsRefusedNextToTheReasonField_AndNothingChanges()
    {
        var (approver, _) = await Portal.SignInAsAsync(PortalRoles.Approver, "KEN");
        var (_, author) = await Portal.SignInAsAsync(PortalRoles.Contributor, "KEN");
        var id = await Portal.CreateEntryAsync(author, EntryStatus.Submitted);

        var response = await approver.SubmitAsync($"/entries/{id}/review", Step(WorkflowAction.Return, "   "), "#action-return");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("Give a reason: the author will read it.", Text.Visible(response.Document.QuerySelector("#reason-return-error")));
        Assert.Equal(EntryStatus.Submitted, await StatusAsync(id));
    }

    private Task<EntryStatus> StatusAsync(int id) => Portal.WithDbAsync(db => db.Entries.Where(e => e.Id == id).Select(e => e.Status).SingleAsync());

    private Task<List<(string Subject, string Body)>> MailToAsync(string email) =>
        Portal.WithDbAsync(async db => (await db.OutgoingMail.Where(m => m.To == email).Select(m => new { m.Subject, m.Body }).ToListAsync())
            .Select(m => (m.Subject, m.Body)).ToList());
}

using System.Net;
using CyberNormPortal.Domain.Entries;
using CyberNormPortal.Domain.Reports;
using CyberNormPortal.Web.Identity;
using CyberNormPortal.Web.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CyberNormPortal.Web.IntegrationTests.Pages.Reports;

/// <summary>A State's national report as its points of contact, its approver, the secretariat and readers meet it.</summary>
public sealed class ReportWorkflowTests(PortalFixture portal) : PortalTest(portal)
{
    private static Dictionary<string, object?> Step(WorkflowAction action, string? reason = null) => new()
    {
        ["action"] = action.ToString(),
        ["reason"] = reason,
    };

    private async Task<(int CycleId, string Slug)> CycleWithQuestionnaireAsync()
    {
        var cycle = await Portal.OpenCycleAsync("UN reporting cycle 2026");
        await Portal.CreateQuestionnaireAsync(cycle);
        var slug = await Portal.WithDbAsync(db => db.Cycles.Where(c => c.Id == cycle).Select(c => c.Slug).SingleAsync());
        return (cycle, slug);
    }

    private Task<Dictionary<PartKind, string>> PartKeysAsync(int cycle) =>
        Portal.WithDbAsync(db => db.Questionnaires.Where(q => q.CycleId == cycle).SelectMany(q => q.Parts).ToDictionaryAsync(p => p.Kind, p => p.Key));

    private static int ReportIdFrom(PageResponse response) =>
        response.RedirectPath is { } path && path.StartsWith("/reports/work/", StringComparison.Ordinal)
            ? int.Parse(path["/reports/work/".Length..], System.Globalization.CultureInfo.InvariantCulture)
            : throw new InvalidOperationException("No redirect to a report: " + response.Status + " " + response.Text);

    [Fact]
    public async Task PartnerStateReport_FilledByTwo_SignedOff_Moderated_ThenReadersSeeIt()
    {
        var (cycle, slug) = await CycleWithQuestionnaireAsync();
        var parts = await PartKeysAsync(cycle);
        var (first, firstUser) = await Portal.SignInAsAsync(PortalRoles.Contributor, "KEN");
        var (second, _) = await Portal.SignInAsAsync(PortalRoles.Contributor, "KEN");
        var (approver, approverUser) = await Portal.SignInAsAsync(PortalRoles.Approver, "KEN");
        var (moderator, _) = await Portal.SignInAsAsync(PortalRoles.Moderator);

        var desk = await first.GetAsync("/my/reports");
        Assert.Contains("UN reporting cycle 2026", desk.Text);
        var id = ReportIdFrom(await first.SubmitAsync(desk, new Dictionary<string, object?> { ["cycleId"] = cycle.ToString(System.Globalization.CultureInfo.InvariantCulture), ["fromPrevious"] = "false" }));

        // Two contributors fill different parts at the same time: both saves land.
        var lawForm = await first.GetAsync($"/reports/work/{id}/parts/{parts[PartKind.InternationalLaw]}");
        var cbmForm = await second.GetAsync($"/reports/work/{id}/parts/{parts[PartKind.ConfidenceBuilding]}");
        var savedLaw = await first.SubmitAsync(lawForm, new Dictionary<string, object?>
        {
            ["Input.Questions[0].Yes"] = "yes",
            ["Input.Questions[0].Text"] = "Kenya set out its position in 2024.",
            ["Input.Questions[1].Text"] = "Attribution remains hard to establish.",
        });
        Assert.Equal($"/reports/work/{id}", savedLaw.RedirectPath);
        var savedCbm = await second.SubmitAsync(cbmForm, new Dictionary<string, object?>
        {
            ["Input.Questions[0].Choices"] = "Diplomatic and technical",
            ["Input.Questions[1].Choices"] = new[] { "African Union", "Other" },
        });
        Assert.Equal($"/reports/work/{id}", savedCbm.RedirectPath);

        var overview = await first.GetAsync($"/reports/work/{id}");
        Assert.Contains("Kenya set out its position in 2024.", overview.Text);
        Assert.Contains("Diplomatic and technical", overview.Text);

        var submitted = await first.SubmitAsync($"/reports/work/{id}", Step(WorkflowAction.Submit), "#action-submit");
        Assert.Equal(HttpStatusCode.Redirect, submitted.Status);
        Assert.Contains(await MailToAsync(approverUser.Email), m => m.Subject.Contains("For your sign-off"));

        var signedOff = await approver.SubmitAsync($"/reports/work/{id}", Step(WorkflowAction.Approve), "#action-approve");
        Assert.Equal(HttpStatusCode.Redirect, signedOff.Status);
        Assert.Equal(EntryStatus.AwaitingModeration, await StatusAsync(id));

        using var visitor = Portal.NewBrowser();
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"/states/ken/reports/{slug}")).Status);

        var published = await moderator.SubmitAsync($"/reports/work/{id}", Step(WorkflowAction.Publish), "#action-publish");
        Assert.Equal(HttpStatusCode.Redirect, published.Status);
        Assert.Contains(await MailToAsync(firstUser.Email), m => m.Subject.StartsWith("Published"));

        var page = await visitor.GetAsync($"/states/ken/reports/{slug}");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Kenya set out its position in 2024.", page.Text);
        Assert.Contains("African Union", page.Text);
        var profile = await visitor.GetAsync("/states/ken");
        Assert.NotNull(profile.Document.QuerySelector($"a[href$='/states/ken/reports/{slug}']"));
    }

    [Fact]
    public async Task SamePartSavedByTwo_SecondGetsTheConflictAndDiff_AndKeepsWhatTheyTyped()
    {
        var (cycle, _) = await CycleWithQuestionnaireAsync();
        var parts = await PartKeysAsync(cycle);
        var (first, firstUser) = await Portal.SignInAsAsync(PortalRoles.Contributor, "KEN");
        var (second, _) = await Portal.SignInAsAsync(PortalRoles.Contributor, "KEN");
        var id = ReportIdFrom(await first.SubmitAsync("/my/reports", new Dictionary<string, object?> { ["fromPrevious"] = "false" }));
        var url = $"/reports/work/{id}/parts/{parts[PartKind.CapacityBuilding]}";

        var firstForm = await first.GetAsync(url);
        var secondForm = await second.GetAsync(url);
        Assert.Equal($"/reports/work/{id}", (await first.SubmitAsync(firstForm, new Dictionary<string, object?> { ["Input.Questions[1].Text"] = "Training for CERTs of the region." })).RedirectPath);
        var conflict = await second.SubmitAsync(secondForm, new Dictionary<string, object?> { ["Input.Questions[1].Text"] = "Mentoring for prosecutors." });

        Assert.Equal(HttpStatusCode.OK, conflict.Status);
        Assert.Contains($"{firstUser.DisplayName} saved this part while you were editing it", conflict.Text);
        Assert.Equal("Mentoring for prosecutors.", conflict.InputValue("Input.Questions[1].Text"));
        Assert.Contains("Training for CERTs of the region.", conflict.Document.QuerySelector(".diff__line--removed")?.TextContent);
        Assert.Contains("Mentoring for prosecutors.", conflict.Document.QuerySelector(".diff__line--added")?.TextContent);

        // Saving again keeps the second contributor's answer, knowingly.
        Assert.Equal($"/reports/work/{id}", (await second.SubmitAsync(conflict)).RedirectPath);
        var saved = await Portal.WithDbAsync(db => db.ReportParts.Where(p => p.ReportId == id).ToListAsync());
        Assert.Contains(saved, p => p.Answers.Questions.Any(q => q.Text == "Mentoring for prosecutors."));
    }

    [Fact]
    public async Task ApproverWhoSavedLast_CannotSignOff_FourEyes()
    {
        var (cycle, _) = await CycleWithQuestionnaireAsync();
        var parts = await PartKeysAsync(cycle);
        var (approver, _) = await Portal.SignInAsAsync(PortalRoles.Approver, "KEN", PortalRoles.Contributor);
        await Portal.CreateUserAsync(PortalRoles.Approver, "KEN");
        var id = ReportIdFrom(await approver.SubmitAsync("/my/reports", new Dictionary<string, object?> { ["fromPrevious"] = "false" }));
        await approver.SubmitAsync($"/reports/work/{id}/parts/{parts[PartKind.InternationalLaw]}", new Dictionary<string, object?> { ["Input.Questions[0].Yes"] = "no" });
        await approver.SubmitAsync($"/reports/work/{id}", Step(WorkflowAction.Submit), "#action-submit");

        var overview = await approver.GetAsync($"/reports/work/{id}");
        Assert.Null(overview.Document.QuerySelector("#action-approve"));
        var forced = await approver.PostWithTokenAsync($"/reports/work/{id}", [new("action", "Approve"), new("version", overview.InputValue("version") ?? ""), new("partsStamp", overview.InputValue("partsStamp") ?? "")]);
        Assert.Equal(HttpStatusCode.Forbidden, forced.Status);
        Assert.Contains("another person must sign it off", forced.Text);
        Assert.Equal(EntryStatus.Submitted, await StatusAsync(id));
    }

    [Fact]
    public async Task StartFromOurLastReport_CarriesTheAnswersTheNewQuestionnaireStillAsks()
    {
        var earlier = await Portal.OpenCycleAsync("Reporting 2025");
        await Portal.WithDbAsync(async db =>
        {
            var cycle = await db.Cycles.SingleAsync(c => c.Id == earlier);
            cycle.Update(cycle.Slug, cycle.Name, new DateOnly(2025, 1, 1), new DateOnly(2025, 6, 30), null, false);
            await db.SaveChangesAsync();
        });
        await Portal.CreateQuestionnaireAsync(earlier);
        await Portal.CreateReportAsync("KEN", earlier, EntryStatus.Published, norms: [8], measures: "A directory of points of contact is kept.");
        var later = await Portal.OpenCycleAsync("Reporting 2026");
        var copiedId = await Portal.WithDbAsync(async db =>
        {
            var source = await db.Questionnaires.Include(q => q.Parts).ThenInclude(p => p.Questions).Include(q => q.Actions).SingleAsync(q => q.CycleId == earlier);
            var copy = source.CopyFor(later, DateTimeOffset.UtcNow);
            copy.RemoveAction(copy.ActionsOf(8).Last().Key);
            db.Questionnaires.Add(copy);
            await db.SaveChangesAsync();
            return copy.Id;
        });

        var (contributor, _) = await Portal.SignInAsAsync(PortalRoles.Contributor, "KEN");
        var desk = await contributor.GetAsync("/my/reports");
        var start = desk.Document.QuerySelectorAll("form").First(f => f.QuerySelector($"input[name='cycleId'][value='{later}']") is not null);
        Assert.NotNull(start.QuerySelector("button[value='true']"));
        var id = ReportIdFrom(await contributor.PostWithTokenAsync("/my/reports?handler=Start", [new("cycleId", later.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("fromPrevious", "true")]));

        var report = await Portal.WithDbAsync(db => db.Reports.Include(r => r.Parts).SingleAsync(r => r.Id == id));
        Assert.Equal(copiedId, report.QuestionnaireId);
        var carried = report.Parts.SelectMany(p => p.Answers.Actions).ToList();
        var action = Assert.Single(carried);
        Assert.Equal("A directory of points of contact is kept.", action.Measures);
        Assert.Equal(ChecklistStatus.Implemented, action.Status);
        Assert.Equal(EntryStatus.Draft, report.Status);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData(PortalRoles.Analyst, null)]
    [InlineData(PortalRoles.Contributor, "FRA")]
    [InlineData(PortalRoles.Approver, "FRA")]
    public async Task OthersThanTheStateAndModerators_CannotReadOrChangeTheWorkingCopy(string? role, string? state)
    {
        var (cycle, _) = await CycleWithQuestionnaireAsync();
        var parts = await PartKeysAsync(cycle);
        var id = await Portal.CreateReportAsync("KEN", cycle, EntryStatus.Draft);
        using var other = role is null ? Portal.NewBrowser() : (await Portal.SignInAsAsync(role, state)).Browser;

        foreach (var url in new[] { $"/reports/work/{id}", $"/reports/work/{id}/parts/{parts[PartKind.Norms]}" })
        {
            var get = await other.GetAsync(url);
            Assert.True(Refused(get), $"GET {url}: {get.Status} {get.RedirectPath}");
            Assert.DoesNotContain("A national CSIRT was set up by law.", get.Text);
            var post = await other.PostWithTokenAsync(url, [new("action", "Submit"), new("Input.Visibility", "Clear")]);
            Assert.True(Refused(post), $"POST {url}: {post.Status} {post.RedirectPath}");
        }

        Assert.Equal(EntryStatus.Draft, await StatusAsync(id));
        Assert.Empty(await Portal.WithDbAsync(db => db.ReportEvents.Where(e => e.ReportId == id).ToListAsync()));
    }

    /// <summary>Not found, forbidden, or sent to sign in or to the access-denied page: nothing read, nothing done.</summary>
    private static bool Refused(PageResponse response) =>
        response.Status is HttpStatusCode.NotFound or HttpStatusCode.Forbidden or HttpStatusCode.BadRequest
        || response.RedirectPath?.Contains("/account/sign-in", StringComparison.Ordinal) == true
        || response.RedirectPath?.Contains("/account/access-denied", StringComparison.Ordinal) == true;

    private Task<EntryStatus> StatusAsync(int id) => Portal.WithDbAsync(db => db.Reports.Where(r => r.Id == id).Select(r => r.Status).SingleAsync());

    private Task<List<(string Subject, string Body)>> MailToAsync(string email) =>
        Portal.WithDbAsync(async db => (await db.OutgoingMail.Where(m => m.To == email).Select(m => new { m.Subject, m.Body }).ToListAsync())
            .Select(m => (m.Subject, m.Body)).ToList());
}

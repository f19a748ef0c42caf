using CyberNormPortal.Domain.Entries;
using CyberNormPortal.Domain.Reports;
using CyberNormPortal.Tests.Shared;
using CyberNormPortal.Web.BrowserTests.Infrastructure;
using CyberNormPortal.Web.BrowserTests.PageObjects;
using CyberNormPortal.Web.Data;
using CyberNormPortal.Web.Data.Seeding;
using CyberNormPortal.Web.Identity;
using CyberNormPortal.Web.Reports;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CyberNormPortal.Web.BrowserTests.Journeys;

/// <summary>
/// Kenya's national report in a real browser: two contributors fill different parts at the same time, the approver
/// signs it off, a moderator publishes it; then an analyst reads the cycle's norm view, follows a number to Kenya's
/// report, downloads it as .docx, and compares Kenya and France, with the mouse and then with the keyboard only.
/// axe finds nothing on any page.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class NationalReportTests(BrowserFixture browser)
{
    [Fact]
    public async Task KenyasReport_FilledByTwo_SignedOff_Published_ThenReadAndCompared()
    {
        var (cycleName, slug) = await CycleWithQuestionnaireAsync();
        var first = await SignedInAsync([PortalRoles.Contributor], "KEN");
        var second = await SignedInAsync([PortalRoles.Contributor], "KEN");
        var approver = await SignedInAsync([PortalRoles.Approver], "KEN");
        var moderator = await SignedInAsync([PortalRoles.Moderator], null);

        // The first contributor starts the report and opens the international-law part…
        var desk = await MyReportsPage.OpenAsync(first);
        await first.AssertNoAxeViolationsAsync();
        var work = await desk.StartAsync(cycleName);
        await first.AssertNoAxeViolationsAsync();
        var law = await work.EditPartAsync("International law");
        await first.AssertNoAxeViolationsAsync();

        // …while the second opens the norms part of the same report.
        var secondWork = await (await MyReportsPage.OpenAsync(second)).OpenAsync(cycleName);
        var norms = await secondWork.EditPartAsync("Norms of responsible State behaviour");
        await second.AssertNoAxeViolationsAsync();

        await law.Question("published a national position").GetByLabel("Yes").CheckAsync();
        await law.Question("published a national position").GetByLabel("Explanation").FillAsync("Kenya set out its position in 2024.");
        var directory = norms.Action("Keep an up-to-date directory of counterparts' points of contact.");
        await directory.GetByLabel("Status").SelectOptionAsync(new SelectOptionValue { Label = "Implemented" });
        await directory.GetByLabel("Measures taken").FillAsync("KE-CIRT/CC keeps the directory and tests it every quarter.");

        // Both save: different parts, no conflict.
        await norms.SaveAsync();
        work = await law.SaveAsync();

        // The first contributor fills a third part and submits for sign-off.
        var capacity = await work.EditPartAsync("Capacity-building");
        await capacity.Question("welcome capacity-building support").GetByLabel("Vulnerability disclosure").CheckAsync();
        work = await capacity.SaveAsync();
        await first.AssertNoAxeViolationsAsync();
        await work.TakeStepAsync("Submit for sign-off", "The report is submitted");
        Assert.Equal("Waiting for sign-off", await work.Status.InnerTextAsync());

        // The approver signs it off; Kenya is a partner State, so it goes to the secretariat.
        var approval = await (await MyReportsPage.OpenAsync(approver)).OpenAsync(cycleName);
        await approver.AssertNoAxeViolationsAsync();
        await approval.TakeStepAsync("Sign off", "sent to the secretariat");
        Assert.Equal("Signed off, awaiting moderation", await approval.Status.InnerTextAsync());

        // A moderator publishes it from the moderation queue.
        await moderator.GotoAsync("/moderation");
        await moderator.AssertNoAxeViolationsAsync();
        await moderator.GetByRole(AriaRole.Link, new() { Name = $"National report of Kenya: {cycleName}" }).ClickAsync();
        var moderation = new ReportWorkPage(moderator);
        await moderator.AssertNoAxeViolationsAsync();
        await moderation.TakeStepAsync("Publish", "The report is published.");

        // A visitor reads it.
        var visitor = await browser.NewPageAsync();
        await visitor.GotoAsync($"/states/ken/reports/{slug}");
        var text = await visitor.Locator("main").InnerTextAsync();
        Assert.Contains("Kenya set out its position in 2024.", text, StringComparison.Ordinal);
        Assert.Contains("KE-CIRT/CC keeps the directory and tests it every quarter.", text, StringComparison.Ordinal);
        Assert.Contains("Vulnerability disclosure", text, StringComparison.Ordinal);
        await visitor.AssertNoAxeViolationsAsync();

        // An analyst opens the cycle's norm view from the list of national reports…
        var analyst = await SignedInAsync([PortalRoles.Analyst], null);
        await analyst.GotoAsync("/reports");
        await analyst.AssertNoAxeViolationsAsync();
        await analyst.GetByRole(AriaRole.Link, new() { Name = cycleName }).ClickAsync();
        await analyst.WaitForURLAsync($"**/reports/{slug}");
        await analyst.AssertNoAxeViolationsAsync();

        // …follows the number of States that implemented the directory of points of contact (norm 8) to Kenya's report…
        var row = analyst.Locator("section.report-norm").Filter(new() { Has = analyst.Locator("h2#norm-8") }).Locator("table tbody tr").Filter(new() { HasText = "Keep an up-to-date directory of counterparts' points of contact." });
        var implemented = row.Locator("td").First.Locator("a");
        Assert.Equal("1", await implemented.InnerTextAsync());
        await implemented.ClickAsync();
        await analyst.WaitForURLAsync("**/states?**");
        await analyst.AssertNoAxeViolationsAsync();
        await analyst.GetByRole(AriaRole.Link, new() { Name = "Kenya" }).ClickAsync();
        await analyst.WaitForURLAsync($"**/states/ken/reports/{slug}");
        Assert.Contains("KE-CIRT/CC keeps the directory", await analyst.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await analyst.AssertNoAxeViolationsAsync();

        // …downloads it as .docx…
        var download = await analyst.RunAndWaitForDownloadAsync(() =>
            analyst.GetByRole(AriaRole.Link, new() { Name = "Download as Word (.docx)" }).ClickAsync());
        Assert.EndsWith(".docx", download.SuggestedFilename, StringComparison.Ordinal);
        var path = await download.PathAsync();
        Assert.True(new FileInfo(path).Length > 1000, "The .docx is empty.");

        // …and compares Kenya and France action by action.
        await analyst.GotoAsync($"/reports/{slug}");
        await analyst.GetByRole(AriaRole.Link, new() { Name = "Compare States' reports" }).ClickAsync();
        await analyst.GetByLabel("State 1").SelectOptionAsync(new SelectOptionValue { Label = "Kenya" });
        await analyst.GetByLabel("State 2").SelectOptionAsync(new SelectOptionValue { Label = "France" });
        await analyst.GetByRole(AriaRole.Button, new() { Name = "Compare" }).ClickAsync();
        await analyst.WaitForURLAsync("**/compare?**");
        var comparison = await analyst.Locator("main table").InnerTextAsync();
        Assert.Contains("KE-CIRT/CC keeps the directory", comparison, StringComparison.Ordinal);
        Assert.Contains("L'ANSSI tient l'annuaire à jour.", comparison, StringComparison.Ordinal);
        await analyst.AssertNoAxeViolationsAsync();

        // Keyboard only: the compare form is reached and sent without a mouse.
        await analyst.GotoAsync($"/reports/{slug}/compare");
        await analyst.GetByLabel("State 1").FocusAsync();
        await analyst.Keyboard.PressAsync("ArrowDown");
        await analyst.Keyboard.PressAsync("Tab");
        await analyst.Keyboard.PressAsync("ArrowDown");
        await analyst.Keyboard.PressAsync("ArrowDown");
        foreach (var _ in Enumerable.Range(0, 3))
        {
            await analyst.Keyboard.PressAsync("Tab");
        }

        Assert.Equal("Compare", await analyst.EvaluateAsync<string>("() => document.activeElement.textContent.trim()"));
        await analyst.Keyboard.PressAsync("Enter");
        await analyst.WaitForURLAsync("**/compare?**");
        Assert.Contains("L'ANSSI tient l'annuaire à jour.", await analyst.Locator("main table").InnerTextAsync(), StringComparison.Ordinal);
    }

    private async Task<IPage> SignedInAsync(string[] roles, string? state)
    {
        var account = await TestAccounts.CreateAsync(browser.Services, roles, state, twoFactor: roles.Any(PortalRoles.NeedsTwoFactor));
        var page = await browser.NewPageAsync();
        await (await SignInPage.OpenAsync(page)).SignInAsync(account.Email, account.Password, roles.Any(PortalRoles.NeedsTwoFactor) ? account.CurrentCode : null);
        return page;
    }

    /// <summary>A cycle of its own with the illustrative questionnaire, and France's published report in it.</summary>
    private async Task<(string Name, string Slug)> CycleWithQuestionnaireAsync()
    {
        await using var scope = browser.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var suffix = Guid.NewGuid().ToString("N")[..6];
        // Not open for new entries: the other journeys' entry forms pick the one open cycle, and a national report
        // is asked for by its questionnaire, not by the cycle taking entries.
        var cycle = new Domain.Cycles.ReportingCycle($"un-{suffix}", $"UN reporting {suffix}", new DateOnly(2026, 1, 1), new DateOnly(2027, 3, 31), null, isOpen: false);
        db.Cycles.Add(cycle);
        await db.SaveChangesAsync();
        var questionnaire = IllustrativeQuestionnaire.Build(cycle.Id, DateTimeOffset.UtcNow);
        db.Questionnaires.Add(questionnaire);
        await db.SaveChangesAsync();

        var france = new WorkflowActor("browser-france", "Camille Martin", WorkflowRoles.Contributor, "FRA");
        var franceApprover = new WorkflowActor("browser-france-approver", "Claire Durand", WorkflowRoles.Approver, "FRA");
        var member = new WorkflowContext(StateIsInitiativeMember: true, StateHasSinglePointOfContact: false);
        var report = NationalReport.Start(cycle.Id, "FRA", questionnaire, france, DateTimeOffset.UtcNow);
        var normsPart = questionnaire.OrderedParts.Single(p => p.Kind == PartKind.Norms);
        var action = questionnaire.ActionsOf(8).First();
        report.SavePart(normsPart.Key, new PartAnswers([], [new ActionAnswer(action.Key, ChecklistStatus.InProgress, "L'ANSSI tient l'annuaire à jour.", [], null, null)]), TlpLabel.Clear, france, DateTimeOffset.UtcNow);
        report.Apply(WorkflowAction.Submit, france, member, DateTimeOffset.UtcNow, cycle.ClosesOn);
        report.Apply(WorkflowAction.Approve, franceApprover, member, DateTimeOffset.UtcNow, cycle.ClosesOn);
        db.Reports.Add(report);
        await db.SaveChangesAsync();
        await ReportReadModel.RefreshAsync(db, report, CancellationToken.None);
        await db.SaveChangesAsync();
        return (cycle.Name, cycle.Slug);
    }
}

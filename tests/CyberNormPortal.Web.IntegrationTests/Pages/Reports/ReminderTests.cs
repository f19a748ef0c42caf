using System.Net;
using CyberNormPortal.Domain.Entries;
using CyberNormPortal.Web.Identity;
using CyberNormPortal.Web.IntegrationTests.Infrastructure;
using CyberNormPortal.Web.Reports;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CyberNormPortal.Web.IntegrationTests.Pages.Reports;

/// <summary>
/// Deadline and sign-off reminders, with two instances of the portal on one database and one clock the test moves:
/// each reminder goes out once, to the right people, in their language; and each user sees their own at /my/reminders.
/// </summary>
public sealed class ReminderTests(PortalFixture portal) : PortalTest(portal), IDisposable
{
    public static readonly IReadOnlyCollection<string> CoveredEndpoints = ["GET /my/reminders"];

    private const string CycleName = "Annual national reports 2027";

    /// <summary>Noon UTC today: whole days before closing stay whole as the clock moves by days.</summary>
    private static readonly DateTimeOffset Start = new(DateTime.UtcNow.Date.AddHours(12), TimeSpan.Zero);

    private readonly TestClock _clock = new(Start);

    private WebApplicationFactory<Program>? _first;

    private WebApplicationFactory<Program>? _second;

    public void Dispose()
    {
        _first?.Dispose();
        _second?.Dispose();
    }

    [Fact]
    public async Task DeadlineReminders_CrossingThirtySevenAndOneDays_GoOutOncePerThreshold_OnlyToStatesNotSignedOff()
    {
        var cycle = await CycleClosingInAsync(40);
        await Portal.CreateReportAsync("FRA", cycle, EntryStatus.Published); // signed off and published: no reminder
        await Portal.CreateReportAsync("BRA", cycle, EntryStatus.Draft);
        var kenyanContributor = await Portal.CreateUserAsync(PortalRoles.Contributor, "KEN");
        var kenyanApprover = await FrenchSpeakingAsync(await Portal.CreateUserAsync(PortalRoles.Approver, "KEN"));
        var brazilianContributor = await Portal.CreateUserAsync(PortalRoles.Contributor, "BRA");
        var frenchContributor = await Portal.CreateUserAsync(PortalRoles.Contributor, "FRA");
        var frenchApprover = await Portal.CreateUserAsync(PortalRoles.Approver, "FRA");
        StartTwoInstances();

        await SendOnBothInstancesAsync();
        Assert.Empty(await MailToAsync(kenyanContributor));

        foreach (var (daysLeft, expected) in new[] { (30, new[] { 30 }), (7, new[] { 30, 7 }), (1, new[] { 30, 7, 1 }), (0, new[] { 30, 7, 1 }) })
        {
            MoveToDaysBeforeClosing(daysLeft);
            await SendOnBothInstancesAsync();

            foreach (var user in new[] { kenyanContributor, kenyanApprover, brazilianContributor })
            {
                Assert.Equal(expected, await RemindedDaysAsync(user));
                Assert.Equal(expected.Length, (await MailToAsync(user)).Count);
            }

            Assert.Empty(await MailToAsync(frenchContributor));
            Assert.Empty(await MailToAsync(frenchApprover));
        }

        var english = await MailToAsync(kenyanContributor);
        Assert.All(english, m => Assert.Equal("en", m.Language));
        Assert.All(english, m => Assert.StartsWith("Reminder: the national report for " + CycleName, m.Subject, StringComparison.Ordinal));
        Assert.Contains("/en/my/reports", english[0].Body, StringComparison.Ordinal);
        Assert.Contains("Kenya", english[0].Body, StringComparison.Ordinal);
        var french = await MailToAsync(kenyanApprover);
        Assert.All(french, m => Assert.Equal("fr", m.Language));
        Assert.All(french, m => Assert.StartsWith("Rappel : le rapport national pour " + CycleName, m.Subject, StringComparison.Ordinal));
        Assert.Contains("/fr/my/reports", french[0].Body, StringComparison.Ordinal);

        // After closing, no deadline reminder any more.
        MoveToDaysBeforeClosing(-1);
        await SendOnBothInstancesAsync();
        Assert.Equal(3, (await MailToAsync(kenyanContributor)).Count);
    }

    [Fact]
    public async Task DeadlineReminders_ClockJumpingFromFortyToFiveDays_SendTheSevenDayReminderOnly()
    {
        await CycleClosingInAsync(40);
        var contributor = await Portal.CreateUserAsync(PortalRoles.Contributor, "KEN");
        StartTwoInstances();

        MoveToDaysBeforeClosing(5);
        await SendOnBothInstancesAsync();

        Assert.Equal([7], await RemindedDaysAsync(contributor));
        var mail = Assert.Single(await MailToAsync(contributor));
        Assert.Contains(" 5 day", mail.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeadlineReminders_ForACycleWithoutAQuestionnaire_AreNotSent()
    {
        var cycle = await Portal.OpenCycleAsync(CycleName);
        await SetClosingAsync(cycle, 40);
        var contributor = await Portal.CreateUserAsync(PortalRoles.Contributor, "KEN");
        StartTwoInstances();

        MoveToDaysBeforeClosing(7);
        await SendOnBothInstancesAsync();

        Assert.Empty(await MailToAsync(contributor));
    }

    [Fact]
    public async Task DeadlineReminders_ForACycleOfAGroup_GoToItsMembersOnly()
    {
        var cycle = await CycleClosingInAsync(40);
        await Portal.WithDbAsync(async db =>
        {
            var entity = await db.Cycles.SingleAsync(c => c.Id == cycle);
            var g7 = await db.Groups.SingleAsync(g => g.Slug == "g7");
            entity.Update(entity.Slug, entity.Name, entity.OpensOn, entity.ClosesOn, g7.Id, isOpen: true);
            await db.SaveChangesAsync();
        });
        var kenyan = await Portal.CreateUserAsync(PortalRoles.Contributor, "KEN");
        var french = await Portal.CreateUserAsync(PortalRoles.Contributor, "FRA");
        StartTwoInstances();

        MoveToDaysBeforeClosing(30);
        await SendOnBothInstancesAsync();

        Assert.Equal([30], await RemindedDaysAsync(french));
        Assert.Empty(await MailToAsync(kenyan));
    }

    [Fact]
    public async Task SignOffReminder_AReportWaitingSixDays_RemindsItsApproversOnce()
    {
        // Closing far away: no deadline reminder is due, only the sign-off one.
        var cycle = await CycleClosingInAsync(200);
        var report = await Portal.CreateReportAsync("KEN", cycle, EntryStatus.Submitted);
        var approver = await Portal.CreateUserAsync(PortalRoles.Approver, "KEN");
        var otherApprover = await FrenchSpeakingAsync(await Portal.CreateUserAsync(PortalRoles.Approver, "KEN"));
        var contributor = await Portal.CreateUserAsync(PortalRoles.Contributor, "KEN");
        var brazilianApprover = await Portal.CreateUserAsync(PortalRoles.Approver, "BRA");
        StartTwoInstances();

        _clock.Advance(TimeSpan.FromDays(4));
        await SendOnBothInstancesAsync();
        Assert.Empty(await MailToAsync(approver));

        _clock.Advance(TimeSpan.FromDays(2)); // six days after the submission
        await SendOnBothInstancesAsync();
        _clock.Advance(TimeSpan.FromDays(3));
        await SendOnBothInstancesAsync();

        var mail = Assert.Single(await MailToAsync(approver));
        Assert.Equal("A national report awaits your sign-off: Kenya, " + CycleName, mail.Subject);
        Assert.Contains("/en/my/reports", mail.Body, StringComparison.Ordinal);
        var french = Assert.Single(await MailToAsync(otherApprover));
        Assert.StartsWith("Un rapport national attend votre validation", french.Subject, StringComparison.Ordinal);
        Assert.Empty(await MailToAsync(contributor));
        Assert.Empty(await MailToAsync(brazilianApprover));
        var sent = await Portal.WithDbAsync(db => db.SentReminders.Where(r => r.UserId == approver.Id).ToListAsync());
        var reminder = Assert.Single(sent);
        Assert.Equal(ReminderKind.SignOffWaiting, reminder.Kind);
        Assert.Equal(report, reminder.ReportId);
    }

    [Fact]
    public async Task MyReminders_ListsTheUsersOwnReminders_AndNotAnotherUsers()
    {
        await CycleClosingInAsync(40);
        var contributor = await Portal.CreateUserAsync(PortalRoles.Contributor, "KEN");
        var colleague = await FrenchSpeakingAsync(await Portal.CreateUserAsync(PortalRoles.Approver, "KEN"));
        var brazilian = await Portal.CreateUserAsync(PortalRoles.Contributor, "BRA");
        StartTwoInstances();
        MoveToDaysBeforeClosing(30);
        await SendOnBothInstancesAsync();
        MoveToDaysBeforeClosing(7);
        await SendOnBothInstancesAsync();
        await Portal.WithDbAsync(db => db.SentReminders.Where(r => r.UserId == brazilian.Id).ExecuteDeleteAsync());

        using var browser = await Portal.SignInAsync(contributor);
        var page = await browser.GetAsync("/my/reminders");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var rows = page.Document.QuerySelectorAll("table.reminders-table tbody tr").Select(r => Text.Visible(r)).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Contains("7 days before closing", rows[0], StringComparison.Ordinal);
        Assert.Contains("30 days before closing", rows[1], StringComparison.Ordinal);
        Assert.All(rows, r => Assert.Contains(CycleName, r, StringComparison.Ordinal));
        Assert.DoesNotContain("Rappel", page.Text, StringComparison.Ordinal); // the colleague's French reminders

        using var asColleague = await Portal.SignInAsync(colleague);
        var theirs = await asColleague.GetAsync("/fr/my/reminders");
        Assert.Equal(2, theirs.Document.QuerySelectorAll("table.reminders-table tbody tr").Length);
        Assert.Contains("Rappel", theirs.Text, StringComparison.Ordinal);

        using var asBrazilian = await Portal.SignInAsync(brazilian);
        var none = await asBrazilian.GetAsync("/my/reminders");
        Assert.Empty(none.Document.QuerySelectorAll("table.reminders-table tbody tr"));
        Assert.Contains("No reminder has been sent to you.", none.Text, StringComparison.Ordinal);

        var anonymous = await Portal.NewBrowser().GetAsync("/my/reminders");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.Status);
        Assert.StartsWith("/account/sign-in", anonymous.RedirectPath, StringComparison.Ordinal);
    }

    private async Task<int> CycleClosingInAsync(int days)
    {
        var cycle = await Portal.OpenCycleAsync(CycleName);
        await SetClosingAsync(cycle, days);
        await Portal.CreateQuestionnaireAsync(cycle);
        return cycle;
    }

    private Task SetClosingAsync(int cycleId, int days) => Portal.WithDbAsync(async db =>
    {
        var cycle = await db.Cycles.SingleAsync(c => c.Id == cycleId);
        var today = DateOnly.FromDateTime(Start.UtcDateTime);
        cycle.Update(cycle.Slug, cycle.Name, today.AddDays(-60), today.AddDays(days), null, isOpen: true);
        await db.SaveChangesAsync();
    });

    private void MoveToDaysBeforeClosing(int daysLeft)
    {
        // Every cycle of these tests closes 40 or 200 days after the start; the deadline tests use 40.
        var target = Start.AddDays(40 - daysLeft);
        _clock.Advance(target - _clock.GetUtcNow());
    }

    private async Task<TestUser> FrenchSpeakingAsync(TestUser user)
    {
        await Portal.WithDbAsync(async db =>
        {
            var account = await db.Users.SingleAsync(u => u.Id == user.Id);
            account.PreferredLanguage = "fr";
            await db.SaveChangesAsync();
        });
        return user;
    }

    private void StartTwoInstances()
    {
        _first = OnTestClock();
        _second = OnTestClock();
    }

    private WebApplicationFactory<Program> OnTestClock() => Portal.Factory.WithWebHostBuilder(builder =>
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(_clock)));

    /// <summary>Both instances at once, then each again: what one sent, the other must not send again.</summary>
    private async Task SendOnBothInstancesAsync()
    {
        await Task.WhenAll(SendAsync(_first!), SendAsync(_second!), SendAsync(_first!), SendAsync(_second!));
        await SendAsync(_second!);
        await SendAsync(_first!);
    }

    private async Task<int> SendAsync(WebApplicationFactory<Program> host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ReminderService>().SendDueAsync(_clock.GetUtcNow());
    }

    private Task<List<int>> RemindedDaysAsync(TestUser user) => Portal.WithDbAsync(db => db.SentReminders
        .Where(r => r.UserId == user.Id && r.Kind == ReminderKind.Deadline)
        .OrderByDescending(r => r.DaysBefore).Select(r => r.DaysBefore!.Value).ToListAsync());

    private Task<List<Web.Mail.OutgoingMail>> MailToAsync(TestUser user) => Portal.WithDbAsync(db => db.OutgoingMail.AsNoTracking()
        .Where(m => m.To == user.Email).OrderBy(m => m.Id).ToListAsync());
}

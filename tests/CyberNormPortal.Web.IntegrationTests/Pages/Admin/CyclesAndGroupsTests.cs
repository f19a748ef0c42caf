using System.Net;
using CyberNormPortal.Domain.States;
using CyberNormPortal.Web.Auditing;
using CyberNormPortal.Web.Identity;
using CyberNormPortal.Web.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CyberNormPortal.Web.IntegrationTests.Pages.Admin;

public sealed class CyclesAndGroupsTests(PortalFixture portal) : PortalTest(portal)
{
    private static Dictionary<string, object?> Cycle(string slug, string opens, string closes) => new()
    {
        ["Input.Name"] = "Cycle " + slug,
        ["Input.Slug"] = slug,
        ["Input.OpensOn"] = opens,
        ["Input.ClosesOn"] = closes,
    };

    [Fact]
    public async Task SaveCycle_Moderator_CreatesAndAudits()
    {
        var (browser, _) = await Portal.SignInAsAsync(PortalRoles.Moderator);

        var response = await browser.SubmitAsync("/admin/cycles/edit", Cycle("2026-all", "2026-01-01", "2026-06-30"));

        Assert.Equal("/admin/cycles", response.RedirectPath);
        Assert.Contains("Cycle 2026-all", (await browser.FollowAsync(response)).Text);
        var cycle = await Portal.WithDbAsync(db => db.Cycles.SingleAsync(c => c.Slug == "2026-all"));
        Assert.Equal((new DateOnly(2026, 1, 1), new DateOnly(2026, 6, 30)), (cycle.OpensOn, cycle.ClosesOn));
        Assert.Equal(1, await Portal.WithDbAsync(db => db.AuditRecords.CountAsync(a => a.Action == AuditActions.CycleSaved && a.Subject == "cycle:2026-all")));
    }

    [Fact]
    public async Task SaveCycle_ClosesBeforeOpens_ShowsMessageByClosingDate()
    {
        var (browser, _) = await Portal.SignInAsAsync(PortalRoles.Administrator);
        var before = await Portal.WithDbAsync(db => db.Cycles.CountAsync());

        var response = await browser.SubmitAsync("/admin/cycles/edit", Cycle("2026-bad", "2026-06-30", "2026-01-01"));

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.NotNull(response.FieldError("Input.ClosesOn"));
        Assert.Equal("2026-bad", response.InputValue("Input.Slug"));
        Assert.Equal(before, await Portal.WithDbAsync(db => db.Cycles.CountAsync()));
    }

    [Fact]
    public async Task SaveCycle_SeveralProblems_TheSummaryListsThemInTheOrderOfTheFieldsOnThePage()
    {
        var (browser, _) = await Portal.SignInAsAsync(PortalRoles.Administrator);

        var response = await browser.SubmitAsync("/admin/cycles/edit", new Dictionary<string, object?>
        {
            ["Input.Name"] = "",
            ["Input.Slug"] = "Not A Slug",
            ["Input.OpensOn"] = "",
            ["Input.ClosesOn"] = "",
        });

        var summary = response.ErrorSummary;
        Assert.True(summary.Count >= 3, string.Join("\n", summary));
        Assert.All(summary, item => Assert.True(item.FieldPosition >= 0, $"'{item.Message}' links to no field"));
        Assert.Equal(summary.Select(i => i.FieldPosition).Order(), summary.Select(i => i.FieldPosition));
    }

    [Fact]
    public async Task SaveCycle_DuplicateOrUpperCaseSlug_ShowsMessageBySlug()
    {
        var (browser, _) = await Portal.SignInAsAsync(PortalRoles.Administrator);
        await browser.SubmitAsync("/admin/cycles/edit", Cycle("taken", "2026-01-01", "2026-02-01"));

        var duplicate = await browser.SubmitAsync("/admin/cycles/edit", Cycle("taken", "2026-01-01", "2026-02-01"));
        var upper = await browser.SubmitAsync("/admin/cycles/edit", Cycle("Taken", "2026-01-01", "2026-02-01"));

        Assert.Contains("already has this slug", duplicate.FieldError("Input.Slug"));
        Assert.NotNull(upper.FieldError("Input.Slug"));
        Assert.Equal(1, await Portal.WithDbAsync(db => db.Cycles.CountAsync(c => c.Slug == "taken")));
    }

    [Fact]
    public async Task EditCycle_KeepingItsOwnSlug_Saves()
    {
        var (browser, _) = await Portal.SignInAsAsync(PortalRoles.Administrator);
        await browser.SubmitAsync("/admin/cycles/edit", Cycle("own", "2026-01-01", "2026-02-01"));
        var id = await Portal.WithDbAsync(db => db.Cycles.Where(c => c.Slug == "own").Select(c => c.Id).SingleAsync());

        var response = await browser.SubmitAsync($"/admin/cycles/edit/{id}", new Dictionary<string, object?> { ["Input.ClosesOn"] = "2026-03-31" });

        Assert.Equal("/admin/cycles", response.RedirectPath);
        Assert.Equal(new DateOnly(2026, 3, 31), await Portal.WithDbAsync(db => db.Cycles.Where(c => c.Id == id).Select(c => c.ClosesOn).SingleAsync()));
    }

    [Fact]
    public async Task SaveGroup_NewThenEditMembers_StoresExactlyTheChosenStates()
    {
        var (browser, _) = await Portal.SignInAsAsync(PortalRoles.Moderator);

        var created = await browser.SubmitAsync("/admin/groups/edit", new Dictionary<string, object?>
        {
            ["Input.Slug"] = "test-group",
            ["Input.Name"] = "Test group",
            ["Input.Abbreviation"] = "TG",
            ["Input.Members"] = new[] { "FRA", "JPN", "KEN" },
        });
        Assert.Equal("/admin/groups", created.RedirectPath);
        var id = await Portal.WithDbAsync(db => db.Groups.Where(g => g.Slug == "test-group").Select(g => g.Id).SingleAsync());
        Assert.Equal(["FRA", "JPN", "KEN"], await MembersAsync(id));

        var edited = await browser.SubmitAsync($"/admin/groups/edit/{id}", new Dictionary<string, object?>
        {
            ["Input.Name"] = "Test group renamed",
            ["Input.Members"] = new[] { "JPN", "BRA" },
        });

        Assert.Equal("/admin/groups", edited.RedirectPath);
        Assert.Equal(["BRA", "JPN"], await MembersAsync(id));
        Assert.Equal("Test group renamed", await Portal.WithDbAsync(db => db.Groups.Where(g => g.Id == id).Select(g => g.Name).SingleAsync()));
        Assert.Equal(2, await Portal.WithDbAsync(db => db.AuditRecords.CountAsync(a => a.Action == AuditActions.GroupSaved && a.Subject == "group:test-group")));
    }

    [Fact]
    public async Task SetParticipation_OneState_ChangesOnlyThatStateAndAudits()
    {
        var (browser, _) = await Portal.SignInAsAsync(PortalRoles.Administrator);
        var before = await Portal.WithDbAsync(db => db.States.ToDictionaryAsync(s => s.Iso3, s => s.Participation));
        var flipped = before["KEN"] == InitiativeParticipation.Member ? InitiativeParticipation.Partner : InitiativeParticipation.Member;

        try
        {
            var response = await browser.SubmitAsync("/admin/states", new Dictionary<string, object?> { ["Input.Participation[KEN]"] = flipped.ToString() });

            Assert.Equal("/admin/states", response.RedirectPath);
            var after = await Portal.WithDbAsync(db => db.States.ToDictionaryAsync(s => s.Iso3, s => s.Participation));
            Assert.Equal(flipped, after["KEN"]);
            Assert.Equal(before.Where(s => s.Key != "KEN"), after.Where(s => s.Key != "KEN"));
            var audit = await Portal.WithDbAsync(db => db.AuditRecords.SingleAsync(a => a.Action == AuditActions.ParticipationChanged));
            Assert.Equal("state:KEN", audit.Subject);
        }
        finally
        {
            // States are reference data the reset keeps: put Kenya back for the other tests.
            await Portal.WithDbAsync(async db =>
            {
                (await db.States.SingleAsync(s => s.Iso3 == "KEN")).SetParticipation(before["KEN"]);
                await db.SaveChangesAsync();
            });
        }
    }

    private Task<List<string>> MembersAsync(int groupId) => Portal.WithDbAsync(db =>
        db.GroupMemberships.Where(m => m.GroupId == groupId).Select(m => m.StateIso3).OrderBy(s => s).ToListAsync());
}

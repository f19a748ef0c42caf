using System.Net;
using CyberNormPortal.Web.Auditing;
using CyberNormPortal.Web.Identity;
using CyberNormPortal.Web.IntegrationTests.Infrastructure;
using CyberNormPortal.Web.Pages.Admin.Audit;

namespace CyberNormPortal.Web.IntegrationTests.Pages.Admin;

public sealed class AuditLogTests(PortalFixture portal) : PortalTest(portal)
{
    private static DateTimeOffset Utc(int day, int hour) => new(2026, 3, day, hour, 0, 0, TimeSpan.Zero);

    private async Task<Browser> SeedAsync()
    {
        var (admin, _) = await Portal.SignInAsAsync(PortalRoles.Administrator);
        await Portal.WithDbAsync(async db =>
        {
            db.AuditRecords.AddRange(
                new AuditRecord(Utc(1, 23), null, "Ann", AuditActions.CycleSaved, "cycle:march-1", null, "10.0.0.1"),
                new AuditRecord(Utc(2, 0), null, "Ben", AuditActions.GroupSaved, "group:march-2-early", null, "10.0.0.2"),
                new AuditRecord(Utc(3, 23), null, "Ann", AuditActions.GroupSaved, "group:march-3-late", null, "10.0.0.3"),
                new AuditRecord(Utc(4, 0), null, "Cem", AuditActions.Deactivated, "user:march-4", null, "10.0.0.4"));
            await db.SaveChangesAsync();
        });
        return admin;
    }

    private static List<string> Subjects(PageResponse page) =>
        [.. page.Document.QuerySelectorAll("table.audit-table tbody tr td:nth-child(4)").Select(td => td.TextContent.Trim()).Where(s => s.Contains("march", StringComparison.Ordinal))];

    [Fact]
    public async Task Filter_ByAction_ShowsExactlyThatActionNewestFirst()
    {
        var admin = await SeedAsync();

        var page = await admin.GetAsync($"/admin/audit?action={AuditActions.GroupSaved}");

        Assert.Equal(["group:march-3-late", "group:march-2-early"], Subjects(page));
    }

    [Fact]
    public async Task Filter_ByDateRange_IncludesBothWholeDays()
    {
        var admin = await SeedAsync();

        var page = await admin.GetAsync("/admin/audit?from=2026-03-02&to=2026-03-03");

        Assert.Equal(["group:march-3-late", "group:march-2-early"], Subjects(page));
    }

    [Fact]
    public async Task Filter_ByUserTextAndAction_Combines()
    {
        var admin = await SeedAsync();

        var page = await admin.GetAsync($"/admin/audit?user=ann&action={AuditActions.GroupSaved}");

        Assert.Equal(["group:march-3-late"], Subjects(page));
    }

    [Fact]
    public async Task Filter_BadDate_ShowsMessageNextToTheField()
    {
        var admin = await SeedAsync();

        var page = await admin.GetAsync("/admin/audit?from=31/02/2026&to=2026-03-03");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(IndexModel.BadDateMessage, page.FieldError("from"));
        Assert.Null(page.FieldError("to"));
    }

    [Fact]
    public async Task List_MoreThanAPage_PagesByFiftyKeepingTheFilter()
    {
        var (admin, _) = await Portal.SignInAsAsync(PortalRoles.Administrator);
        await Portal.WithDbAsync(async db =>
        {
            db.AuditRecords.AddRange(Enumerable.Range(0, 60).Select(i =>
                new AuditRecord(Utc(10, 0).AddMinutes(i), null, "Bulk", AuditActions.CycleSaved, $"cycle:march-{i}", null, null)));
            await db.SaveChangesAsync();
        });

        var first = await admin.GetAsync($"/admin/audit?action={AuditActions.CycleSaved}");
        var next = first.Document.QuerySelector("a[rel='next']")!.GetAttribute("href")!;
        var second = await admin.GetAsync(next);

        Assert.Equal(50, Subjects(first).Count);
        Assert.Equal("cycle:march-59", Subjects(first)[0]);
        Assert.Contains($"action={AuditActions.CycleSaved}", next);
        Assert.Equal(10, Subjects(second).Count);
    }
}

using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using CyberNormPortal.Domain.Entries;
using CyberNormPortal.Domain.Reports;
using CyberNormPortal.Web.IntegrationTests.Infrastructure;
using CyberNormPortal.Web.IntegrationTests.Pages.Reports;
using static CyberNormPortal.Web.Identity.PortalRoles;

namespace CyberNormPortal.Web.IntegrationTests.Api;

/// <summary>Published national reports in the public API and their Atom feed: the contract's fields, TLP:CLEAR only.</summary>
public sealed class ReportApiTests(PortalFixture fixture) : PortalTest(fixture)
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    [Fact]
    public async Task Reports_ListAndDetail_HaveTheDocumentedFields_AndTheChecklist()
    {
        var (cycle, slug) = await ReportReadingTests.ReportCycleAsync(Portal);
        await Portal.CreateReportAsync("KEN", cycle, EntryStatus.Published, actionStatus: ChecklistStatus.InProgress, norms: [2], measures: "A **CSIRT** law.");

        var page = await Portal.GetOkJsonAsync("/api/v1/reports?pageSize=10");
        var detail = await Portal.GetOkJsonAsync($"/api/v1/reports/ken/{slug}");

        var item = Assert.Single(page["items"]!.AsArray())!;
        Assert.Equal("KEN", item["state"]!.GetValue<string>());
        Assert.Equal("Kenya", item["stateName"]!.GetValue<string>());
        Assert.Equal(slug, item["cycle"]!.GetValue<string>());
        Assert.Equal(1, item["version"]!.GetValue<int>());
        Assert.Equal($"http://localhost/states/ken/reports/{slug}", item["url"]!.GetValue<string>());
        Assert.Equal($"http://localhost/api/v1/reports/KEN/{slug}", item["apiUrl"]!.GetValue<string>());
        Assert.Equal(1, page["total"]!.GetValue<int>());
        Assert.Equal(10, page["pageSize"]!.GetValue<int>());
        Assert.Null(page["links"]!["next"]);

        var norms = detail["parts"]!.AsArray().Single(p => p!["kind"]!.GetValue<string>() == "norms")!;
        var actions = norms["actions"]!.AsArray();
        Assert.Equal(2, actions.Count);
        Assert.All(actions, a =>
        {
            Assert.Equal(2, a!["norm"]!.GetValue<int>());
            Assert.Equal("inProgress", a["status"]!.GetValue<string>());
            Assert.Equal("A **CSIRT** law.", a["measures"]!.GetValue<string>());
            Assert.False(string.IsNullOrWhiteSpace(a["action"]!.GetValue<string>()));
        });
        Assert.Equal(JsonValueKind.Array, norms["answers"]!.GetValueKind());
    }

    [Fact]
    public async Task Reports_BadQuery_Is400NamingTheParameter_AndAnUnknownReport404()
    {
        var (cycle, slug) = await ReportReadingTests.ReportCycleAsync(Portal);
        await Portal.CreateReportAsync("KEN", cycle, EntryStatus.Published);
        using var client = Portal.CreateClient();

        using var badPage = await client.GetAsync("/api/v1/reports?pageSize=0&cycle=nope");
        using var missing = await client.GetAsync($"/api/v1/reports/FRA/{slug}");
        using var notAState = await client.GetAsync($"/api/v1/reports/kenya/{slug}");

        Assert.Equal(HttpStatusCode.BadRequest, badPage.StatusCode);
        var problem = JsonDocument.Parse(await badPage.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        Assert.True(problem.TryGetProperty("pageSize", out _));
        Assert.True(problem.TryGetProperty("cycle", out _));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, notAState.StatusCode);
    }

    [Fact]
    public async Task Reports_SignedInModerator_StillGetsTlpClearOnly()
    {
        var (cycle, slug) = await ReportReadingTests.ReportCycleAsync(Portal);
        await Portal.CreateReportAsync("KEN", cycle, EntryStatus.Published, TlpLabel.Clear);
        await Portal.CreateReportAsync("FRA", cycle, EntryStatus.Published, TlpLabel.Green);
        var (moderator, _) = await Portal.SignInAsAsync(Moderator);

        var page = await moderator.Client.GetOkJsonAsync("/api/v1/reports");
        var detail = await moderator.Client.GetOkJsonAsync($"/api/v1/reports/KEN/{slug}");
        using var green = await moderator.Client.GetAsync($"/api/v1/reports/FRA/{slug}");

        Assert.Equal(["KEN"], page["items"]!.AsArray().Select(i => i!["state"]!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.NotFound, green.StatusCode);
        Assert.Equal("KEN", detail["state"]!.GetValue<string>());
    }

    [Fact]
    public async Task ReportFeed_HasThePublishedClearReport_NotTheGreenOne()
    {
        var (cycle, slug) = await ReportReadingTests.ReportCycleAsync(Portal);
        await Portal.CreateReportAsync("KEN", cycle, EntryStatus.Published, TlpLabel.Clear);
        await Portal.CreateReportAsync("FRA", cycle, EntryStatus.Published, TlpLabel.Green);
        await Portal.CreateReportAsync("DEU", cycle, EntryStatus.Submitted, TlpLabel.Clear);
        using var client = Portal.CreateClient();

        using var response = await client.GetAsync("/reports.atom");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType!.MediaType);
        var feed = XDocument.Parse(await response.Content.ReadAsStringAsync());
        var entry = Assert.Single(feed.Root!.Elements(Atom + "entry"));
        Assert.Equal($"http://localhost/states/ken/reports/{slug}", entry.Element(Atom + "link")!.Attribute("href")!.Value);
        Assert.Equal("National report of Kenya: National reports 2026", entry.Element(Atom + "title")!.Value);
        Assert.Equal("Kenya", entry.Element(Atom + "author")!.Element(Atom + "name")!.Value);
    }
}

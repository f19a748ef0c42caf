using System.Net;
using CyberNormPortal.Domain.Capacity;
using CyberNormPortal.Web.Identity;
using CyberNormPortal.Web.IntegrationTests.Infrastructure;
using CyberNormPortal.Web.IntegrationTests.Pages.Capacity;
using Microsoft.EntityFrameworkCore;

namespace CyberNormPortal.Web.IntegrationTests.Authorization;

/// <summary>
/// Who reaches a match, its steps, the suggestions of an item and the secretariat's queue: a Senegalese need and an
/// organisation's offer, with a match the need side began. Every refusal leaves the match as it was.
/// </summary>
public sealed class CapacityMatchMatrixTests(PortalFixture portal) : PortalTest(portal)
{
    public static IReadOnlyCollection<string> CoveredEndpoints =>
    [
        "POST /capacity/{id:int}/interest",
        "GET /capacity/matches/{id:int}",
        "POST /capacity/matches/{id:int}",
        "GET /moderation/capacity",
    ];

    // Columns: match page GET · a step posted on it (Close, with a reason) · suggestions on the need page · "Express
    // interest" buttons on the need page · on the offer page · the secretariat's queue.
    // A = allowed / shown, S = sent to sign in, N = not found, - = not shown, D = denied by the page's policy.
    public static readonly TheoryData<string, string> Matrix = new()
    {
        { "anonymous", "S S - - - S" },
        { "analyst", "N N - - - D" },
        { "need-side-contributor", "A A A A - D" },
        { "offer-side-organisation-contact", "A A - - A D" },
        { "other-state-contributor", "N N - - - D" },
        { "other-organisation-contact", "N N - - - D" },
        { "moderator", "A A A - - A" },
        { "moderator-without-two-factor", "N N - - - D" },
    };

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Matrix_AnswersAsExpected_AndRefusalsChangeNothing(string actor, string expected)
    {
        var cells = expected.Split(' ');
        var organisation = await Portal.NewOrganisationAsync("Offering organisation");
        var other = await Portal.NewOrganisationAsync("Other organisation");
        var need = await Portal.CreateCapacityItemAsync(CapacitySide.Need, "SEN");
        var offer = await Portal.CreateCapacityItemAsync(CapacitySide.Offer, null, organisation);
        var match = await Portal.CreateMatchAsync(need, offer, needConsents: true);
        await Portal.CreateCapacityItemAsync(CapacitySide.Offer, "FRA"); // a suggestion nobody has answered yet
        using var browser = await BrowserForAsync(actor, organisation, other);

        var get = await browser.GetAsync($"/capacity/matches/{match}");
        Check(cells[0], get, actor, "GET match");

        var post = actor == "anonymous"
            ? await browser.PostAsync($"/capacity/matches/{match}", [new("action", "Close"), new("note", "Forged."), new("version", "0")])
            : await browser.PostWithTokenAsync($"/capacity/matches/{match}", [new("action", "Close"), new("note", "No longer needed."), new("version", await VersionAsync(match))]);
        var closed = await Portal.WithDbAsync(db => db.CapacityMatches.Where(m => m.Id == match).Select(m => m.Status).SingleAsync()) == MatchStatus.Closed;
        if (cells[1] == "A")
        {
            Assert.Equal(HttpStatusCode.Redirect, post.Status);
            Assert.True(closed, $"{actor} should have closed the match");
        }
        else
        {
            Assert.False(closed, $"{actor} closed the match");
            if (actor != "anonymous")
            {
                Assert.Equal(HttpStatusCode.NotFound, post.Status);
            }
        }

        var needPage = await browser.GetAsync($"/capacity/{need}");
        Assert.Equal(HttpStatusCode.OK, needPage.Status);
        Assert.True((needPage.Document.QuerySelector("#suggestions") is not null) == (cells[2] == "A"), $"{actor}: suggestions on the need page");
        Assert.True((needPage.Document.QuerySelector("form[id^='interest-']") is not null) == (cells[3] == "A"), $"{actor}: interest buttons on the need page");
        var offerPage = await browser.GetAsync($"/capacity/{offer}");
        Assert.True((offerPage.Document.QuerySelector("form[id^='interest-']") is not null) == (cells[4] == "A"), $"{actor}: interest buttons on the offer page");

        Check(cells[5], await browser.GetAsync("/moderation/capacity"), actor, "the queue");
    }

    private static void Check(string cell, PageResponse response, string actor, string what)
    {
        switch (cell)
        {
            case "A":
                Assert.True(response.Status == HttpStatusCode.OK, $"{actor}, {what}: {(int)response.Status}");
                break;
            case "S":
                Assert.True(response.Status == HttpStatusCode.Redirect && response.RedirectPath!.StartsWith("/account/sign-in", StringComparison.Ordinal), $"{actor}, {what}: {(int)response.Status} {response.RedirectPath}");
                break;
            case "N":
                Assert.True(response.Status == HttpStatusCode.NotFound, $"{actor}, {what}: {(int)response.Status}");
                break;
            case "D":
                Assert.True(response.Status is HttpStatusCode.Forbidden || (response.Status == HttpStatusCode.Redirect && !response.RedirectPath!.StartsWith("/moderation", StringComparison.Ordinal)), $"{actor}, {what}: {(int)response.Status} {response.RedirectPath}");
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(cell), cell, null);
        }
    }

    private async Task<Browser> BrowserForAsync(string actor, int organisation, int other) => actor switch
    {
        "anonymous" => Portal.NewBrowser(),
        "analyst" => (await Portal.SignInAsAsync(PortalRoles.Analyst)).Browser,
        "need-side-contributor" => (await Portal.SignInAsAsync(PortalRoles.Contributor, "SEN")).Browser,
        "offer-side-organisation-contact" => await Portal.SignInAsync(await Portal.NewOrganisationContactAsync(organisation)),
        "other-state-contributor" => (await Portal.SignInAsAsync(PortalRoles.Contributor, "KEN")).Browser,
        "other-organisation-contact" => await Portal.SignInAsync(await Portal.NewOrganisationContactAsync(other)),
        "moderator" => (await Portal.SignInAsAsync(PortalRoles.Moderator)).Browser,
        "moderator-without-two-factor" => await Portal.SignInAsync(await Portal.CreateUserAsync(PortalRoles.Moderator, twoFactor: false)),
        _ => throw new ArgumentOutOfRangeException(nameof(actor)),
    };

    private Task<string> VersionAsync(int match) =>
        Portal.WithDbAsync(async db => (await db.CapacityMatches.Where(m => m.Id == match).Select(m => EF.Property<uint>(m, "Version")).SingleAsync())
            .ToString(System.Globalization.CultureInfo.InvariantCulture));
}

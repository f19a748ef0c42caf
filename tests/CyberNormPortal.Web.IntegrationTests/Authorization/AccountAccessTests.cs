using System.Net;
using CyberNormPortal.Web.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CyberNormPortal.Web.IntegrationTests.Authorization;

/// <summary>
/// The account pages any signed-in user has (whatever the role) and nobody else: an anonymous visitor is sent to
/// sign in, for pages and for form posts carrying a valid token of the visitor's own, and nothing changes.
/// </summary>
public sealed class AccountAccessTests(PortalFixture portal) : PortalTest(portal)
{
    /// <summary>The app endpoints (AppEndpoint.Key) asked here; the EndpointCoverageTests read this list.</summary>
    public static readonly IReadOnlyCollection<string> CoveredEndpoints =
    [
        "GET /account", "GET /account/change-password", "POST /account/change-password", "GET /account/two-factor",
        "POST /account/two-factor?handler=Enable", "POST /account/two-factor?handler=RecoveryCodes", "POST /account/two-factor?handler=Disable",
        "GET /account/confirm-password", "POST /account/confirm-password", "POST /account?handler=Language",
    ];

    public static TheoryData<string> Endpoints()
    {
        var data = new TheoryData<string>();
        foreach (var endpoint in CoveredEndpoints)
        {
            data.Add(endpoint);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task SignedInPage_Anonymous_IsSentToSignInAndChangesNothing(string endpoint)
    {
        using var browser = Portal.NewBrowser();
        var before = await SnapshotAsync();
        var (verb, url) = (endpoint.Split(' ')[0], endpoint.Split(' ')[1]);

        var response = verb == "GET"
            ? await browser.GetAsync(url)
            : await browser.PostWithTokenAsync(url, [new("Input.Code", "123456"), new("Input.CurrentPassword", "x"), new("Input.NewPassword", "Another-long-passphrase-9"), new("Input.ConfirmPassword", "Another-long-passphrase-9")]);

        Assert.Equal(HttpStatusCode.Redirect, response.Status);
        Assert.StartsWith("/account/sign-in", response.RedirectPath);
        Assert.Equal(before, await SnapshotAsync());
    }

    private Task<string> SnapshotAsync() => Portal.WithDbAsync(async db =>
        $"{await db.Users.CountAsync()};{await db.UserTokens.CountAsync()};{await db.AuditRecords.CountAsync()};{await db.OutgoingMail.CountAsync()}");
}

using System.Net;
using CyberNormPortal.Web.Hosting;
using CyberNormPortal.Web.Identity;
using CyberNormPortal.Web.IntegrationTests.Infrastructure;

namespace CyberNormPortal.Web.IntegrationTests.Security;

/// <summary>
/// A stolen or forgotten copy of a session cookie stops working when the account's owner signs out, changes the password,
/// or an administrator deactivates the account or changes its roles: the security stamp changes and every other copy is
/// rejected at its next request (the test host checks the stamp on every request; production within a minute).
/// </summary>
public sealed class SessionEndTests(PortalFixture portal) : PortalTest(portal)
{
    private const string SessionCookie = CookieHostingExtensions.SessionCookie;

    [Fact]
    public async Task SignOut_EndsACopiedSessionCookie()
    {
        var (browser, _) = await Portal.SignInAsAsync(PortalRoles.Contributor, "KEN");
        using var copy = await CopyOfSessionAsync(browser);

        var signedOut = await browser.SubmitAsync("/account/sign-out");

        Assert.Equal("/", signedOut.RedirectPath);
        await AssertSentToSignInAsync(copy);
    }

    [Fact]
    public async Task ChangePassword_EndsACopiedSessionCookie_ButKeepsThisOne()
    {
        var (browser, user) = await Portal.SignInAsAsync(PortalRoles.Contributor, "KEN");
        using var copy = await CopyOfSessionAsync(browser);

        var changed = await browser.SubmitAsync("/account/change-password", new Dictionary<string, object?>
        {
            ["Input.CurrentPassword"] = user.Password,
            ["Input.NewPassword"] = "quiet harbour lantern seventeen",
            ["Input.ConfirmPassword"] = "quiet harbour lantern seventeen",
        });

        Assert.StartsWith("/account", changed.RedirectPath);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/my")).Status);
        await AssertSentToSignInAsync(copy);
    }

    [Fact]
    public async Task ChangePassword_WrongCurrentPassword_ChangesNothingAndKeepsOtherSessions()
    {
        var (browser, user) = await Portal.SignInAsAsync(PortalRoles.Contributor, "KEN");
        using var copy = await CopyOfSessionAsync(browser);

        var refused = await browser.SubmitAsync("/account/change-password", new Dictionary<string, object?>
        {
            ["Input.CurrentPassword"] = "someone else's guess here",
            ["Input.NewPassword"] = "quiet harbour lantern seventeen",
            ["Input.ConfirmPassword"] = "quiet harbour lantern seventeen",
        });

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.NotNull(refused.FieldError("Input.CurrentPassword"));
        Assert.Equal(HttpStatusCode.OK, (await copy.GetAsync("/my")).Status);
        using var again = await Portal.SignInAsync(user);
    }

    [Fact]
    public async Task Deactivation_EndsACopiedSessionCookie()
    {
        var (browser, user) = await Portal.SignInAsAsync(PortalRoles.Contributor, "KEN");
        using var copy = await CopyOfSessionAsync(browser);
        var (admin, _) = await Portal.SignInAsAsync(PortalRoles.Administrator);

        var deactivated = await admin.SubmitAsync($"/admin/users/{user.Id}", formSelector: "form#deactivate");

        Assert.Equal($"/admin/users/{user.Id}", deactivated.RedirectPath);
        await AssertSentToSignInAsync(copy);
        await AssertSentToSignInAsync(browser);
    }

    [Fact]
    public async Task RoleChange_EndsACopiedSessionCookie_EvenWhenTheNewRolesStillAllowThePage()
    {
        var (browser, user) = await Portal.SignInAsAsync(PortalRoles.Contributor, "KEN");
        using var copy = await CopyOfSessionAsync(browser);
        var (admin, _) = await Portal.SignInAsAsync(PortalRoles.Administrator);

        var saved = await admin.SubmitAsync($"/admin/users/{user.Id}", new Dictionary<string, object?>
        {
            ["Input.Roles"] = new[] { PortalRoles.Contributor, PortalRoles.Approver },
            ["Input.StateIso3"] = "KEN",
        });

        Assert.Equal($"/admin/users/{user.Id}", saved.RedirectPath);
        await AssertSentToSignInAsync(copy);
    }

    [Fact]
    public async Task SignIn_IssuesANewSessionCookieAndANewAntiforgeryToken()
    {
        var user = await Portal.CreateUserAsync(PortalRoles.Contributor, "KEN");
        using var browser = Portal.NewBrowser();
        var before = await browser.GetAsync("/account/sign-in");
        var anonymousToken = Token(before);

        await browser.SubmitAsync(before, new Dictionary<string, object?> { ["Input.Email"] = user.Email, ["Input.Password"] = user.Password });
        var firstSession = browser.CookieValue(SessionCookie);
        var signedInToken = Token(await browser.GetAsync("/account/change-password"));
        await browser.SubmitAsync("/account/sign-in", new Dictionary<string, object?> { ["Input.Email"] = user.Email, ["Input.Password"] = user.Password });
        var secondSession = browser.CookieValue(SessionCookie);

        Assert.NotNull(firstSession);
        Assert.NotNull(secondSession);
        Assert.NotEqual(firstSession, secondSession);
        Assert.NotEqual(anonymousToken, signedInToken);
        // The token of the signed-out visitor does not carry over into the session.
        var forged = await browser.PostAsync("/account/change-password", [new("__RequestVerificationToken", anonymousToken)]);
        Assert.Equal(HttpStatusCode.BadRequest, forged.Status);
    }

    private async Task<Browser> CopyOfSessionAsync(Browser browser)
    {
        var copy = Portal.NewBrowser();
        copy.SetCookie(SessionCookie, browser.CookieValue(SessionCookie) ?? throw new InvalidOperationException("Not signed in."));
        Assert.Equal(HttpStatusCode.OK, (await copy.GetAsync("/my")).Status);
        return copy;
    }

    private static async Task AssertSentToSignInAsync(Browser browser)
    {
        var response = await browser.GetAsync("/my");
        Assert.Equal(HttpStatusCode.Redirect, response.Status);
        Assert.StartsWith(IdentityHostingExtensions.SignInPath, response.RedirectPath);
    }

    private static string Token(PageResponse page) =>
        page.Document.QuerySelector("main form input[name='__RequestVerificationToken']")?.GetAttribute("value")
        ?? throw new InvalidOperationException($"No antiforgery token on {page.Url}.");
}

using System.Net;
using CyberNormPortal.Web.Identity;
using CyberNormPortal.Web.IntegrationTests.Infrastructure;

namespace CyberNormPortal.Web.IntegrationTests.Security;

public sealed class OpenRedirectTests(PortalFixture fixture) : PortalTest(fixture)
{
    // A return URL that is not local is ignored: the person lands on their work (a contributor on /my, StartPages).
    [Theory]
    [InlineData("https://evil.example", "/my")]
    [InlineData("//evil.example", "/my")]
    [InlineData("/\\evil.example", "/my")]
    [InlineData("javascript:alert(1)", "/my")]
    [InlineData("/my", "/my")]
    [InlineData("/norms/3", "/norms/3")]
    public async Task SignIn_WithReturnUrl_GoesThereOnlyWhenItIsLocal(string returnUrl, string expected)
    {
        var user = await Portal.CreateUserAsync(PortalRoles.Contributor, "KEN");
        using var browser = Portal.NewBrowser();

        var response = await browser.SubmitAsync($"/account/sign-in?returnUrl={Uri.EscapeDataString(returnUrl)}", new Dictionary<string, object?>
        {
            ["Input.Email"] = user.Email,
            ["Input.Password"] = user.Password,
        });

        Assert.Equal(HttpStatusCode.Redirect, response.Status);
        Assert.Equal(expected, response.Location?.OriginalString);
    }

    // Likewise after the two-factor step: a moderator lands on /moderation.
    [Theory]
    [InlineData("https://evil.example", "/moderation")]
    [InlineData("//evil.example", "/moderation")]
    [InlineData("/\\evil.example", "/moderation")]
    [InlineData("javascript:alert(1)", "/moderation")]
    [InlineData("/moderation", "/moderation")]
    [InlineData("/norms/3", "/norms/3")]
    public async Task SignInWithTwoFactor_WithReturnUrl_GoesThereOnlyWhenItIsLocal(string returnUrl, string expected)
    {
        var moderator = await Portal.CreateUserAsync(PortalRoles.Moderator);
        using var browser = Portal.NewBrowser();
        var first = await browser.SubmitAsync($"/account/sign-in?returnUrl={Uri.EscapeDataString(returnUrl)}", new Dictionary<string, object?>
        {
            ["Input.Email"] = moderator.Email,
            ["Input.Password"] = moderator.Password,
        });

        // Straight to the second step with the hostile address, as an attacker's link would.
        var response = await browser.SubmitAsync($"/account/sign-in/two-factor?returnUrl={Uri.EscapeDataString(returnUrl)}", new Dictionary<string, object?>
        {
            ["Input.Code"] = moderator.CurrentCode(),
        });

        Assert.StartsWith("/account/sign-in/two-factor", first.RedirectPath);
        Assert.Equal(HttpStatusCode.Redirect, response.Status);
        Assert.Equal(expected, response.Location?.OriginalString);
    }

    [Theory]
    [InlineData("https://evil.example")]
    [InlineData("//evil.example")]
    [InlineData("/\\evil.example")]
    [InlineData("javascript:alert(1)")]
    public async Task SignOut_WithReturnUrl_AlwaysEndsOnTheHomePage(string returnUrl)
    {
        var (signedIn, _) = await Portal.SignInAsAsync(PortalRoles.Contributor, "KEN");
        using var browser = signedIn;

        var response = await browser.SubmitAsync($"/account/sign-out?returnUrl={Uri.EscapeDataString(returnUrl)}");

        Assert.Equal(HttpStatusCode.Redirect, response.Status);
        Assert.Equal("/", response.Location?.OriginalString);
    }
}

using System.Net;
using CyberNormPortal.Web.Identity;
using CyberNormPortal.Web.IntegrationTests.Infrastructure;

namespace CyberNormPortal.Web.IntegrationTests.Pages.Account;

public sealed class AccountPageTests(PortalFixture portal) : PortalTest(portal)
{
    [Fact]
    public async Task Account_SignedIn_ShowsNameEmailRoleStateAndLinks()
    {
        var (browser, user) = await Portal.SignInAsAsync(PortalRoles.Approver, "KEN");

        var page = await browser.GetAsync("/account");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var details = Text.Visible(page.Document.QuerySelector("main"));
        Assert.Contains(user.DisplayName, details);
        Assert.Contains(user.Email, details);
        Assert.Contains("Approver", details);
        Assert.Contains("Kenya", details);
        Assert.NotNull(page.Document.QuerySelector("a[href='/account/change-password']"));
        Assert.NotNull(page.Document.QuerySelector("a[href='/account/two-factor']"));
    }

    [Fact]
    public async Task Account_SignedOut_SendsToSignIn()
    {
        using var browser = Portal.NewBrowser();

        var page = await browser.GetAsync("/account");

        Assert.StartsWith("/account/sign-in?returnUrl=", page.RedirectPath);
    }

    [Fact]
    public async Task AccessDenied_Answers403WithAnExplanationAndALinkHome()
    {
        using var browser = Portal.NewBrowser();

        var page = await browser.GetAsync("/account/access-denied");

        Assert.Equal(HttpStatusCode.Forbidden, page.Status);
        Assert.Contains("does not give access to this page", page.Text);
        Assert.NotNull(page.Document.QuerySelector("main a[href='/']"));
    }
}

using System.Net;
using CyberNormPortal.Web.Auditing;
using CyberNormPortal.Web.Identity;
using CyberNormPortal.Web.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CyberNormPortal.Web.IntegrationTests.Pages.Account;

public sealed class SignInTests(PortalFixture portal) : PortalTest(portal)
{
    [Fact]
    public async Task SignIn_RightPassword_ShowsTheUserAndTheirPagesInTheHeader()
    {
        var (browser, user) = await Portal.SignInAsAsync(PortalRoles.Contributor, "KEN");

        var home = await browser.GetAsync("/norms");

        var account = Text.Visible(home.Document.QuerySelector(".account-nav"));
        Assert.Contains(user.DisplayName, account);
        Assert.Contains("My entries", account);
        Assert.DoesNotContain("Moderation", account);
        var audit = await Portal.WithDbAsync(db => db.AuditRecords.Where(a => a.UserId == user.Id).Select(a => a.Action).ToListAsync());
        Assert.Equal([AuditActions.SignIn], audit);
    }

    [Fact]
    public async Task SignIn_WrongPassword_SaysSoKeepsTheEmailAndAuditsTheFailure()
    {
        var user = await Portal.CreateUserAsync(PortalRoles.Analyst);
        using var browser = Portal.NewBrowser();

        var response = await browser.SubmitAsync("/account/sign-in", new Dictionary<string, object?>
        {
            ["Input.Email"] = user.Email,
            ["Input.Password"] = "not the password at all",
        });

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Contains(CyberNormPortal.Web.Pages.Account.SignInModel.FailureMessage, response.Text);
        Assert.Equal(user.Email, response.InputValue("Input.Email"));
        Assert.Equal("", response.InputValue("Input.Password"));
        var audit = await Portal.WithDbAsync(db => db.AuditRecords.Where(a => a.UserId == user.Id).Select(a => a.Action).ToListAsync());
        Assert.Equal([AuditActions.SignInFailed], audit);
    }

    [Fact]
    public async Task SignIn_Moderator_NeedsTheCodeFromTheirAuthenticator()
    {
        var moderator = await Portal.CreateUserAsync(PortalRoles.Moderator);
        using var browser = Portal.NewBrowser();

        var first = await browser.SubmitAsync("/account/sign-in", new Dictionary<string, object?>
        {
            ["Input.Email"] = moderator.Email,
            ["Input.Password"] = moderator.Password,
        });
        Assert.StartsWith("/account/sign-in/two-factor", first.RedirectPath);
        var wrong = await browser.SubmitAsync(first.RedirectPath!, new Dictionary<string, object?> { ["Input.Code"] = "000000" });
        Assert.NotNull(wrong.FieldError("Input.Code"));
        var right = await browser.SubmitAsync(first.RedirectPath!, new Dictionary<string, object?> { ["Input.Code"] = moderator.CurrentCode() });

        Assert.Equal("/moderation", right.RedirectPath); // a moderator lands on their queue
        var home = await browser.GetAsync("/norms");
        Assert.Contains("Moderation", Text.Visible(home.Document.QuerySelector(".account-nav")));
    }
}

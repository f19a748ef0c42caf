using System.Net;
using CyberNormPortal.Web.Auditing;
using CyberNormPortal.Web.Identity;
using CyberNormPortal.Web.IntegrationTests.Infrastructure;
using CyberNormPortal.Web.Pages.Account;
using Microsoft.EntityFrameworkCore;

namespace CyberNormPortal.Web.IntegrationTests.Security;

public sealed class BruteForceTests(PortalFixture portal) : PortalTest(portal)
{
    [Fact]
    public async Task SignIn_SixWrongPasswords_TheSeventhWithTheRightOneStillFailsAndTheLockoutIsAudited()
    {
        var user = await Portal.CreateUserAsync(PortalRoles.Analyst);
        using var browser = Portal.NewBrowser();
        PageResponse? sixth = null;
        for (var attempt = 1; attempt <= 6; attempt++)
        {
            sixth = await SignInAsync(browser, user.Email, $"wrong password number {attempt}");
        }

        var seventh = await SignInAsync(browser, user.Email, user.Password);

        Assert.Contains(SignInModel.LockedOutMessage, sixth!.Text);
        Assert.Equal(HttpStatusCode.OK, seventh.Status);
        Assert.Contains(SignInModel.LockedOutMessage, seventh.Text);
        Assert.Null(browser.CookieValue(Web.Hosting.CookieHostingExtensions.SessionCookie));
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/account")).Status);
        var audit = await Portal.WithDbAsync(db => db.AuditRecords.Where(a => a.UserId == user.Id).Select(a => a.Action).ToListAsync());
        Assert.Contains(AuditActions.LockedOut, audit);
        Assert.DoesNotContain(AuditActions.SignIn, audit);
    }

    private static Task<PageResponse> SignInAsync(Browser browser, string email, string password) =>
        browser.SubmitAsync("/account/sign-in", new Dictionary<string, object?>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });
}

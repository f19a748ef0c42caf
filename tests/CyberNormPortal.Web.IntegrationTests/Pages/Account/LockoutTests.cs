using System.Net;
using CyberNormPortal.Web.Auditing;
using CyberNormPortal.Web.Identity;
using CyberNormPortal.Web.IntegrationTests.Infrastructure;
using CyberNormPortal.Web.Pages.Account;
using Microsoft.EntityFrameworkCore;

namespace CyberNormPortal.Web.IntegrationTests.Pages.Account;

public sealed class LockoutTests(PortalFixture portal) : PortalTest(portal)
{
    [Fact]
    public async Task SignIn_FiveWrongPasswords_LocksTheAccountEvenAgainstTheRightOne()
    {
        var user = await Portal.CreateUserAsync(PortalRoles.Analyst);
        using var browser = Portal.NewBrowser();
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await SignInAsync(browser, user.Email, $"wrong password number {attempt}");
        }

        var sixth = await SignInAsync(browser, user.Email, user.Password);

        Assert.Equal(HttpStatusCode.OK, sixth.Status);
        Assert.Contains(SignInModel.LockedOutMessage, sixth.Text);
        var locked = await Portal.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.LockoutEnd).SingleAsync());
        Assert.True(locked > DateTimeOffset.UtcNow.AddMinutes(14));
        var audit = await Portal.WithDbAsync(db => db.AuditRecords.Where(a => a.UserId == user.Id).Select(a => a.Action).ToListAsync());
        Assert.Contains(AuditActions.LockedOut, audit);
        Assert.DoesNotContain(AuditActions.SignIn, audit);
    }

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

using System.Net;
using System.Text.RegularExpressions;
using CyberNormPortal.Web.Auditing;
using CyberNormPortal.Web.Identity;
using CyberNormPortal.Web.IntegrationTests.Infrastructure;
using CyberNormPortal.Web.Pages.Account;
using Microsoft.EntityFrameworkCore;

namespace CyberNormPortal.Web.IntegrationTests.Pages.Account;

public sealed partial class PasswordResetTests(PortalFixture portal) : PortalTest(portal)
{
    private const string NewPassword = "lighthouse marmalade quorum";

    [Fact]
    public async Task ForgotPassword_KnownAndUnknownAddress_SameAnswerButOnlyTheAccountGetsMail()
    {
        var user = await Portal.CreateUserAsync(PortalRoles.Analyst);
        using var browser = Portal.NewBrowser();

        var known = await browser.FollowAsync(await RequestAsync(browser, user.Email));
        var unknown = await browser.FollowAsync(await RequestAsync(browser, "nobody-here@example.org"));

        Assert.Equal(MainText(known), MainText(unknown));
        Assert.Contains("If an active account has this e-mail address", MainText(known));
        var mail = await Portal.WithDbAsync(db => db.OutgoingMail.ToListAsync());
        var message = Assert.Single(mail);
        Assert.Equal(user.Email, message.To);
        Assert.Contains("/account/reset-password?email=", message.Body);
    }

    [Fact]
    public async Task ResetPassword_LinkFromTheMail_SetsTheNewPasswordOnceAndAudits()
    {
        var user = await Portal.CreateUserAsync(PortalRoles.Analyst);
        using var browser = Portal.NewBrowser();
        await RequestAsync(browser, user.Email);
        var link = await ResetLinkAsync(user.Email);

        var reset = await browser.SubmitAsync(link, new Dictionary<string, object?>
        {
            ["Input.NewPassword"] = NewPassword,
            ["Input.ConfirmPassword"] = NewPassword,
        });

        Assert.Equal(HttpStatusCode.OK, reset.Status);
        Assert.Contains("Your password has been changed", reset.Text);
        await Portal.SignInAsync(user with { Password = NewPassword });
        var audit = await Portal.WithDbAsync(db => db.AuditRecords.Where(a => a.UserId == user.Id).Select(a => a.Action).ToListAsync());
        Assert.Contains(AuditActions.PasswordReset, audit);

        var again = await browser.GetAsync(link);
        Assert.Contains(ResetPasswordModel.InvalidLinkMessage, again.Text);
        Assert.Null(again.Document.QuerySelector("input[name='Input.NewPassword']"));
    }

    [Fact]
    public async Task ResetPassword_WrongToken_SaysTheLinkDoesNotWork()
    {
        var user = await Portal.CreateUserAsync(PortalRoles.Analyst);
        using var browser = Portal.NewBrowser();

        var garbage = await browser.GetAsync($"/account/reset-password?email={Uri.EscapeDataString(user.Email)}&token=not-a-token!");
        var wellFormed = await browser.GetAsync($"/account/reset-password?email={Uri.EscapeDataString(user.Email)}&token=Q2ZESjhBQUFBQUFB");

        foreach (var page in new[] { garbage, wellFormed })
        {
            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.Contains(ResetPasswordModel.InvalidLinkMessage, page.Text);
        }
    }

    [Fact]
    public async Task ResetPassword_ShortPassword_RefusedNextToTheFieldAndTheLinkStillWorks()
    {
        var user = await Portal.CreateUserAsync(PortalRoles.Analyst);
        using var browser = Portal.NewBrowser();
        await RequestAsync(browser, user.Email);
        var link = await ResetLinkAsync(user.Email);

        var reset = await browser.SubmitAsync(link, new Dictionary<string, object?>
        {
            ["Input.NewPassword"] = "short-pass1",
            ["Input.ConfirmPassword"] = "short-pass1",
        });

        Assert.NotNull(reset.FieldError("Input.NewPassword"));
        Assert.NotNull(reset.Document.QuerySelector("input[name='Input.NewPassword']"));
    }

    private static Task<PageResponse> RequestAsync(Browser browser, string email) =>
        browser.SubmitAsync("/account/forgot-password", new Dictionary<string, object?> { ["Input.Email"] = email });

    private async Task<string> ResetLinkAsync(string email)
    {
        var body = await Portal.WithDbAsync(db => db.OutgoingMail.Where(m => m.To == email).Select(m => m.Body).SingleAsync());
        return new Uri(ResetLink().Match(body).Value).PathAndQuery;
    }

    private static string MainText(PageResponse page) => Text.Visible(page.Document.QuerySelector("main"));

    [GeneratedRegex(@"https?://\S+/account/reset-password\?\S+")]
    private static partial Regex ResetLink();
}

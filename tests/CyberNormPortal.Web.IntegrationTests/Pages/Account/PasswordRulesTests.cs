using System.Net;
using CyberNormPortal.Web.Auditing;
using CyberNormPortal.Web.Identity;
using CyberNormPortal.Web.IntegrationTests.Infrastructure;
using CyberNormPortal.Web.Pages.Account;
using Microsoft.EntityFrameworkCore;

namespace CyberNormPortal.Web.IntegrationTests.Pages.Account;

public sealed class PasswordRulesTests(PortalFixture portal) : PortalTest(portal)
{
    private const string NewPassword = "otter juniper cobblestone";

    [Theory]
    [InlineData("elevenchars", "at least 12 characters")]
    [InlineData("password1234", "most common")]
    [InlineData("Password1234!", "most common")]
    public async Task ChangePassword_ShortOrCommonPassword_RefusedNextToTheNewPasswordField(string weak, string message)
    {
        var (browser, user) = await Portal.SignInAsAsync(PortalRoles.Analyst);

        var response = await ChangeAsync(browser, user.Password, weak);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Contains(message, response.FieldError("Input.NewPassword"));
        Assert.Null(response.FieldError("Input.CurrentPassword"));
        Assert.Equal("", response.InputValue("Input.NewPassword"));
        await Portal.SignInAsync(user); // the old password still works
    }

    [Fact]
    public async Task ChangePassword_Succeeds_OldPasswordStopsWorkingNewOneWorks()
    {
        var (browser, user) = await Portal.SignInAsAsync(PortalRoles.Analyst);

        var response = await ChangeAsync(browser, user.Password, NewPassword);

        Assert.Equal("/account", response.RedirectPath);
        var account = await browser.FollowAsync(response);
        Assert.Equal(HttpStatusCode.OK, account.Status); // this session stays signed in
        Assert.Contains("Your password has been changed", account.Text);
        await Assert.ThrowsAsync<InvalidOperationException>(() => Portal.SignInAsync(user));
        await Portal.SignInAsync(user with { Password = NewPassword });
        var audit = await Portal.WithDbAsync(db => db.AuditRecords.Where(a => a.UserId == user.Id).Select(a => a.Action).ToListAsync());
        Assert.Contains(AuditActions.PasswordChanged, audit);
    }

    [Fact]
    public async Task ChangePassword_WrongCurrentPassword_ErrorNextToThatFieldAndNothingChanges()
    {
        var (browser, user) = await Portal.SignInAsAsync(PortalRoles.Analyst);

        var response = await ChangeAsync(browser, "not my password at all", NewPassword);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal(ChangePasswordModel.WrongCurrentPasswordMessage, response.FieldError("Input.CurrentPassword"));
        Assert.Null(response.FieldError("Input.NewPassword"));
        await Portal.SignInAsync(user);
    }

    private static Task<PageResponse> ChangeAsync(Browser browser, string current, string next) =>
        browser.SubmitAsync("/account/change-password", new Dictionary<string, object?>
        {
            ["Input.CurrentPassword"] = current,
            ["Input.NewPassword"] = next,
            ["Input.ConfirmPassword"] = next,
        });
}

using System.Net;
using CyberNormPortal.Tests.Shared;
using CyberNormPortal.Web.Identity;
using CyberNormPortal.Web.IntegrationTests.Infrastructure;

namespace CyberNormPortal.Web.IntegrationTests.Hosting;

/// <summary>Two instances of the portal on one database, as behind a load balancer.</summary>
public sealed class TwoInstancesTests
{
    [Fact]
    public async Task ASessionStartedOnOneInstance_ContinuesOnTheOther_FormsIncluded()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync("portal_two");
        try
        {
            await using var first = new PortalAppFactory(connectionString);
            await using var second = new PortalAppFactory(connectionString);
            _ = first.Server;
            _ = second.Server;
            var account = await TestAccounts.CreateAsync(first.Services, [PortalRoles.Contributor], "KEN", twoFactor: false);
            var user = new TestUser(account.Id, account.Email, account.Password, account.DisplayName, [PortalRoles.Contributor], "KEN", null);

            using var onFirst = await first.SignInAsync(user);
            var form = await onFirst.GetAsync("/account/change-password"); // a form (and its antiforgery token) issued by the first

            // The same browser, now load-balanced to the second instance: same cookies.
            using var onSecond = second.NewBrowser();
            foreach (var name in new[] { "portal.session", "portal.antiforgery" })
            {
                onSecond.SetCookie(name, onFirst.CookieValue(name) ?? throw new InvalidOperationException($"No {name} cookie."));
            }

            var my = await onSecond.GetAsync("/my");
            Assert.Equal(HttpStatusCode.OK, my.Status);
            Assert.Contains(account.DisplayName, my.Text, StringComparison.Ordinal);

            // The first instance's form, posted to the second: its token is accepted (the answer is the page's own
            // validation message for a wrong current password, not a 400).
            var posted = await onSecond.SubmitAsync(form, new Dictionary<string, object?>
            {
                ["Input.CurrentPassword"] = "not-the-password-at-all",
                ["Input.NewPassword"] = "Another-long-passphrase-9",
                ["Input.ConfirmPassword"] = "Another-long-passphrase-9",
            });
            Assert.Equal(HttpStatusCode.OK, posted.Status);
            Assert.NotNull(posted.FieldError("Input.CurrentPassword"));
        }
        finally
        {
            await TestPostgres.DropDatabaseAsync(connectionString);
        }
    }
}

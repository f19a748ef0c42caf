using System.Net;
using System.Text;
using CyberNormPortal.Tests.Shared;
using CyberNormPortal.Web.Auditing;
using CyberNormPortal.Web.Identity;
using CyberNormPortal.Web.IntegrationTests.Infrastructure;
using CyberNormPortal.Web.Pages.Account;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CyberNormPortal.Web.IntegrationTests.Pages.Account;

public sealed class TwoFactorTests(PortalFixture portal) : PortalTest(portal)
{
    [Fact]
    public async Task SetUp_CodeFromTheKeyShown_EnablesTwoFactorAndShowsTenRecoveryCodesOnce()
    {
        var (browser, user) = await Portal.SignInAsAsync(PortalRoles.Analyst);
        var setUp = await browser.GetAsync("/account/two-factor");
        var key = Text.Visible(setUp.Document.QuerySelector("#shared-key"));
        Assert.Matches(@"^([A-Z2-7]{4} )+[A-Z2-7]{1,4}$", key);
        var qr = setUp.Document.QuerySelector("img.qr-code")!.GetAttribute("src")!;
        Assert.StartsWith("data:image/svg+xml;base64,", qr);
        Assert.Contains("<svg", Encoding.UTF8.GetString(Convert.FromBase64String(qr["data:image/svg+xml;base64,".Length..])));

        var enabled = await browser.SubmitAsync(setUp, new Dictionary<string, object?> { ["Input.Code"] = Totp.Code(key) }, "form#enable");

        Assert.Equal(HttpStatusCode.OK, enabled.Status);
        Assert.Contains("Two-factor sign-in is on", enabled.Text);
        Assert.Equal(TwoFactorModel.RecoveryCodeCount, enabled.Document.QuerySelectorAll(".recovery-codes li").Length);
        Assert.True(await Portal.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.TwoFactorEnabled).SingleAsync()));
        var audit = await Portal.WithDbAsync(db => db.AuditRecords.Where(a => a.UserId == user.Id).Select(a => a.Action).ToListAsync());
        Assert.Contains(AuditActions.TwoFactorEnabled, audit);
        var later = await browser.GetAsync("/account/two-factor");
        Assert.Empty(later.Document.QuerySelectorAll(".recovery-codes li"));
        Assert.Contains("Recovery codes left: 10", later.Text);
        await Portal.SignInAsync(user with { AuthenticatorKey = key.Replace(" ", "", StringComparison.Ordinal) });
    }

    [Fact]
    public async Task SetUp_WrongCode_ErrorNextToTheCodeAndStillOff()
    {
        var (browser, user) = await Portal.SignInAsAsync(PortalRoles.Analyst);

        var response = await browser.SubmitAsync("/account/two-factor", new Dictionary<string, object?> { ["Input.Code"] = "000000" }, "form#enable");

        Assert.Equal(TwoFactorModel.WrongCodeMessage, response.FieldError("Input.Code"));
        Assert.False(await Portal.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.TwoFactorEnabled).SingleAsync()));
    }

    [Fact]
    public async Task ModeratorWithoutTwoFactor_OpensAdministration_IsSentToSetUpAndThenBack()
    {
        var moderator = await Portal.CreateUserAsync(PortalRoles.Moderator, twoFactor: false);
        await using var host = Portal.Factory.WithWebHostBuilder(builder =>
            builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, ModeratorsOnlyAdminProbe>()));
        using var browser = new Browser(host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }));
        var signedIn = await browser.SubmitAsync("/account/sign-in", new Dictionary<string, object?>
        {
            ["Input.Email"] = moderator.Email,
            ["Input.Password"] = moderator.Password,
        });
        // A moderator lands on the moderation queue, which sends one without two-factor sign-in to set it up, then back.
        Assert.Equal("/moderation", signedIn.RedirectPath);
        var landing = await browser.FollowAsync(signedIn);
        Assert.Equal("/account/two-factor?required=true&returnUrl=%2Fmoderation", landing.RedirectPath);

        var admin = await browser.GetAsync("/admin");

        Assert.Equal(HttpStatusCode.Redirect, admin.Status);
        Assert.StartsWith("/account/two-factor?required=true", admin.RedirectPath);
        var setUp = await browser.FollowAsync(admin);
        Assert.Contains("Your role requires two-factor sign-in", setUp.Text);
        var key = Text.Visible(setUp.Document.QuerySelector("#shared-key"));
        var enabled = await browser.SubmitAsync(setUp, new Dictionary<string, object?> { ["Input.Code"] = Totp.Code(key) }, "form#enable");
        Assert.Equal("/admin", enabled.Document.QuerySelector("main a.button")!.GetAttribute("href"));
        var again = await browser.GetAsync("/admin");
        Assert.False(again.RedirectPath?.StartsWith("/account/two-factor", StringComparison.Ordinal) == true, again.RedirectPath);
    }

    [Fact]
    public async Task RecoveryCode_SignsInOnceNotTwice()
    {
        var user = await Portal.CreateUserAsync(PortalRoles.Analyst, twoFactor: true);
        using var signedIn = await Portal.SignInAsync(user);
        var renewed = await signedIn.SubmitAsync("/account/two-factor", formSelector: "form#recovery-codes");
        var code = Text.Visible(renewed.Document.QuerySelector(".recovery-codes li"));

        using var first = Portal.NewBrowser();
        var firstUse = await SubmitRecoveryCodeAsync(first, user, code);
        using var second = Portal.NewBrowser();
        var secondUse = await SubmitRecoveryCodeAsync(second, user, code);

        Assert.Equal("/", firstUse.RedirectPath);
        Assert.Equal(HttpStatusCode.OK, secondUse.Status);
        Assert.NotNull(secondUse.FieldError("Input.Code"));
    }

    [Fact]
    public async Task TurnOff_Moderator_IsRefusedAndStaysOn()
    {
        var (browser, moderator) = await Portal.SignInAsAsync(PortalRoles.Moderator);
        var page = await browser.GetAsync("/account/two-factor");
        Assert.Null(page.Document.QuerySelector("form#disable"));
        var form = (AngleSharp.Html.Dom.IHtmlFormElement)page.Document.QuerySelector("form#recovery-codes")!;

        var response = await browser.PostAsync("/account/two-factor?handler=Disable", Browser.FormValues(form));

        Assert.Contains(TwoFactorModel.MustKeepMessage, response.Text);
        Assert.True(await Portal.WithDbAsync(db => db.Users.Where(u => u.Id == moderator.Id).Select(u => u.TwoFactorEnabled).SingleAsync()));
    }

    [Fact]
    public async Task TurnOff_Analyst_TurnsItOffAndAudits()
    {
        var analyst = await Portal.CreateUserAsync(PortalRoles.Analyst, twoFactor: true);
        using var browser = await Portal.SignInAsync(analyst);

        var response = await browser.SubmitAsync("/account/two-factor", formSelector: "form#disable");

        Assert.Equal("/account", response.RedirectPath);
        Assert.Contains("Two-factor sign-in is turned off", (await browser.FollowAsync(response)).Text);
        Assert.False(await Portal.WithDbAsync(db => db.Users.Where(u => u.Id == analyst.Id).Select(u => u.TwoFactorEnabled).SingleAsync()));
        var audit = await Portal.WithDbAsync(db => db.AuditRecords.Where(a => a.UserId == analyst.Id).Select(a => a.Action).ToListAsync());
        Assert.Contains(AuditActions.TwoFactorDisabled, audit);
    }

    private static async Task<PageResponse> SubmitRecoveryCodeAsync(Browser browser, TestUser user, string code)
    {
        var first = await browser.SubmitAsync("/account/sign-in", new Dictionary<string, object?>
        {
            ["Input.Email"] = user.Email,
            ["Input.Password"] = user.Password,
        });
        Assert.StartsWith("/account/sign-in/two-factor", first.RedirectPath);
        return await browser.SubmitAsync(first.RedirectPath!, new Dictionary<string, object?> { ["Input.Code"] = code });
    }

    /// <summary>
    /// Stands in for the administration pages (another branch builds them): a GET /admin with their policy, tried
    /// only after every real endpoint, so once /admin exists the real page answers and this one is never reached.
    /// </summary>
    private sealed class ModeratorsOnlyAdminProbe : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.UseRouting();
            app.UseAuthorization();
            app.UseEndpoints(endpoints => endpoints.MapGet("/admin", () => "Administration")
                .RequireAuthorization(PortalPolicies.ManagesInitiative)
                .Add(endpoint => ((RouteEndpointBuilder)endpoint).Order = 1000));
        };
    }
}

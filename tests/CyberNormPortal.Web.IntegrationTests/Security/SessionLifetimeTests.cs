using System.Net;
using CyberNormPortal.Web.Hosting;
using CyberNormPortal.Web.Identity;
using CyberNormPortal.Web.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace CyberNormPortal.Web.IntegrationTests.Security;

/// <summary>
/// Session lifetimes against a portal whose clock the test moves: 30 minutes idle, 12 hours in all however active,
/// and two-factor changes only within 5 minutes of proving the password.
/// </summary>
public sealed class SessionLifetimeTests(PortalFixture portal) : PortalTest(portal)
{
    private readonly TestClock _clock = new(DateTimeOffset.UtcNow);

    /// <summary>The portal (same database) on the test's clock.</summary>
    private WebApplicationFactory<Program> PortalOnTestClock() => Portal.Factory.WithWebHostBuilder(builder =>
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(_clock)));

    [Fact]
    public async Task Session_UnusedFor31Minutes_IsRejected()
    {
        var user = await Portal.CreateUserAsync(PortalRoles.Contributor, "KEN");
        await using var host = PortalOnTestClock();
        using var browser = await host.SignInAsync(user);
        _clock.Advance(TimeSpan.FromMinutes(29));
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/my")).Status);

        _clock.Advance(TimeSpan.FromMinutes(31));

        await AssertSentToSignInAsync(browser);
    }

    [Fact]
    public async Task Session_UsedEvery20Minutes_EndsTwelveHoursAfterSignIn()
    {
        var user = await Portal.CreateUserAsync(PortalRoles.Contributor, "KEN");
        await using var host = PortalOnTestClock();
        using var browser = await host.SignInAsync(user);
        var firstCookie = browser.CookieValue(CookieHostingExtensions.SessionCookie);
        var active = TimeSpan.Zero;
        while (active + TimeSpan.FromMinutes(20) < PortalSessions.AbsoluteLifetime)
        {
            _clock.Advance(TimeSpan.FromMinutes(20));
            active += TimeSpan.FromMinutes(20);
            Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/my")).Status);
        }

        // Sliding renewal kept the session going well past its 30-minute idle limit, with fresh cookies ...
        Assert.True(active > TimeSpan.FromHours(11.5));
        Assert.NotEqual(firstCookie, browser.CookieValue(CookieHostingExtensions.SessionCookie));

        // ... but not past 12 hours from the sign-in.
        _clock.Advance(TimeSpan.FromMinutes(20));
        await AssertSentToSignInAsync(browser);
    }

    [Fact]
    public async Task TwoFactorPage_WithinFiveMinutesOfSignIn_OpensDirectly()
    {
        var user = await Portal.CreateUserAsync(PortalRoles.Analyst);
        await using var host = PortalOnTestClock();
        using var browser = await host.SignInAsync(user);
        _clock.Advance(TimeSpan.FromMinutes(4));

        var page = await browser.GetAsync("/account/two-factor");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.NotNull(page.Document.QuerySelector("form#enable"));
    }

    [Fact]
    public async Task TwoFactorChanges_LaterThanFiveMinutesAfterSignIn_NeedThePasswordAgain()
    {
        var user = await Portal.CreateUserAsync(PortalRoles.Analyst, twoFactor: true);
        await using var host = PortalOnTestClock();
        using var browser = await host.SignInAsync(user);
        var page = await browser.GetAsync("/account/two-factor");
        Assert.NotNull(page.Document.QuerySelector("form#disable"));
        _clock.Advance(TimeSpan.FromMinutes(6));

        var disable = await browser.SubmitAsync(page, formSelector: "form#disable");

        Assert.Equal("/account/confirm-password?returnUrl=%2Faccount%2Ftwo-factor", disable.RedirectPath);
        Assert.True(await Portal.WithDbAsync(db => Task.FromResult(db.Users.Single(u => u.Id == user.Id).TwoFactorEnabled)));
        var wrong = await browser.SubmitAsync(disable.RedirectPath!, new Dictionary<string, object?> { ["Input.Password"] = "not my password at all" });
        Assert.NotNull(wrong.FieldError("Input.Password"));
        var confirmed = await browser.SubmitAsync(disable.RedirectPath!, new Dictionary<string, object?> { ["Input.Password"] = user.Password });
        Assert.Equal("/account/two-factor", confirmed.RedirectPath);
        var again = await browser.GetAsync("/account/two-factor");
        var disabled = await browser.SubmitAsync(again, formSelector: "form#disable");
        Assert.Equal("/account", disabled.RedirectPath);
        Assert.Equal("Two-factor sign-in is turned off.", (await browser.FollowAsync(disabled)).Notice);
        Assert.False(await Portal.WithDbAsync(db => Task.FromResult(db.Users.Single(u => u.Id == user.Id).TwoFactorEnabled)));
    }

    [Fact]
    public async Task ConfirmingThePassword_DoesNotExtendTheTwelveHourLimit()
    {
        var user = await Portal.CreateUserAsync(PortalRoles.Contributor, "KEN");
        await using var host = PortalOnTestClock();
        using var browser = await host.SignInAsync(user);
        var active = TimeSpan.Zero;
        while (active + TimeSpan.FromMinutes(20) < PortalSessions.AbsoluteLifetime)
        {
            _clock.Advance(TimeSpan.FromMinutes(20));
            active += TimeSpan.FromMinutes(20);
            var confirmed = await browser.SubmitAsync("/account/confirm-password", new Dictionary<string, object?> { ["Input.Password"] = user.Password });
            Assert.Equal("/account", confirmed.RedirectPath);
        }

        _clock.Advance(TimeSpan.FromMinutes(20));

        await AssertSentToSignInAsync(browser);
    }

    private static async Task AssertSentToSignInAsync(Browser browser)
    {
        var response = await browser.GetAsync("/my");
        Assert.Equal(HttpStatusCode.Redirect, response.Status);
        Assert.StartsWith(IdentityHostingExtensions.SignInPath, response.RedirectPath);
    }
}

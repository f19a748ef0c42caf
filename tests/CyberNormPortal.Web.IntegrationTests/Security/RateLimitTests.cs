using System.Net;
using CyberNormPortal.Web.Identity;
using CyberNormPortal.Web.IntegrationTests.Infrastructure;
using CyberNormPortal.Web.Pages.Account;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace CyberNormPortal.Web.IntegrationTests.Security;

/// <summary>
/// The rate limits, set tight through configuration on a portal of their own (the shared test portal has them off):
/// beyond the limit one client address gets 429 with Retry-After, another address carries on.
/// </summary>
public sealed class RateLimitTests(PortalFixture portal) : PortalTest(portal)
{
    private const int Limit = 3;
    private const string Attacker = "203.0.113.7";
    private const string Neighbour = "198.51.100.9";

    private WebApplicationFactory<Program> PortalWithTightLimits() => Portal.Factory.WithWebHostBuilder(builder =>
    {
        builder.UseSetting("RateLimits:Enabled", "true");
        foreach (var policy in new[] { "SignIn", "PasswordReset", "Invitation", "Search", "Api" })
        {
            builder.UseSetting($"RateLimits:{policy}:PermitLimit", Limit.ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.UseSetting($"RateLimits:{policy}:Window", "01:00:00");
        }

        builder.ConfigureTestServices(services => services.AddSingleton<IStartupFilter, ClientAddresses>());
    });

    [Fact]
    public async Task SignIn_MoreAttemptsThanTheLimitFromOneAddress_Answers429WithRetryAfter_AnotherAddressIsUnaffected()
    {
        var user = await Portal.CreateUserAsync(PortalRoles.Analyst);
        await using var host = PortalWithTightLimits();
        using var attacker = ClientAddresses.From(host.NewBrowser(), Attacker);
        var form = new Dictionary<string, object?> { ["Input.Email"] = user.Email, ["Input.Password"] = "a guess at the password" };
        for (var attempt = 1; attempt <= Limit; attempt++)
        {
            var refused = await attacker.SubmitAsync("/account/sign-in", form);
            Assert.Contains(SignInModel.FailureMessage, refused.Text);
        }

        var page = await attacker.GetAsync("/account/sign-in");
        using var content = new FormUrlEncodedContent(Browser.FormValues((AngleSharp.Html.Dom.IHtmlFormElement)page.Document.QuerySelector("main form")!));
        using var throttled = await attacker.Client.PostAsync("/account/sign-in", content);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        AssertTooManyRequests(throttled);
        using var neighbour = ClientAddresses.From(host.NewBrowser(), Neighbour);
        var signedIn = await neighbour.SubmitAsync("/account/sign-in", new Dictionary<string, object?> { ["Input.Email"] = user.Email, ["Input.Password"] = user.Password });
        Assert.Equal("/", signedIn.RedirectPath);
    }

    [Fact]
    public async Task PasswordResetRequests_BeyondTheLimit_Answer429()
    {
        await using var host = PortalWithTightLimits();
        using var attacker = ClientAddresses.From(host.NewBrowser(), Attacker);
        for (var attempt = 1; attempt <= Limit; attempt++)
        {
            var sent = await attacker.SubmitAsync("/account/forgot-password", new Dictionary<string, object?> { ["Input.Email"] = $"someone{attempt}@example.org" });
            Assert.NotEqual(HttpStatusCode.TooManyRequests, sent.Status);
        }

        var page = await attacker.GetAsync("/account/forgot-password");
        using var content = new FormUrlEncodedContent(Browser.FormValues((AngleSharp.Html.Dom.IHtmlFormElement)page.Document.QuerySelector("main form")!));
        using var throttled = await attacker.Client.PostAsync("/account/forgot-password", content);

        AssertTooManyRequests(throttled);
    }

    [Fact]
    public async Task Search_AndItsExports_BeyondTheLimit_Answer429_AnotherAddressIsUnaffected()
    {
        await using var host = PortalWithTightLimits();
        using var attacker = ClientAddresses.From(host.NewBrowser(), Attacker);
        Assert.Equal(HttpStatusCode.OK, (await attacker.GetAsync("/search?q=incident")).Status);
        Assert.Equal(HttpStatusCode.OK, (await attacker.GetAsync("/search?q=reporting")).Status);
        Assert.Equal(HttpStatusCode.OK, (await attacker.GetAsync("/search/export.csv?q=incident")).Status);

        using var throttled = await attacker.Client.GetAsync("/search/export.json?q=incident");
        using var throttledPage = await attacker.Client.GetAsync("/search?q=incident");

        AssertTooManyRequests(throttled);
        AssertTooManyRequests(throttledPage);
        Assert.Equal(HttpStatusCode.OK, (await attacker.GetAsync("/")).Status);
        using var neighbour = ClientAddresses.From(host.NewBrowser(), Neighbour);
        Assert.Equal(HttpStatusCode.OK, (await neighbour.GetAsync("/search?q=incident")).Status);
    }

    [Fact]
    public async Task Api_BeyondTheLimit_Answers429WithRetryAfter()
    {
        await using var host = PortalWithTightLimits();
        using var attacker = ClientAddresses.From(host.NewBrowser(), Attacker);
        for (var request = 1; request <= Limit; request++)
        {
            using var answered = await attacker.Client.GetAsync("/api/v1/norms");
            Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        }

        using var throttled = await attacker.Client.GetAsync("/api/v1/norms");

        AssertTooManyRequests(throttled);
        using var neighbour = ClientAddresses.From(host.NewBrowser(), Neighbour);
        using var other = await neighbour.Client.GetAsync("/api/v1/norms");
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    private static void AssertTooManyRequests(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        var retryAfter = Assert.Single(response.Headers.GetValues("Retry-After"));
        Assert.InRange(int.Parse(retryAfter, System.Globalization.CultureInfo.InvariantCulture), 1, 3600);
    }
}

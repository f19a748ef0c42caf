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
/// beyond the limit one client address gets 429 with Retry-After, another address carries on. Signing in also counts
/// per account, so people sharing an address each have their own budget and one account is not guessed at from many.
/// </summary>
public sealed class RateLimitTests(PortalFixture portal) : PortalTest(portal)
{
    private const int Limit = 3;
    private const string Attacker = "203.0.113.7";
    private const string Neighbour = "198.51.100.9";

    private const string Ministry = "192.0.2.44";

    /// <summary>Every policy at <see cref="Limit"/> per address; sign-in per account at <paramref name="perAccount"/>.</summary>
    private WebApplicationFactory<Program> PortalWithTightLimits(int perAccount = Limit + 2, int? signInPerAddress = null) => Portal.Factory.WithWebHostBuilder(builder =>
    {
        builder.UseSetting("RateLimits:Enabled", "true");
        var limits = new Dictionary<string, int>
        {
            ["SignIn"] = signInPerAddress ?? Limit,
            ["PasswordReset"] = Limit,
            ["Invitation"] = Limit,
            ["Search"] = Limit,
            ["Api"] = Limit,
            ["SignInPerAccount"] = perAccount,
        };
        foreach (var (policy, limit) in limits)
        {
            builder.UseSetting($"RateLimits:{policy}:PermitLimit", limit.ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.UseSetting($"RateLimits:{policy}:Window", "01:00:00");
        }

        builder.ConfigureTestServices(services => services.AddSingleton<IStartupFilter, ClientAddresses>());
    });

    [Fact]
    public async Task SignIn_TwoPeopleOnOneAddress_EachHaveTheirOwnBudget()
    {
        var guessed = await Portal.CreateUserAsync(PortalRoles.Contributor, "KEN");
        var colleague = await Portal.CreateUserAsync(PortalRoles.Approver, "KEN");
        await using var host = PortalWithTightLimits(perAccount: Limit, signInPerAddress: 50);
        using var first = ClientAddresses.From(host.NewBrowser(), Ministry);
        using var second = ClientAddresses.From(host.NewBrowser(), Ministry);
        var wrong = new Dictionary<string, object?> { ["Input.Email"] = guessed.Email, ["Input.Password"] = "a mistyped password" };
        for (var attempt = 1; attempt <= Limit; attempt++)
        {
            Assert.Contains(SignInModel.FailureMessage, (await first.SubmitAsync("/account/sign-in", wrong)).Text);
        }

        var page = await first.GetAsync("/account/sign-in");
        using var content = new FormUrlEncodedContent(Browser.FormValues((AngleSharp.Html.Dom.IHtmlFormElement)page.Document.QuerySelector("main form")!)
            .Where(f => !f.Key.StartsWith("Input.", StringComparison.Ordinal))
            .Append(new("Input.Email", guessed.Email.ToUpperInvariant())).Append(new("Input.Password", guessed.Password)));
        using var throttled = await first.Client.PostAsync("/account/sign-in", content);

        // That account's budget is spent (however its address is written); the colleague at the same address signs in.
        AssertTooManyRequests(throttled);
        var signedIn = await second.SubmitAsync("/account/sign-in", new Dictionary<string, object?> { ["Input.Email"] = colleague.Email, ["Input.Password"] = colleague.Password });
        Assert.Equal(HttpStatusCode.Redirect, signedIn.Status);
        Assert.Equal(HttpStatusCode.OK, (await second.GetAsync("/my")).Status);
    }

    [Fact]
    public async Task SignIn_OneAccountFromManyAddresses_IsLimitedPerAccount()
    {
        var user = await Portal.CreateUserAsync(PortalRoles.Analyst);
        await using var host = PortalWithTightLimits(perAccount: Limit);
        var wrong = new Dictionary<string, object?> { ["Input.Email"] = user.Email, ["Input.Password"] = "a guess at the password" };
        for (var attempt = 1; attempt <= Limit; attempt++)
        {
            using var guesser = ClientAddresses.From(host.NewBrowser(), $"203.0.113.{10 + attempt}");
            Assert.Contains(SignInModel.FailureMessage, (await guesser.SubmitAsync("/account/sign-in", wrong)).Text);
        }

        using var next = ClientAddresses.From(host.NewBrowser(), "203.0.113.99");
        var page = await next.GetAsync("/account/sign-in");
        using var content = new FormUrlEncodedContent(Browser.FormValues((AngleSharp.Html.Dom.IHtmlFormElement)page.Document.QuerySelector("main form")!)
            .Where(f => !f.Key.StartsWith("Input.", StringComparison.Ordinal))
            .Append(new("Input.Email", user.Email)).Append(new("Input.Password", user.Password)));
        using var throttled = await next.Client.PostAsync("/account/sign-in", content);

        AssertTooManyRequests(throttled);
    }

    [Fact]
    public async Task SignIn_TheTwoFactorStepCountsAgainstTheSameAccount()
    {
        var moderator = await Portal.CreateUserAsync(PortalRoles.Moderator);
        var colleague = await Portal.CreateUserAsync(PortalRoles.Moderator);
        await using var host = PortalWithTightLimits(perAccount: Limit, signInPerAddress: 50);
        using var browser = ClientAddresses.From(host.NewBrowser(), Ministry);
        var first = await browser.SubmitAsync("/account/sign-in", new Dictionary<string, object?> { ["Input.Email"] = moderator.Email, ["Input.Password"] = moderator.Password });
        Assert.StartsWith("/account/sign-in/two-factor", first.RedirectPath);
        for (var attempt = 2; attempt <= Limit; attempt++)
        {
            var wrong = await browser.SubmitAsync(first.RedirectPath!, new Dictionary<string, object?> { ["Input.Code"] = "000000" });
            Assert.NotNull(wrong.FieldError("Input.Code"));
        }

        var page = await browser.GetAsync(first.RedirectPath!);
        using var content = new FormUrlEncodedContent(Browser.FormValues((AngleSharp.Html.Dom.IHtmlFormElement)page.Document.QuerySelector("main form")!)
            .Where(f => f.Key != "Input.Code").Append(new("Input.Code", moderator.CurrentCode())));
        using var throttled = await browser.Client.PostAsync(first.RedirectPath!, content);

        AssertTooManyRequests(throttled);
        using var other = ClientAddresses.From(host.NewBrowser(), Ministry);
        var colleagueFirst = await other.SubmitAsync("/account/sign-in", new Dictionary<string, object?> { ["Input.Email"] = colleague.Email, ["Input.Password"] = colleague.Password });
        var colleagueIn = await other.SubmitAsync(colleagueFirst.RedirectPath!, new Dictionary<string, object?> { ["Input.Code"] = colleague.CurrentCode() });
        Assert.Equal("/moderation", colleagueIn.RedirectPath);
    }

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
        Assert.Contains("Wait a moment, then try again.", await throttledPage.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await attacker.GetAsync("/en/")).Status);
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

using System.Net;
using CyberNormPortal.Web.Identity;
using CyberNormPortal.Web.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace CyberNormPortal.Web.IntegrationTests.Security;

/// <summary>In production, over HTTPS, the session and antiforgery cookies are __Host- cookies: Secure, HttpOnly, SameSite, Path=/, no Domain.</summary>
public sealed class CookieAttributeTests(PortalFixture portal) : PortalTest(portal)
{
    [Fact]
    public async Task SignIn_InProductionOverHttps_SetsHostPrefixedSecureHttpOnlySameSiteCookies()
    {
        var user = await Portal.CreateUserAsync(PortalRoles.Contributor, "KEN");
        await using var host = Portal.Factory.WithWebHostBuilder(builder => builder.UseEnvironment("Production"));
        var recorder = new SetCookieRecorder();
        var cookies = new CookieContainer();
        using var browser = new Browser(host.CreateDefaultClient(new Uri("https://localhost"), recorder, new CookieContainerHandler(cookies)), cookies);

        var signedIn = await browser.SubmitAsync("/account/sign-in", new Dictionary<string, object?> { ["Input.Email"] = user.Email, ["Input.Password"] = user.Password });

        Assert.Equal("/my", signedIn.RedirectPath); // a contributor lands on their desk
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/my")).Status);
        AssertHostCookie(recorder, "__Host-portal.antiforgery");
        AssertHostCookie(recorder, "__Host-portal.session");
        Assert.DoesNotContain(recorder.SetCookies, c => c.StartsWith("portal.", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("10.0.0.5", true)]
    [InlineData("10.0.0.6", false)]
    public async Task BehindATlsProxy_OnlyAKnownProxyIsBelievedAboutHttps(string proxy, bool known)
    {
        await using var host = Portal.Factory.WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("ForwardedHeaders:KnownProxies:0", "10.0.0.5");
            builder.ConfigureTestServices(services => services.AddSingleton<IStartupFilter, ClientAddresses>());
        });

        // The proxy talks plain HTTP to the portal and says the client used HTTPS.
        using var client = host.CreateDefaultClient(new Uri("http://portal.example"));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/norms");
        request.Headers.Add(ClientAddresses.Header, proxy);
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-For", "203.0.113.9");
        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(known, response.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task LocalStackOverPlainHttp_WithHttpsOnlyOff_SignsInWithPlainCookies()
    {
        var user = await Portal.CreateUserAsync(PortalRoles.Contributor, "KEN");
        await using var host = Portal.Factory.WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("Security:HttpsOnly", "false");
        });
        var recorder = new SetCookieRecorder();
        var cookies = new CookieContainer();
        using var browser = new Browser(host.CreateDefaultClient(new Uri("http://localhost"), recorder, new CookieContainerHandler(cookies)), cookies);

        var signedIn = await browser.SubmitAsync("/account/sign-in", new Dictionary<string, object?> { ["Input.Email"] = user.Email, ["Input.Password"] = user.Password });

        Assert.Equal("/my", signedIn.RedirectPath); // a contributor lands on their desk
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/my")).Status);
        Assert.Contains(recorder.SetCookies, c => c.StartsWith("portal.session=", StringComparison.Ordinal));
    }

    private static void AssertHostCookie(SetCookieRecorder recorder, string name)
    {
        // The session cookie is set at sign-in and again whenever the session is renewed: every one counts.
        var headers = recorder.SetCookies.Where(c => c.StartsWith(name + "=", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(headers);
        Assert.All(headers, header =>
        {
            var attributes = header.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(a => a.ToLowerInvariant()).ToList();
            Assert.Contains("secure", attributes);
            Assert.Contains("httponly", attributes);
            Assert.Contains("path=/", attributes);
            Assert.Contains(attributes, a => a is "samesite=lax" or "samesite=strict");
            Assert.DoesNotContain(attributes, a => a.StartsWith("domain=", StringComparison.Ordinal));
        });
    }

    private sealed class SetCookieRecorder : DelegatingHandler
    {
        public List<string> SetCookies { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            if (response.Headers.TryGetValues("Set-Cookie", out var values))
            {
                SetCookies.AddRange(values);
            }

            return response;
        }
    }
}

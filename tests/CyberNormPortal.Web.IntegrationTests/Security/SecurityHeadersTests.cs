using System.Net;
using CyberNormPortal.Tests.Shared;
using CyberNormPortal.Web.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CyberNormPortal.Web.IntegrationTests.Security;

public sealed class SecurityHeadersTests(PortalFixture fixture) : PortalTest(fixture)
{
    [Theory]
    [InlineData("/en/", HttpStatusCode.OK)]
    [InlineData("/search?q=x", HttpStatusCode.OK)]
    [InlineData("/coverage", HttpStatusCode.OK)]
    [InlineData("/synthesis", HttpStatusCode.OK)]
    [InlineData("/norms/1", HttpStatusCode.OK)]
    [InlineData("/api/v1/norms", HttpStatusCode.OK)]
    [InlineData("/api/v1/norms/99", HttpStatusCode.NotFound)]
    [InlineData("/feed.atom", HttpStatusCode.OK)]
    [InlineData("/css/site.css", HttpStatusCode.OK)]
    [InlineData("/favicon.ico", HttpStatusCode.OK)]
    [InlineData("/does-not-exist", HttpStatusCode.NotFound)]
    [InlineData("/account/sign-in", HttpStatusCode.OK)]
    [InlineData("/my", HttpStatusCode.Redirect)]
    [InlineData("/healthz", HttpStatusCode.OK)]
    public async Task AnyResponse_CarriesTheSecurityHeaders(string url, HttpStatusCode expected)
    {
        using var client = Portal.CreateClient();

        using var response = await client.GetAsync(url);

        Assert.Equal(expected, response.StatusCode);
        response.AssertSecurityHeaders();
    }

    [Fact]
    public async Task SecondRequestForACachedPage_StillCarriesTheSecurityHeaders()
    {
        using var client = Portal.CreateClient();
        using var first = await client.GetAsync("/coverage");

        using var second = await client.GetAsync("/coverage");

        first.AssertSecurityHeaders();
        second.AssertSecurityHeaders();
    }

    [Fact]
    public async Task HttpsInProduction_SendsStrictTransportSecurityForAYear()
    {
        await using var production = Portal.Factory.WithWebHostBuilder(builder => builder.UseEnvironment("Production"));
        // Not localhost: UseHsts never sends the header to a loopback host name.
        using var https = production.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://portal.example"), AllowAutoRedirect = false });
        using var http = production.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://portal.example"), AllowAutoRedirect = false });

        using var overHttps = await https.GetAsync("/norms");
        using var overHttps404 = await https.GetAsync("/does-not-exist");
        using var overHttp = await http.GetAsync("/norms");

        Assert.Equal("max-age=31536000; includeSubDomains", SecurityAssertions.Header(overHttps, "Strict-Transport-Security"));
        Assert.Equal("max-age=31536000; includeSubDomains", SecurityAssertions.Header(overHttps404, "Strict-Transport-Security"));
        // Over plain HTTP the header means nothing, and browsers ignore it.
        Assert.Null(SecurityAssertions.Header(overHttp, "Strict-Transport-Security"));
        overHttps.AssertSecurityHeaders();
    }

    [Fact]
    public async Task OnKestrel_NoServerHeaderNamesWhatThePortalRunsOn()
    {
        // The in-memory test server never adds a Server header; Kestrel does unless told not to.
        await using var factory = new PortalAppFactory(Portal.ConnectionString);
        factory.UseKestrel(0);
        factory.StartServer();
        var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var client = new HttpClient { BaseAddress = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal)) };

        foreach (var url in new[] { "/", "/api/v1/norms", "/css/site.css", "/does-not-exist" })
        {
            using var response = await client.GetAsync(url);

            Assert.Null(SecurityAssertions.Header(response, "Server"));
            response.AssertSecurityHeaders();
        }
    }
}

/// <summary>What every response of the portal must carry (Hosting/SecurityHeaders.cs).</summary>
public static class SecurityAssertions
{
    public static void AssertSecurityHeaders(this HttpResponseMessage response)
    {
        var url = response.RequestMessage?.RequestUri;
        var csp = Header(response, "Content-Security-Policy");
        Assert.True(csp is not null, $"No Content-Security-Policy on {url}.");
        var directives = csp.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(d => d.Split(' ', 2))
            .ToDictionary(d => d[0], d => d.Length > 1 ? d[1] : "");
        Assert.Equal("'self'", directives["default-src"]);
        Assert.Equal("'self'", directives["script-src"]);
        Assert.DoesNotContain("unsafe", csp, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("'none'", directives["frame-ancestors"]);
        Assert.Equal("'none'", directives["object-src"]);
        Assert.Equal("'self'", directives["base-uri"]);
        Assert.Equal("'self'", directives["form-action"]);

        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Contains(Header(response, "Referrer-Policy"), new[] { "strict-origin-when-cross-origin", "no-referrer" });
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.Null(Header(response, "Server"));
        Assert.Null(Header(response, "X-Powered-By"));
        Assert.Null(Header(response, "X-AspNet-Version"));
    }

    /// <summary>A header's value, wherever HttpClient filed it (response or content headers), or null.</summary>
    public static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : null;
}

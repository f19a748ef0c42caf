using System.Net;
using CyberNormPortal.Web.IntegrationTests.Infrastructure;

namespace CyberNormPortal.Web.IntegrationTests.Api;

/// <summary>What caches, pollers and other sites' scripts rely on: ETags, Cache-Control and CORS.</summary>
public sealed class ApiHttpTests(PortalFixture fixture) : PortalTest(fixture)
{
    [Theory]
    [InlineData("/api/v1/entries?state=KEN")]
    [InlineData("/api/v1/norms")]
    [InlineData("/api/v1/synthesis")]
    [InlineData("/feed.atom")]
    public async Task Get_WithTheETagInIfNoneMatch_Is304WithNoBody(string url)
    {
        await Portal.PublishAsync("KEN", title: "Cached entry");
        using var client = Portal.CreateClient();

        using var first = await client.GetAsync(url);
        var etag = first.Headers.ETag;
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.NotNull(etag);
        Assert.False(etag.IsWeak);
        Assert.Equal("public, max-age=60", first.Headers.CacheControl?.ToString());

        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.IfNoneMatch.Add(etag);
        using var second = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Empty(await second.Content.ReadAsByteArrayAsync());
        Assert.Equal(etag, second.Headers.ETag);
    }

    [Fact]
    public async Task Get_AfterANewEntry_HasANewETag()
    {
        using var client = Portal.CreateClient();
        using var before = await client.GetAsync("/api/v1/entries?state=KEN");
        await Portal.PublishAsync("KEN", title: "Changes the list");

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/entries?state=KEN");
        request.Headers.IfNoneMatch.Add(before.Headers.ETag!);
        using var after = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.NotEqual(before.Headers.ETag, after.Headers.ETag);
    }

    [Fact]
    public async Task Get_FromAnotherOrigin_IsAllowedForAnyOrigin_WithoutCredentials()
    {
        using var client = Portal.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/norms");
        request.Headers.Add("Origin", "https://example.org");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["*"], response.Headers.GetValues("Access-Control-Allow-Origin"));
        Assert.False(response.Headers.Contains("Access-Control-Allow-Credentials"));
    }

    [Fact]
    public async Task Preflight_FromAnotherOrigin_AllowsGet()
    {
        using var client = Portal.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Options, "/api/v1/entries?state=KEN");
        request.Headers.Add("Origin", "https://example.org");
        request.Headers.Add("Access-Control-Request-Method", "GET");
        request.Headers.Add("Access-Control-Request-Headers", "if-none-match");

        using var response = await client.SendAsync(request);

        Assert.True(response.IsSuccessStatusCode, $"Preflight answered {(int)response.StatusCode}.");
        Assert.Equal(["*"], response.Headers.GetValues("Access-Control-Allow-Origin"));
        Assert.Contains("GET", string.Join(",", response.Headers.GetValues("Access-Control-Allow-Methods")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task HtmlPages_GetNoCorsHeaders()
    {
        using var client = Portal.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/norms");
        request.Headers.Add("Origin", "https://example.org");

        using var response = await client.SendAsync(request);

        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task OpenApiDocument_DescribesEveryOperation_WithSummaryAndEnumsAsStrings()
    {
        var document = await Portal.GetOkJsonAsync("/api/v1/openapi.json");

        var paths = document["paths"]!.AsObject().Select(p => p.Key).ToList();
        Assert.Equal(
            ["/api/v1/capacity/needs", "/api/v1/capacity/offers", "/api/v1/cycles", "/api/v1/cycles/{slug}", "/api/v1/entries", "/api/v1/entries/{id}", "/api/v1/groups", "/api/v1/groups/{slug}",
                "/api/v1/norms", "/api/v1/norms/{number}", "/api/v1/reports", "/api/v1/reports/{iso3}/{cycleSlug}", "/api/v1/states", "/api/v1/states/{iso3}", "/api/v1/synthesis"],
            paths.Order(StringComparer.Ordinal));
        Assert.All(paths, path => Assert.False(string.IsNullOrWhiteSpace(document["paths"]![path]!["get"]!["summary"]?.GetValue<string>())));
        var kind = document["components"]!["schemas"]!["EntryKind"]!;
        Assert.Contains("implementationStep", kind["enum"]!.AsArray().Select(v => v!.GetValue<string>()));
        Assert.Contains(
            "pageSize",
            document["paths"]!["/api/v1/entries"]!["get"]!["parameters"]!.AsArray().Select(p => p!["name"]!.GetValue<string>()));
    }
}

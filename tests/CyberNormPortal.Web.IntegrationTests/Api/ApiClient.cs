using System.Net;
using System.Text.Json.Nodes;
using CyberNormPortal.Web.IntegrationTests.Infrastructure;

namespace CyberNormPortal.Web.IntegrationTests.Api;

/// <summary>Reading the public API and feeds as a client would.</summary>
public static class ApiClient
{
    public static async Task<(HttpStatusCode Status, JsonNode? Json)> GetJsonAsync(this HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    public static async Task<JsonNode> GetOkJsonAsync(this HttpClient client, string url)
    {
        var (status, json) = await client.GetJsonAsync(url);
        Assert.True(status == HttpStatusCode.OK, $"GET {url} answered {(int)status}: {json?.ToJsonString()}");
        return json!;
    }

    public static async Task<JsonNode> GetOkJsonAsync(this PortalFixture portal, string url)
    {
        using var client = portal.CreateClient();
        return await client.GetOkJsonAsync(url);
    }

    /// <summary>Sets when an entry was published, so tests can rely on the newest-first order.</summary>
    public static Task SetPublishedAtAsync(this PortalFixture portal, int entryId, DateTimeOffset publishedAt) =>
        portal.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ExecuteUpdateAsync(
            db.Entries.Where(e => e.Id == entryId), set => set.SetProperty(e => e.PublishedAt, publishedAt)));
}

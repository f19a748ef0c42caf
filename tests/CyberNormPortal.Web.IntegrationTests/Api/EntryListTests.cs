using System.Net;
using System.Text.Json.Nodes;
using CyberNormPortal.Domain.Entries;
using CyberNormPortal.Web.IntegrationTests.Infrastructure;

namespace CyberNormPortal.Web.IntegrationTests.Api;

public sealed class EntryListTests(PortalFixture fixture) : PortalTest(fixture)
{
    [Fact]
    public async Task EntryList_FilteredAndPaged_CountsAndLinksKeepTheFilters()
    {
        var start = DateTimeOffset.UtcNow.AddDays(-1);
        for (var i = 0; i < 5; i++)
        {
            var id = await Portal.PublishAsync("KEN", norm: 3, title: $"Kenya norm 3 #{i}");
            await Portal.SetPublishedAtAsync(id, start.AddMinutes(i));
        }

        await Portal.PublishAsync("KEN", norm: 5, title: "Kenya best practice A", kind: EntryKind.BestPractice);
        await Portal.PublishAsync("KEN", norm: 5, title: "Kenya best practice B", kind: EntryKind.BestPractice);
        await Portal.PublishAsync("GHA", norm: 3, title: "Ghana norm 3");

        var first = await Portal.GetOkJsonAsync("/api/v1/entries?state=KEN&norm=3&pageSize=2");
        Assert.Equal(5, first["total"]!.GetValue<int>());
        Assert.Equal(1, first["page"]!.GetValue<int>());
        Assert.Equal(2, first["pageSize"]!.GetValue<int>());
        Assert.Equal(["Kenya norm 3 #4", "Kenya norm 3 #3"], Titles(first));
        var links = first["links"]!;
        Assert.Equal("http://localhost/api/v1/entries?norm=3&state=KEN&page=2&pageSize=2", links["next"]!.GetValue<string>());
        Assert.Equal("http://localhost/api/v1/entries?norm=3&state=KEN&page=3&pageSize=2", links["last"]!.GetValue<string>());
        Assert.Equal("http://localhost/api/v1/entries?norm=3&state=KEN&page=1&pageSize=2", links["self"]!.GetValue<string>());
        Assert.Null(links["prev"]);

        var second = await Portal.GetOkJsonAsync(links["next"]!.GetValue<string>());
        Assert.Equal(["Kenya norm 3 #2", "Kenya norm 3 #1"], Titles(second));
        Assert.Equal("http://localhost/api/v1/entries?norm=3&state=KEN&page=1&pageSize=2", second["links"]!["prev"]!.GetValue<string>());

        var last = await Portal.GetOkJsonAsync(links["last"]!.GetValue<string>());
        Assert.Equal(["Kenya norm 3 #0"], Titles(last));
        Assert.Null(last["links"]!["next"]);

        Assert.Equal(7, (await Portal.GetOkJsonAsync("/api/v1/entries?state=ken"))["total"]!.GetValue<int>());
        var bestPractices = await Portal.GetOkJsonAsync("/api/v1/entries?state=KEN&kind=bestPractice");
        Assert.Equal(["Kenya best practice B", "Kenya best practice A"], Titles(bestPractices));
        var ghana = await Portal.GetOkJsonAsync("/api/v1/entries?norm=3&region=african&language=en&category=institutionsAndCerts&state=GHA");
        Assert.Equal(["Ghana norm 3"], Titles(ghana));
    }

    [Fact]
    public async Task EntryList_NoPageSize_Defaults_To50()
    {
        var page = await Portal.GetOkJsonAsync("/api/v1/entries");

        Assert.Equal(50, page["pageSize"]!.GetValue<int>());
        Assert.True(page["items"]!.AsArray().Count <= 50);
    }

    [Theory]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("pageSize=201", "pageSize")]
    [InlineData("page=-1", "page")]
    [InlineData("page=abc", "page")]
    [InlineData("norm=99", "norm")]
    [InlineData("norm=0", "norm")]
    [InlineData("kind=nonsense", "kind")]
    [InlineData("kind=1", "kind")]
    [InlineData("category=nonsense", "category")]
    [InlineData("region=Atlantis", "region")]
    [InlineData("state=KENYA", "state")]
    [InlineData("state=XXX", "state")]
    [InlineData("language=xx", "language")]
    [InlineData("year=nineteen", "year")]
    [InlineData("group=no-such-group", "group")]
    [InlineData("cycle=no-such-cycle", "cycle")]
    public async Task EntryList_BadParameter_Is400ProblemNamingIt(string query, string parameter)
    {
        using var client = Portal.CreateClient();
        using var response = await client.GetAsync("/api/v1/entries?" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(400, problem["status"]!.GetValue<int>());
        Assert.NotNull(problem["errors"]![parameter]);
    }

    [Theory]
    [InlineData("/api/v1/synthesis?region=Atlantis", "region")]
    [InlineData("/api/v1/synthesis?group=no-such-group", "group")]
    [InlineData("/api/v1/synthesis?cycle=no-such-cycle", "cycle")]
    public async Task Synthesis_UnknownScope_Is400ProblemNamingIt(string url, string parameter)
    {
        using var client = Portal.CreateClient();
        var (status, problem) = await client.GetJsonAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.NotNull(problem!["errors"]![parameter]);
    }

    [Theory]
    [InlineData("/api/v1/norms/12")]
    [InlineData("/api/v1/states/XXX")]
    [InlineData("/api/v1/groups/nope")]
    [InlineData("/api/v1/cycles/nope")]
    [InlineData("/api/v1/entries/999999")]
    public async Task Resource_Unknown_Is404Problem(string url)
    {
        using var client = Portal.CreateClient();
        using var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Synthesis_OfTheG7In2019_HasElevenNormsWithLeadStatementsAndEntries()
    {
        var synthesis = await Portal.GetOkJsonAsync("/api/v1/synthesis?group=g7&cycle=g7-cni-2019");

        var norms = synthesis["norms"]!.AsArray();
        Assert.Equal(11, norms.Count);
        Assert.Equal("13(a)", norms[0]!["ggeReference"]!.GetValue<string>());
        Assert.Equal(7, norms[0]!["scopeStates"]!.GetValue<int>());
        Assert.Contains(norms, n => n!["leadStatement"] is not null && n["entries"]!.AsArray().Count > 0);
        var entry = norms.SelectMany(n => n!["entries"]!.AsArray()).First()!;
        Assert.False(string.IsNullOrEmpty(entry["author"]!.GetValue<string>()));
        Assert.StartsWith("http://localhost/entries/", entry["url"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    private static List<string> Titles(JsonNode page) => [.. page["items"]!.AsArray().Select(i => i!["title"]!.GetValue<string>())];
}

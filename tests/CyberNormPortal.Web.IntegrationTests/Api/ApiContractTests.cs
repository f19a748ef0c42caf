using System.Text.Json;
using System.Text.Json.Nodes;
using CyberNormPortal.Web.IntegrationTests.Infrastructure;

namespace CyberNormPortal.Web.IntegrationTests.Api;

/// <summary>
/// What the OpenAPI document promises is what the API serves: for each resource, every property the document's
/// schema names is in the live response, with the JSON type the schema gives it.
/// </summary>
public sealed class ApiContractTests(PortalFixture fixture) : PortalTest(fixture)
{
    [Theory]
    [InlineData("/api/v1/norms", "/api/v1/norms")]
    [InlineData("/api/v1/norms/{number}", "/api/v1/norms/3")]
    [InlineData("/api/v1/states", "/api/v1/states")]
    [InlineData("/api/v1/states/{iso3}", "/api/v1/states/KEN")]
    [InlineData("/api/v1/groups", "/api/v1/groups")]
    [InlineData("/api/v1/groups/{slug}", "/api/v1/groups/g7")]
    [InlineData("/api/v1/cycles", "/api/v1/cycles")]
    [InlineData("/api/v1/cycles/{slug}", "/api/v1/cycles/g7-cni-2019")]
    [InlineData("/api/v1/entries", "/api/v1/entries?state=KEN")]
    [InlineData("/api/v1/entries/{id}", "/api/v1/entries/{entry}")]
    [InlineData("/api/v1/synthesis", "/api/v1/synthesis?group=g7&cycle=g7-cni-2019")]
    [InlineData("/api/v1/reports", "/api/v1/reports")]
    [InlineData("/api/v1/reports/{iso3}/{cycleSlug}", "/api/v1/reports/KEN/{cycle}")]
    public async Task Resource_LiveResponse_HasEveryPropertyOfItsOpenApiSchema(string path, string url)
    {
        var entry = await Portal.PublishAsync("KEN", norm: 3, title: "Contract entry");
        var (cycle, slug) = await Pages.Reports.ReportReadingTests.ReportCycleAsync(Portal);
        await Portal.CreateReportAsync("KEN", cycle, Domain.Entries.EntryStatus.Published);
        url = url.Replace("{cycle}", slug, StringComparison.Ordinal);
        var document = await Portal.GetOkJsonAsync("/api/v1/openapi.json");
        var schema = ResponseSchema(document, path);

        var live = await Portal.GetOkJsonAsync(url.Replace("{entry}", entry.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));

        var checkedProperties = AssertMatches(document, schema, live, path);
        Assert.True(checkedProperties > 3, $"The schema of {path} describes almost nothing ({checkedProperties} properties).");
    }

    [Fact]
    public async Task EntryResources_KeyFields_HaveTheDocumentedTypesAndValues()
    {
        var id = await Portal.PublishAsync("KEN", norm: 7, title: "Typed entry", body: "The **law** of 2024.");

        var page = await Portal.GetOkJsonAsync("/api/v1/entries?state=KEN");
        var item = page["items"]![0]!;
        var detail = await Portal.GetOkJsonAsync($"/api/v1/entries/{id}");

        Assert.Equal(JsonValueKind.Number, item["id"]!.GetValueKind());
        Assert.Equal(id, item["id"]!.GetValue<int>());
        Assert.Equal(7, item["norm"]!.GetValue<int>());
        Assert.Equal("implementationStep", item["kind"]!.GetValue<string>());
        Assert.Equal(["institutionsAndCerts"], item["categories"]!.AsArray().Select(c => c!.GetValue<string>()));
        Assert.Equal("KEN", item["state"]!.GetValue<string>());
        Assert.Null(item["group"]);
        Assert.Equal("Kenya", item["authorName"]!.GetValue<string>());
        Assert.True(DateTimeOffset.TryParse(item["publishedAt"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture, out _));
        Assert.Equal($"http://localhost/entries/{id}", item["url"]!.GetValue<string>());
        Assert.Equal($"http://localhost/api/v1/entries/{id}", item["apiUrl"]!.GetValue<string>());
        Assert.Equal("The **law** of 2024.", detail["body"]!.GetValue<string>());
        Assert.Equal(JsonValueKind.Array, detail["references"]!.GetValueKind());
        Assert.Equal(JsonValueKind.Number, page["total"]!.GetValueKind());
        var document = await Portal.GetOkJsonAsync("/api/v1/openapi.json");
        Assert.Equal("integer", document["components"]!["schemas"]!["EntryResource"]!["properties"]!["id"]!["type"]!.GetValue<string>());
    }

    private static JsonNode ResponseSchema(JsonNode document, string path)
    {
        var operation = document["paths"]?[path]?["get"];
        Assert.True(operation is not null, $"The OpenAPI document has no GET {path}.");
        Assert.False(string.IsNullOrWhiteSpace(operation!["summary"]?.GetValue<string>()), $"GET {path} has no summary.");
        var schema = operation["responses"]?["200"]?["content"]?["application/json"]?["schema"];
        Assert.True(schema is not null, $"GET {path} documents no JSON 200 response.");
        return schema!;
    }

    /// <summary>Checks <paramref name="value"/> against <paramref name="schema"/> and returns how many properties it checked.</summary>
    private static int AssertMatches(JsonNode document, JsonNode schema, JsonNode? value, string where)
    {
        schema = Resolve(document, schema);
        if ((schema["oneOf"] ?? schema["anyOf"]) is { } alternatives)
        {
            var options = alternatives.AsArray().Select(a => Resolve(document, a!)).ToList();
            if (value is null && options.Any(o => Types(o).Contains("null")))
            {
                return 0;
            }

            schema = options.First(o => !Types(o).Contains("null") || Types(o).Count > 1);
        }

        var types = Types(schema);
        if (types.Count > 0)
        {
            var actual = JsonType(value);
            Assert.True(
                types.Contains(actual) || (actual == "integer" && types.Contains("number")),
                $"{where}: {actual} where the document says {string.Join("|", types)}.");
        }

        if (value is null)
        {
            return 0;
        }

        var checkedProperties = 0;
        if (schema["properties"] is JsonObject properties && value is JsonObject live)
        {
            foreach (var (name, propertySchema) in properties)
            {
                Assert.True(live.ContainsKey(name), $"{where}: the document names '{name}' but the response has no such property.");
                checkedProperties += 1 + AssertMatches(document, propertySchema!, live[name], $"{where}.{name}");
            }
        }

        if (schema["items"] is { } itemSchema && value is JsonArray { Count: > 0 } items)
        {
            checkedProperties += AssertMatches(document, itemSchema, items[0], $"{where}[0]");
        }

        return checkedProperties;
    }

    private static JsonNode Resolve(JsonNode document, JsonNode schema)
    {
        while (schema["$ref"]?.GetValue<string>() is { } reference)
        {
            const string prefix = "#/components/schemas/";
            Assert.StartsWith(prefix, reference, StringComparison.Ordinal);
            schema = document["components"]!["schemas"]![reference[prefix.Length..]]
                ?? throw new InvalidOperationException($"Unresolved {reference}.");
        }

        return schema;
    }

    private static List<string> Types(JsonNode schema) => schema["type"] switch
    {
        JsonArray many => [.. many.Select(t => t!.GetValue<string>())],
        JsonValue one => [one.GetValue<string>()],
        _ => [],
    };

    private static string JsonType(JsonNode? value) => value?.GetValueKind() switch
    {
        null or JsonValueKind.Null => "null",
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.Number => value.AsValue().TryGetValue<long>(out _) ? "integer" : "number",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        _ => "unknown",
    };
}

using System.Collections.Concurrent;
using System.Diagnostics;
using CyberNormPortal.Web.Data.Seeding;
using CyberNormPortal.Web.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CyberNormPortal.Web.IntegrationTests.Performance;

/// <summary>
/// Each page issues a fixed number of SQL queries, whatever the number of rows it shows: counted per request from
/// Npgsql's own trace (one activity per command), once on the seeded data and once with thousands more entries.
/// </summary>
public sealed class QueryBudgetTests(PortalFixture portal) : PortalTest(portal), IDisposable
{
    private readonly ConcurrentDictionary<ActivityTraceId, int> _commands = new();
    private ActivityListener? _listener;

    /// <summary>The most queries each page may issue, for an anonymous reader with the page cache missing.</summary>
    private static readonly (string Url, int Budget)[] Pages =
    [
        ("/search?q=cybersecurity+or+national", 7),
        ("/search?norm=3&region=African", 6),
        ("/synthesis", 9),
        ("/coverage", 8),
        ("/norms/3", 8),
        ("/states/KEN", 10),
        ("/api/v1/entries?norm=3", 5),
        ("/api/v1/norms", 4),
        ("/feed.atom", 4),
    ];

    private void Listen()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is "Npgsql" or "Microsoft.AspNetCore",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (activity.Source.Name == "Npgsql")
                {
                    _commands.AddOrUpdate(activity.TraceId, 1, (_, n) => n + 1);
                }
            },
        };
        ActivitySource.AddActivityListener(_listener);
    }

    /// <summary>The SQL commands one GET of <paramref name="url"/> issued (its trace id is chosen here).</summary>
    private async Task<int> QueriesAsync(string url)
    {
        var trace = ActivityTraceId.CreateRandom();
        using var client = Portal.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("traceparent", $"00-{trace}-{ActivitySpanId.CreateRandom()}-01");
        using var response = await client.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, $"{url} answered {(int)response.StatusCode}");
        return _commands.GetValueOrDefault(trace);
    }

    [Fact]
    public async Task EveryPage_IssuesNoMoreThanItsFixedNumberOfQueries_WhateverTheRows()
    {
        Listen();
        var few = new Dictionary<string, int>();
        foreach (var (url, _) in Pages)
        {
            few[url] = await QueriesAsync(url);
        }

        // Thousands more entries, generated once for every page (it takes seconds).
        await Portal.WithServicesAsync(services => services.GetRequiredService<BenchmarkDataGenerator>().RunAsync(1, TextWriter.Null));
        Assert.True(await Portal.WithDbAsync(db => db.Entries.CountAsync()) > 6000);

        foreach (var (url, budget) in Pages)
        {
            var many = await QueriesAsync(url);
            Assert.True(few[url] >= 1 && few[url] <= budget, $"{url}: {few[url]} queries, budget {budget}");
            Assert.True(few[url] == many, $"{url}: {few[url]} queries on the seeded data, {many} with thousands more entries");
        }
    }

    public void Dispose() => _listener?.Dispose();
}

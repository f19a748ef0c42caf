using System.Collections.Concurrent;
using System.Net;
using AngleSharp.Html.Dom;
using CyberNormPortal.Domain.Cycles;
using CyberNormPortal.Domain.Entries;
using CyberNormPortal.Tests.Shared;
using CyberNormPortal.Web.Data;
using CyberNormPortal.Web.Hosting;
using CyberNormPortal.Web.Identity;
using CyberNormPortal.Web.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Xunit.Abstractions;

namespace CyberNormPortal.Web.IntegrationTests.Reliability;

/// <summary>Restarting the shared test server cuts every other test's connections: these run alone, after the rest.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class DatabaseRestartCollection
{
    public const string Name = "Database restart";
}

/// <summary>The portal as its own process under load while PostgreSQL restarts beneath it.</summary>
[Collection(DatabaseRestartCollection.Name)]
public sealed class DatabaseRestartTests(ITestOutputHelper output)
{
    private static readonly TimeSpan LoadBefore = TimeSpan.FromSeconds(4);
    private static readonly TimeSpan Downtime = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan LoadAfter = TimeSpan.FromSeconds(6);

    private sealed record Sample(string What, DateTime Start, DateTime End, HttpStatusCode? Status, string? Error);

    [Fact]
    public async Task PostgresRestartUnderLoad_NoAcknowledgedWriteLostOrDoubled_AndThePortalRecoversByItself()
    {
        // The test restarts the server beneath the portal. When PORTAL_TEST_DB names an external server (as in the
        // GitHub workflow) that server must not be restarted, so the test starts a throwaway one of its own from the
        // machine's PostgreSQL binaries; it never passes without having run.
        var shared = await TestPostgres.ThrowawayServerAsync();
        var own = shared is null
            ? await LocalPostgres.StartAsync(Path.Combine(Path.GetTempPath(), $"cnp-restart-pg-{Guid.NewGuid():N}"), throwaway: true)
            : null;
        var server = shared ?? own!;
        string connectionString;
        if (own is null)
        {
            connectionString = await TestPostgres.CreateDatabaseAsync("portal_restart");
        }
        else
        {
            await own.EnsureDatabaseAsync("portal_restart");
            connectionString = own.ConnectionStringFor("portal_restart");
        }

        try
        {
            var (email, cycle) = await PrepareAsync(connectionString);
            await using var portal = await RunningPortal.StartAsync(new Dictionary<string, string>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Testing",
                ["ConnectionStrings__Portal"] = connectionString,
                ["Database__MigrateOnStartup"] = "false",
                // A load test from one address: the per-address limits would answer 429 instead of the pages.
                ["RateLimits__Enabled"] = "false",
            });
            await RunLoadAsync(server, portal, email, cycle, connectionString);
        }
        finally
        {
            if (own is null)
            {
                await TestPostgres.DropDatabaseAsync(connectionString);
            }
            else
            {
                NpgsqlConnection.ClearAllPools();
                await own.StopAsync();
            }
        }
    }

    private async Task RunLoadAsync(LocalPostgres server, RunningPortal portal, string email, int cycle, string connectionString)
    {
        using var contributor = new Browser(NewClient(portal));
        var signedIn = await contributor.SubmitAsync("/account/sign-in", new Dictionary<string, object?>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = TestAccounts.Password,
        });
        Assert.Equal(HttpStatusCode.Redirect, signedIn.Status);
        var form = (await contributor.GetAsync("/entries/new")).Document.QuerySelector("main form[method=post]") as IHtmlFormElement;
        var formValues = Browser.FormValues(form!);

        var samples = new ConcurrentBag<Sample>();
        var acknowledged = new ConcurrentBag<string>();
        DateTime outageStart = DateTime.MaxValue, outageEnd = DateTime.MaxValue;
        using var stop = new CancellationTokenSource();

        async Task Timed(string what, Func<Task<HttpStatusCode>> request, Action<HttpStatusCode>? onDone = null)
        {
            var start = DateTime.UtcNow;
            try
            {
                var status = await request();
                samples.Add(new Sample(what, start, DateTime.UtcNow, status, null));
                onDone?.Invoke(status);
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
            {
                samples.Add(new Sample(what, start, DateTime.UtcNow, null, exception.GetType().Name + ": " + exception.Message));
            }
        }

        var writes = 0;
        var writer = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var title = $"Restart drill {Interlocked.Increment(ref writes):D4} {Guid.NewGuid():N}";
                var values = formValues.Where(v => !v.Key.StartsWith("Input.", StringComparison.Ordinal) && v.Key != "Command").ToList();
                values.AddRange(EntryFields(cycle, title));
                await Timed("POST /entries/new", async () => (await contributor.PostAsync("/entries/new", values)).Status, status =>
                {
                    if (status is HttpStatusCode.Redirect or HttpStatusCode.OK)
                    {
                        acknowledged.Add(title);
                    }
                });
            }
        });

        string[] readUrls = ["/search?q=incident", "/norms/3", "/healthz/ready"];
        var readers = Enumerable.Range(0, 2).Select(r => Task.Run(async () =>
        {
            using var client = NewClient(portal);
            for (var i = r; !stop.IsCancellationRequested; i++)
            {
                var url = readUrls[i % readUrls.Length];
                await Timed("GET " + url, async () =>
                {
                    using var response = await client.GetAsync(url);
                    return response.StatusCode;
                });
            }
        })).ToList();

        var probes = new ConcurrentBag<(DateTime At, HttpStatusCode? Status)>();
        var prober = Task.Run(async () =>
        {
            using var client = NewClient(portal);
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    using var response = await client.GetAsync("/healthz/ready");
                    probes.Add((DateTime.UtcNow, response.StatusCode));
                }
                catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
                {
                    probes.Add((DateTime.UtcNow, null));
                }

                await Task.Delay(100);
            }
        });

        await Task.Delay(LoadBefore);
        outageStart = DateTime.UtcNow;
        await server.RestartAsync(Downtime);
        outageEnd = DateTime.UtcNow;
        await Task.Delay(LoadAfter);
        await stop.CancelAsync();
        await Task.WhenAll([writer, prober, .. readers]);

        // Every write the portal acknowledged is there exactly once; the test's own pool lost its connections too.
        NpgsqlConnection.ClearAllPools();
        var titles = acknowledged.ToList();
        var stored = await CountByTitleAsync(connectionString, titles);
        var lost = titles.Count(t => stored.GetValueOrDefault(t) == 0);
        var duplicated = titles.Count(t => stored.GetValueOrDefault(t) > 1);

        bool Failed(Sample s) => s.Status is null || (int)s.Status >= 500;
        bool DuringOutage(Sample s) => s.Start <= outageEnd && s.End >= outageStart;
        var errorsDuring = samples.Where(s => Failed(s) && DuringOutage(s)).ToList();
        var errorsOutside = samples.Where(s => Failed(s) && !DuringOutage(s)).ToList();
        var readyDuring = probes.Where(p => p.At >= outageStart && p.At <= outageEnd).Select(p => p.Status).ToList();
        var lastProbe = probes.MaxBy(p => p.At);

        output.WriteLine($"Outage: {(outageEnd - outageStart).TotalSeconds:F1} s (PostgreSQL stopped -m fast, {Downtime.TotalSeconds:F0} s down, started again)");
        output.WriteLine($"Requests: {samples.Count} ({samples.Count(s => s.What.StartsWith("GET", StringComparison.Ordinal))} reads, {writes} writes attempted)");
        output.WriteLine($"Acknowledged writes: {titles.Count}; lost: {lost}; duplicated: {duplicated}");
        output.WriteLine($"Errors (5xx or no answer) overlapping the outage: {errorsDuring.Count}; outside it: {errorsOutside.Count}");
        output.WriteLine($"/healthz/ready during the outage: {string.Join(", ", readyDuring.GroupBy(s => s?.ToString() ?? "no answer").Select(g => $"{g.Key}×{g.Count()}"))}; last probe: {lastProbe.Status}");
        foreach (var error in errorsDuring.Concat(errorsOutside).Take(10))
        {
            output.WriteLine($"  {error.What} {error.Start:HH:mm:ss.fff}–{error.End:HH:mm:ss.fff}: {(error.Status is { } s ? (int)s : error.Error)}");
        }

        Assert.True(titles.Count > 0, "No write was acknowledged.");
        Assert.Equal(0, lost);
        Assert.Equal(0, duplicated);
        Assert.Empty(errorsOutside);
        Assert.Contains(HttpStatusCode.ServiceUnavailable, readyDuring);
        Assert.Equal(HttpStatusCode.OK, lastProbe.Status);

        // And writing works again, without restarting the portal.
        var afterValues = formValues.Where(v => !v.Key.StartsWith("Input.", StringComparison.Ordinal) && v.Key != "Command").ToList();
        afterValues.AddRange(EntryFields(cycle, $"Restart drill after {Guid.NewGuid():N}"));
        Assert.Equal(HttpStatusCode.Redirect, (await contributor.PostAsync("/entries/new", afterValues)).Status);
    }

    /// <summary>A migrated, seeded database with an open cycle and a contributor of France; the in-process host then goes.</summary>
    private static async Task<(string Email, int Cycle)> PrepareAsync(string connectionString)
    {
        await using var factory = new PortalAppFactory(connectionString);
        _ = factory.Server;
        var account = await TestAccounts.CreateAsync(factory.Services, [PortalRoles.Contributor], "FRA", twoFactor: false);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var cycle = new ReportingCycle("restart-drill", "Restart drill", new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), null, isOpen: true);
        db.Cycles.Add(cycle);
        await db.SaveChangesAsync();
        return (account.Email, cycle.Id);
    }

    private static async Task<Dictionary<string, int>> CountByTitleAsync(string connectionString, List<string> titles)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT \"Title\", COUNT(*)::int FROM \"Revisions\" WHERE \"Title\" = ANY(@titles) GROUP BY \"Title\"", connection);
        command.Parameters.AddWithValue("titles", titles.ToArray());
        var counts = new Dictionary<string, int>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            counts[reader.GetString(0)] = reader.GetInt32(1);
        }

        return counts;
    }

    private static HttpClient NewClient(RunningPortal portal) =>
        new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true })
        {
            BaseAddress = portal.BaseAddress,
            Timeout = TimeSpan.FromSeconds(30),
        };

    private static IEnumerable<KeyValuePair<string, string>> EntryFields(int cycle, string title) =>
    [
        new("Input.NormNumber", "3"),
        new("Input.CycleId", cycle.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("Input.Kind", nameof(EntryKind.ImplementationStep)),
        new("Input.PracticeCategories", nameof(PracticeCategory.InstitutionsAndCerts)),
        new("Input.Title", title),
        new("Input.Summary", "Written while the database restarts."),
        new("Input.Body", "Every acknowledged draft must be stored exactly once."),
        new("Input.Language", "en"),
        new("Input.Visibility", nameof(TlpLabel.Clear)),
        new("Command", "save"),
    ];
}

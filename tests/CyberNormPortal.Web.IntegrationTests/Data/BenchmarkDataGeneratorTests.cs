using CyberNormPortal.Web.Data.Seeding;
using CyberNormPortal.Web.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CyberNormPortal.Web.IntegrationTests.Data;

public sealed class BenchmarkDataGeneratorTests(PortalFixture portal) : PortalTest(portal)
{
    [Fact]
    public async Task GenerateData_FillsEveryStateNormAndCycle_SearchableAtOnce_AndOnlyOnce()
    {
        var before = await Portal.WithDbAsync(db => db.Entries.CountAsync());

        await Portal.WithServicesAsync(services => services.GetRequiredService<BenchmarkDataGenerator>().RunAsync(1, TextWriter.Null));
        await Portal.WithServicesAsync(services => services.GetRequiredService<BenchmarkDataGenerator>().RunAsync(1, TextWriter.Null));

        var generated = await Portal.WithDbAsync(db => db.Entries.CountAsync()) - before;
        Assert.Equal(193 * 11 * 3, generated);
        var cells = await Portal.WithDbAsync(db => db.Entries.Where(e => e.ExternalKey!.StartsWith(BenchmarkDataGenerator.KeyPrefix))
            .Select(e => new { e.StateIso3, e.NormNumber, e.CycleId }).Distinct().CountAsync());
        Assert.Equal(193 * 11 * 3, cells);
        var (_, page) = await Portal.GetPageAsync("/search?q=incident&norm=3&cycle=bench-2026");
        Assert.Matches(@"^\d+ entries$", Text.Visible(page.QuerySelector("#results-heading")));
        var (_, entry) = await Portal.GetPageAsync(page.QuerySelector(".search-results h3 a")!.GetAttribute("href")!);
        Assert.Matches("(norm|norme|norma) 3 ", Text.Visible(entry.Body));

        // The benchmark's requests are pages that exist: every kind of each workload answers 200 to an anonymous reader.
        var directory = Directory.CreateTempSubdirectory("bench-urls").FullName;
        try
        {
            await Portal.WithServicesAsync(services => services.GetRequiredService<BenchmarkWorkloads>().WriteAsync(directory, TextWriter.Null));
            foreach (var file in new[] { "search.tsv", "mixed.tsv", "api.tsv" })
            {
                var lines = await File.ReadAllLinesAsync(Path.Combine(directory, file));
                Assert.True(lines.Length >= 1000, file);
                // The first request of each kind, and a few more of the file.
                var sample = lines.Select(l => l.Split('\t')).GroupBy(l => l[0]).Select(g => g.First()).Concat(lines.Take(20).Select(l => l.Split('\t')));
                foreach (var request in sample)
                {
                    using var response = await Portal.CreateClient().GetAsync(request[2]);
                    Assert.True(response.IsSuccessStatusCode, $"{file}: {request[2]} answered {(int)response.StatusCode}");
                }
            }
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}

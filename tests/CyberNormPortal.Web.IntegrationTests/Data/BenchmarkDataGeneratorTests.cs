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
        Assert.Contains("norm 3", Text.Visible(entry.Body));
    }
}

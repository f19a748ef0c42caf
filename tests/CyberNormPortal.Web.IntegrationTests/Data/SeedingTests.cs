using CyberNormPortal.Domain.Entries;
using CyberNormPortal.Domain.States;
using CyberNormPortal.Web.Data.Seeding;
using CyberNormPortal.Web.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CyberNormPortal.Web.IntegrationTests.Data;

public sealed class SeedingTests(PortalFixture fixture) : PortalTest(fixture)
{
    private static readonly string[] Tables =
        ["Norms", "States", "Groups", "GroupMemberships", "Cycles", "Entries", "Revisions", "SynthesisStatements"];

    [Fact]
    public async Task SeedingTwice_ChangesNothing_AndLeavesTheSameRows()
    {
        var before = await SnapshotAsync();

        var changes = await Portal.WithServicesAsync(s => s.GetRequiredService<ReferenceDataSeeder>().SeedAsync());

        Assert.Equal(0, changes);
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task Seed_HoldsTheNormsTheStatesTheG7AndThe2019Synthesis()
    {
        await Portal.WithDbAsync(async db =>
        {
            Assert.Equal(Enumerable.Range(1, 11), await db.Norms.OrderBy(n => n.Number).Select(n => n.Number).ToListAsync());
            Assert.Equal(193, await db.States.CountAsync());
            Assert.Equal(
                new Dictionary<RegionalGroup, int>
                {
                    [RegionalGroup.African] = 54,
                    [RegionalGroup.AsiaPacific] = 54,
                    [RegionalGroup.EasternEuropean] = 23,
                    [RegionalGroup.LatinAmericanAndCaribbean] = 33,
                    [RegionalGroup.WesternEuropeanAndOthers] = 29,
                },
                await db.States.GroupBy(s => s.RegionalGroup).ToDictionaryAsync(g => g.Key, g => g.Count()));
            Assert.Equal(RegionalGroup.WesternEuropeanAndOthers, (await db.States.SingleAsync(s => s.Iso3 == "USA")).RegionalGroup);
            Assert.Equal(RegionalGroup.WesternEuropeanAndOthers, (await db.States.SingleAsync(s => s.Iso3 == "TUR")).RegionalGroup);
            Assert.Equal(RegionalGroup.AsiaPacific, (await db.States.SingleAsync(s => s.Iso3 == "KIR")).RegionalGroup);

            var g7 = await db.Groups.Include(g => g.Memberships).SingleAsync(g => g.Slug == "g7");
            Assert.Equal(["CAN", "DEU", "FRA", "GBR", "ITA", "JPN", "USA"], g7.Memberships.Select(m => m.StateIso3).Order());
            Assert.Equal(7, await db.States.CountAsync(s => s.Participation == InitiativeParticipation.Member));

            var entries = await db.Entries.Where(e => e.GroupId == g7.Id).ToListAsync();
            Assert.Equal(27, entries.Count);
            Assert.All(entries, e =>
            {
                Assert.Equal(EntryStatus.Published, e.Status);
                Assert.Equal(TlpLabel.Clear, e.Visibility);
                Assert.Null(e.StateIso3);
            });
            Assert.Equal(11, await db.SynthesisStatements.CountAsync(s => s.GroupId == g7.Id));
        });
    }

    /// <summary>Every row of every seeded table, as text, so any change at all shows.</summary>
    private async Task<Dictionary<string, string>> SnapshotAsync()
    {
        var snapshot = new Dictionary<string, string>();
        await using var connection = new NpgsqlConnection(Portal.ConnectionString);
        await connection.OpenAsync();
        foreach (var table in Tables)
        {
            await using var command = new NpgsqlCommand(
                $"SELECT count(*) || ':' || coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '') FROM \"{table}\" t",
                connection);
            snapshot[table] = (string)(await command.ExecuteScalarAsync())!;
        }

        return snapshot;
    }
}

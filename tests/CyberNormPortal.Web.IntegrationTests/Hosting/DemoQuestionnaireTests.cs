using CyberNormPortal.Web.Data.Seeding;
using CyberNormPortal.Web.Identity;
using CyberNormPortal.Web.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CyberNormPortal.Web.IntegrationTests.Hosting;

/// <summary>The development seed gives the demo's open cycle the illustrative questionnaire; nothing else starts with one.</summary>
public sealed class DemoQuestionnaireTests(PortalFixture portal) : PortalTest(portal)
{
    [Fact]
    public async Task OutsideDevelopment_ThePortalStartsWithNoQuestionnaireOrChecklist()
    {
        Assert.False(await Portal.WithDbAsync(db => db.Questionnaires.AnyAsync()));
        Assert.False(await Portal.WithDbAsync(db => db.ChecklistActions.AnyAsync()));
    }

    [Fact]
    public async Task DemoSeed_GivesTheOpenCycleTheIllustrativeQuestionnaire_OnceAcrossRestarts()
    {
        await SeedAsync();
        await SeedAsync();

        var seeded = await Portal.WithDbAsync(db => db.Questionnaires.AsNoTracking().Include(q => q.Actions)
            .Join(db.Cycles, q => q.CycleId, c => c.Id, (q, c) => new { c.Slug, c.IsOpen, q.Version, q.Parts.Count, Actions = q.Actions.Select(a => a.Source).ToList() })
            .ToListAsync());
        var one = Assert.Single(seeded);
        Assert.Equal((DemoAccounts.DemoCycleSlug, true, 1, 4), (one.Slug, one.IsOpen, one.Version, one.Count));
        Assert.Equal(22, one.Actions.Count);
        Assert.All(one.Actions, source => Assert.StartsWith(IllustrativeQuestionnaire.Source, source));
        Assert.Contains("Illustrative", IllustrativeQuestionnaire.Source);
    }

    [Fact]
    public async Task DemoSeed_LeavesAQuestionnaireAModeratorBuiltAlone()
    {
        var cycle = await Portal.OpenCycleAsync();
        await Portal.WithDbAsync(async db =>
        {
            db.Questionnaires.Add(Domain.Reports.Questionnaire.CreateDefault(cycle, new Dictionary<Domain.Reports.PartKind, string>
            {
                [Domain.Reports.PartKind.InternationalLaw] = "Law",
                [Domain.Reports.PartKind.Norms] = "Norms",
                [Domain.Reports.PartKind.ConfidenceBuilding] = "CBMs",
                [Domain.Reports.PartKind.CapacityBuilding] = "Capacity",
            }, DateTimeOffset.UtcNow));
            return await db.SaveChangesAsync();
        });

        await SeedAsync();

        Assert.Equal(1, await Portal.WithDbAsync(db => db.Questionnaires.CountAsync()));
        Assert.False(await Portal.WithDbAsync(db => db.ChecklistActions.AnyAsync()));
    }

    private Task SeedAsync() => Portal.WithServicesAsync(async services =>
    {
        await services.GetRequiredService<DemoAccounts>().SeedAsync();
        return true;
    });
}

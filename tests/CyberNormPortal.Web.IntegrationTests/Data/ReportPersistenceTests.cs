using CyberNormPortal.Domain.Entries;
using CyberNormPortal.Domain.Reports;
using CyberNormPortal.Web.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CyberNormPortal.Web.IntegrationTests.Data;

/// <summary>A report's answers and published versions come back from PostgreSQL as they were saved.</summary>
public sealed class ReportPersistenceTests(PortalFixture fixture) : PortalTest(fixture)
{
    [Fact]
    public async Task PublishedReport_ReadBack_KeepsItsAnswersVersionAndFrozenQuestionnaire()
    {
        var cycle = await Portal.OpenCycleAsync();
        var questionnaireId = await Portal.CreateQuestionnaireAsync(cycle);
        var reportId = await Portal.CreateReportAsync("FRA", cycle, EntryStatus.Published, norms: [8]);

        var (report, questionnaire) = await Portal.WithDbAsync(async db => (
            await db.Reports.AsNoTracking().Include(r => r.Parts).Include(r => r.Versions).Include(r => r.Events).SingleAsync(r => r.Id == reportId),
            await db.Questionnaires.AsNoTracking().Include(q => q.Actions).SingleAsync(q => q.Id == questionnaireId)));

        Assert.True(questionnaire.IsFrozen);
        Assert.Equal(EntryStatus.Published, report.Status);
        Assert.Equal(4, report.Parts.Count);
        var normsAnswers = report.Parts.Single(p => p.Answers.Actions.Count > 0).Answers.Actions;
        Assert.Equal(questionnaire.Actions.Where(a => a.NormNumber == 8).Select(a => a.Key).Order(), normsAnswers.Select(a => a.ActionKey).Order());
        Assert.All(normsAnswers, a => Assert.Equal(ChecklistStatus.Implemented, a.Status));
        var version = Assert.Single(report.Versions);
        Assert.Equal(1, report.PublishedVersionNumber);
        Assert.Equal(normsAnswers.Count, version.Parts.Sum(p => p.Answers.Actions.Count));
        var readRows = await Portal.WithDbAsync(db => db.PublishedActionStatuses.Where(a => a.ReportId == reportId).CountAsync());
        Assert.Equal(normsAnswers.Count, readRows);
        Assert.Equal([WorkflowAction.Submit, WorkflowAction.Approve], report.Events.OrderBy(e => e.At).ThenBy(e => e.Id).Select(e => e.Action));
    }
}

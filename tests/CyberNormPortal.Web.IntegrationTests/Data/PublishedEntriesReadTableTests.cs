using CyberNormPortal.Domain.Entries;
using CyberNormPortal.Web.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CyberNormPortal.Web.IntegrationTests.Data;

/// <summary>
/// Readers list, search and count published entries from the read table the database keeps in step with
/// <c>Entries</c>. These follow one entry through its life and check what a reader meets after each step.
/// </summary>
public sealed class PublishedEntriesReadTableTests(PortalFixture fixture) : PortalTest(fixture)
{
    private static readonly WorkflowActor Contributor = new("u-fra-c", "French contributor", WorkflowRoles.Contributor, "FRA");
    private static readonly WorkflowActor Approver = new("u-fra-a", "French approver", WorkflowRoles.Approver, "FRA");
    private static readonly WorkflowActor Moderator = new("u-mod", "Moderator", WorkflowRoles.Moderator, null);
    private static readonly WorkflowContext France = new(StateIsInitiativeMember: true, StateHasSinglePointOfContact: false);

    [Fact]
    public async Task ReadersSeeThePublishedRevisionOnly_ThroughRedraftRepublicationAndWithdrawal()
    {
        var id = await Portal.WithDbAsync(async db =>
        {
            var cycle = await db.Cycles.Select(c => c.Id).FirstAsync();
            var entry = Entry.CreateDraft(10, cycle, "FRA", Content("Quokkas disclosure policy"), Contributor, DateTimeOffset.UtcNow);
            db.Entries.Add(entry);
            await db.SaveChangesAsync();
            return entry.Id;
        });
        Assert.Empty(await SearchTitlesAsync("quokkas"));

        await StepAsync(id, e => e.Apply(WorkflowAction.Submit, Contributor, France, DateTimeOffset.UtcNow));
        await StepAsync(id, e => e.Apply(WorkflowAction.Approve, Approver, France, DateTimeOffset.UtcNow));
        Assert.Equal(["Quokkas disclosure policy"], await SearchTitlesAsync("quokkas"));

        // A new draft changes nothing readers see until it is published.
        await StepAsync(id, e => e.Edit(Content("Wombats disclosure policy"), Contributor, DateTimeOffset.UtcNow));
        Assert.Equal(["Quokkas disclosure policy"], await SearchTitlesAsync("quokkas"));
        Assert.Empty(await SearchTitlesAsync("wombats"));

        await StepAsync(id, e => e.Apply(WorkflowAction.Submit, Contributor, France, DateTimeOffset.UtcNow));
        await StepAsync(id, e => e.Apply(WorkflowAction.Approve, Approver, France, DateTimeOffset.UtcNow));
        Assert.Empty(await SearchTitlesAsync("quokkas"));
        Assert.Equal(["Wombats disclosure policy"], await SearchTitlesAsync("wombats"));

        await StepAsync(id, e => e.Apply(WorkflowAction.Withdraw, Moderator, France, DateTimeOffset.UtcNow, "Superseded"));
        Assert.Empty(await SearchTitlesAsync("wombats"));
        var (_, norm) = await Portal.GetPageAsync("/norms/10");
        Assert.DoesNotContain("Wombats", norm.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithdrawingWhileANewRevisionIsInProgress_TakesTheEntryOutOfTheReadTable()
    {
        var id = await Portal.WithDbAsync(async db =>
        {
            var cycle = await db.Cycles.Select(c => c.Id).FirstAsync();
            var entry = Entry.CreateDraft(10, cycle, "FRA", Content("Echidna disclosure policy"), Contributor, DateTimeOffset.UtcNow);
            db.Entries.Add(entry);
            await db.SaveChangesAsync();
            return entry.Id;
        });
        await StepAsync(id, e => e.Apply(WorkflowAction.Submit, Contributor, France, DateTimeOffset.UtcNow));
        await StepAsync(id, e => e.Apply(WorkflowAction.Approve, Approver, France, DateTimeOffset.UtcNow));
        await StepAsync(id, e => e.Edit(Content("Echidna disclosure policy, revised"), Contributor, DateTimeOffset.UtcNow));
        await StepAsync(id, e => e.Apply(WorkflowAction.Submit, Contributor, France, DateTimeOffset.UtcNow));
        Assert.Equal(["Echidna disclosure policy"], await SearchTitlesAsync("echidna"));

        await StepAsync(id, e => e.Apply(WorkflowAction.Withdraw, Moderator, France, DateTimeOffset.UtcNow, "Wrong agency named"));

        Assert.Empty(await SearchTitlesAsync("echidna"));
        Assert.Equal(0, await Portal.WithDbAsync(db => db.Database.SqlQueryRaw<int>("SELECT count(*)::int AS \"Value\" FROM \"PublishedEntries\" WHERE \"Id\" = {0}", id).SingleAsync()));
        Assert.Equal(EntryStatus.Submitted, await Portal.WithDbAsync(db => db.Entries.Where(e => e.Id == id).Select(e => e.Status).SingleAsync()));
    }

    [Fact]
    public async Task APublicationRolledBack_NeverReachesReaders()
    {
        await Portal.WithDbAsync(async db =>
        {
            var cycle = await db.Cycles.Select(c => c.Id).FirstAsync();
            // The retrying execution strategy accepts a transaction of one's own only inside it.
            await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
            {
                await using var transaction = await db.Database.BeginTransactionAsync();
                db.Entries.Add(Entry.ImportPublished(
                    3, cycle, EntryAuthor.State("FRA"), Content("Platypus incident plan"), DateTimeOffset.UtcNow, "test/rollback", "Test"));
                await db.SaveChangesAsync();
                await transaction.RollbackAsync();
            });
        });

        Assert.Empty(await SearchTitlesAsync("platypus"));
    }

    [Fact]
    public async Task RenamingACycle_RenamesItWhereverItsEntriesAreListed()
    {
        await Portal.PublishAsync("FRA", title: "Narwhal exercise for the grid");
        await Portal.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(
            "UPDATE \"Cycles\" SET \"Name\" = 'Renamed cycle 2019' WHERE \"Id\" = (SELECT MIN(\"Id\") FROM \"Cycles\")"));

        var (_, page) = await Portal.GetPageAsync("/search?q=narwhal");
        Assert.Contains("Renamed cycle 2019", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    private static EntryContent Content(string title) => new(
        EntryKind.BestPractice, title, "A summary of the policy.", "The body.", "en", TlpLabel.Clear,
        [PracticeCategory.VulnerabilityDisclosure], []);

    private Task StepAsync(int id, Action<Entry> step) =>
        Portal.WithDbAsync(async db =>
        {
            var entry = await db.Entries.Include(e => e.Revisions).Include(e => e.ReviewEvents).SingleAsync(e => e.Id == id);
            step(entry);
            await db.SaveChangesAsync();
        });

    private async Task<List<string>> SearchTitlesAsync(string words)
    {
        var (_, page) = await Portal.GetPageAsync($"/search?q={words}");
        return [.. page.QuerySelectorAll("main ol.search-results h3").Select(h => Text.Visible(h))];
    }
}

using CyberNormPortal.Domain.Entries;
using Microsoft.EntityFrameworkCore;

namespace CyberNormPortal.Web.IntegrationTests.Infrastructure;

/// <summary>Intent-level helpers that put entries in the portal's database.</summary>
public static class TestEntries
{
    public static Task<int> PublishAsync(
        this PortalFixture portal,
        string stateIso3,
        int norm = 3,
        string title = "National CSIRT established by law",
        string summary = "A national CSIRT coordinates incident response.",
        string body = "The **CSIRT** was created in 2020.",
        TlpLabel visibility = TlpLabel.Clear,
        EntryKind kind = EntryKind.ImplementationStep) =>
        portal.WithDbAsync(async db =>
        {
            var cycle = await db.Cycles.Select(c => c.Id).FirstAsync();
            var content = new EntryContent(
                kind, title, summary, body, "en", visibility, [PracticeCategory.InstitutionsAndCerts], []);
            var entry = Entry.ImportPublished(
                norm, cycle, EntryAuthor.State(stateIso3), content, DateTimeOffset.UtcNow, $"test/{Guid.NewGuid():N}", "Test");
            db.Entries.Add(entry);
            await db.SaveChangesAsync();
            return entry.Id;
        });
}

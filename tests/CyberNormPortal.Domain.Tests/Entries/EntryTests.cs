using CyberNormPortal.Domain.Common;
using CyberNormPortal.Domain.Entries;

namespace CyberNormPortal.Domain.Tests.Entries;

public sealed class EntryTests
{
    private static readonly DateTimeOffset PublishedAt = new(2019, 8, 26, 0, 0, 0, TimeSpan.Zero);

    private static EntryContent Content(TlpLabel visibility = TlpLabel.Clear) => new(
        EntryKind.BestPractice,
        "Incident categorisation framework",
        "Officials classify incidents by severity.",
        "Body",
        "en",
        visibility,
        [PracticeCategory.IncidentResponseAndCrisisManagement, PracticeCategory.IncidentResponseAndCrisisManagement],
        [new EntryReference("Framework", "https://example.org", ReferenceKind.Guidance)]);

    [Fact]
    public void ImportPublished_StartsPublishedWithTheTextAsRevisionOne()
    {
        var entry = Entry.ImportPublished(2, 1, EntryAuthor.JointGroup(7), Content(), PublishedAt, "g7/02/04", "G7 synthesis");

        Assert.Equal(EntryStatus.Published, entry.Status);
        Assert.True(entry.IsPublic);
        Assert.Equal(1, entry.PublishedRevisionNumber);
        Assert.Equal(PublishedAt, entry.PublishedAt);
        var revision = Assert.Single(entry.Revisions);
        Assert.Equal(1, revision.Number);
        Assert.Equal("G7 synthesis", revision.SavedByName);
        Assert.Null(revision.SavedByUserId);
        Assert.Equal(Content().Title, revision.Title);
    }

    [Fact]
    public void ImportPublished_KeepsKindAndVisibilityOnTheEntryForFiltering()
    {
        var entry = Entry.ImportPublished(2, 1, EntryAuthor.State("KEN"), Content(TlpLabel.Green), PublishedAt, "k/1", "Import");

        Assert.Equal(EntryKind.BestPractice, entry.Kind);
        Assert.Equal(TlpLabel.Green, entry.Visibility);
        Assert.Equal("KEN", entry.StateIso3);
        Assert.Null(entry.GroupId);
    }

    [Fact]
    public void Revision_KeepsEachPracticeCategoryOnce()
    {
        var entry = Entry.ImportPublished(2, 1, EntryAuthor.State("KEN"), Content(), PublishedAt, "k/1", "Import");

        Assert.Equal([PracticeCategory.IncidentResponseAndCrisisManagement], entry.Revisions.Single().PracticeCategories);
    }

    [Fact]
    public void ImportPublished_WithoutASourceKey_IsRefused()
    {
        Assert.Throws<DomainException>(() =>
            Entry.ImportPublished(2, 1, EntryAuthor.State("KEN"), Content(), PublishedAt, " ", "Import"));
    }

    [Fact]
    public void Author_IsEitherAStateOrAGroup_NeverBoth()
    {
        var state = EntryAuthor.State("FRA");
        var group = EntryAuthor.JointGroup(1);

        Assert.Equal(("FRA", (int?)null), (state.StateIso3, state.GroupId));
        Assert.Equal(((string?)null, (int?)1), (group.StateIso3, group.GroupId));
    }
}

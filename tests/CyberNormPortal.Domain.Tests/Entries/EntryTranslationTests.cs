using CyberNormPortal.Domain.Common;
using CyberNormPortal.Domain.Entries;

namespace CyberNormPortal.Domain.Tests.Entries;

public sealed class EntryTranslationTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    private static readonly WorkflowActor Contributor = new("contributor-1", "Contributor", WorkflowRoles.Contributor, "KEN");
    private static readonly WorkflowActor Approver = new("approver-1", "Approver", WorkflowRoles.Approver, "KEN");
    private static readonly WorkflowContext Member = new(StateIsInitiativeMember: true, StateHasSinglePointOfContact: false);

    private static readonly EntryTranslation Spanish = new("es", "Equipo nacional de respuesta", "Un resumen.", "Un cuerpo.");

    private static EntryContent Content(params EntryTranslation[] translations) => new(
        EntryKind.BestPractice,
        "National response team",
        "A summary.",
        "A body.",
        "en",
        TlpLabel.Clear,
        [PracticeCategory.InstitutionsAndCerts],
        [])
    {
        Translations = translations,
    };

    [Fact]
    public void CreateDraft_KeepsTheTranslationsInTheFirstRevision()
    {
        var entry = Entry.CreateDraft(3, 1, "KEN", Content(Spanish), Contributor, Now);

        var revision = Assert.Single(entry.Revisions);
        var translation = Assert.Single(revision.Translations);
        Assert.Equal("es", translation.Language);
        Assert.Equal("Equipo nacional de respuesta", translation.Title);
        Assert.Equal(["en", "es"], revision.Languages);
    }

    [Fact]
    public void TextIn_TheReadersLanguage_IsTheTranslation()
    {
        var revision = Entry.CreateDraft(3, 1, "KEN", Content(Spanish), Contributor, Now).LatestRevision!;

        var text = revision.TextIn("es-CL");

        Assert.Equal("es", text.Language);
        Assert.Equal("Un cuerpo.", text.Body);
        Assert.False(text.IsOriginal);
    }

    [Fact]
    public void TextIn_ALanguageWithoutAVersion_IsTheOriginal()
    {
        var revision = Entry.CreateDraft(3, 1, "KEN", Content(Spanish), Contributor, Now).LatestRevision!;

        var text = revision.TextIn("fr");

        Assert.Equal("en", text.Language);
        Assert.Equal("National response team", text.Title);
        Assert.True(text.IsOriginal);
    }

    [Fact]
    public void ATranslationInTheOriginalLanguage_IsRefused()
    {
        var english = new EntryTranslation("EN", "Title", "Summary", "Body");

        var refused = Assert.Throws<DomainException>(() => Entry.CreateDraft(3, 1, "KEN", Content(english), Contributor, Now));
        Assert.Contains("another language than the original", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TwoTranslationsInOneLanguage_AreRefused()
    {
        var entry = Entry.CreateDraft(3, 1, "KEN", Content(), Contributor, Now);

        Assert.Throws<DomainException>(() => entry.Edit(Content(Spanish, new EntryTranslation("es", "Otro", "Otro", "Otro")), Contributor, Now));
        Assert.Single(entry.Revisions);
    }

    [Fact]
    public void ATranslationAddedToAPublishedEntry_WaitsForPublicationLikeTheText()
    {
        var entry = Entry.CreateDraft(3, 1, "KEN", Content(), Contributor, Now);
        entry.Apply(WorkflowAction.Submit, Contributor, Member, Now);
        entry.Apply(WorkflowAction.Approve, Approver, Member, Now);
        Assert.Equal(EntryStatus.Published, entry.Status);

        entry.Edit(Content(Spanish), Contributor, Now.AddDays(1));

        var published = entry.Revisions.Single(r => r.Number == entry.PublishedRevisionNumber);
        Assert.Empty(published.Translations);
        Assert.Equal("en", published.TextIn("es").Language);
        Assert.Equal("es", entry.LatestRevision!.TextIn("es").Language);

        entry.Apply(WorkflowAction.Submit, Contributor, Member, Now.AddDays(1));
        entry.Apply(WorkflowAction.Approve, Approver, Member, Now.AddDays(2));

        published = entry.Revisions.Single(r => r.Number == entry.PublishedRevisionNumber);
        Assert.Equal("Equipo nacional de respuesta", published.TextIn("es").Title);
    }

    [Fact]
    public void ToContent_CarriesTheTranslationsIntoTheNextRevision()
    {
        var entry = Entry.CreateDraft(3, 1, "KEN", Content(Spanish), Contributor, Now);

        entry.Edit(entry.LatestRevision!.ToContent(), Contributor, Now.AddHours(1));

        Assert.Equal("es", Assert.Single(entry.LatestRevision!.Translations).Language);
    }
}

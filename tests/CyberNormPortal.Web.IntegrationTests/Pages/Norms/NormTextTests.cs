using System.Net;
using System.Resources;
using CyberNormPortal.Web.Auditing;
using CyberNormPortal.Web.Data.Seeding;
using CyberNormPortal.Web.Identity;
using CyberNormPortal.Web.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CyberNormPortal.Web.IntegrationTests.Pages.Norms;

/// <summary>
/// A norm's official text in the reader's language once a moderator has entered it from the official document;
/// until then the English original, marked as English, with a note saying so — never a translation passed off as official.
/// </summary>
public sealed class NormTextTests(PortalFixture portal) : PortalTest(portal)
{
    /// <summary>The moderators' page: <see cref="NormTextPages_NonModerators_AreRefusedAndChangeNothing"/> asks who may reach it.</summary>
    public static readonly IReadOnlyCollection<string> CoveredEndpoints = ["GET /moderation/norm-texts", "POST /moderation/norm-texts"];

    private const string FrenchText =
        "Conformément aux buts des Nations Unies, notamment le maintien de la paix et de la sécurité internationales, "
        + "les États devraient coopérer à l'élaboration et à l'application de mesures visant à accroître la stabilité et la sécurité.";

    private const string FrenchSource = "A/70/174, par. 13 a)";

    [Fact]
    public async Task Seed_GivesEveryNormItsEnglishOfficialTextWithItsSource()
    {
        var texts = await Portal.WithDbAsync(db => db.NormTexts.AsNoTracking().ToListAsync());

        Assert.Equal(Enumerable.Range(1, 11), texts.Select(t => t.NormNumber).Order());
        Assert.All(texts, t => Assert.Equal("en", t.Language));
        foreach (var text in texts)
        {
            Assert.Contains(ReferenceDocuments.OfficialNormTexts()[text.NormNumber], text.Text, StringComparison.Ordinal);
            Assert.Contains("A/70/174", text.Source, StringComparison.Ordinal);
            Assert.Null(text.EnteredBy);
        }
    }

    [Theory]
    [InlineData("fr")]
    [InlineData("ar")]
    [InlineData("zh")]
    public async Task NormPage_WithoutTheReadersOfficialText_ShowsTheEnglishMarkedEnglish_WithANote(string language)
    {
        using var reader = Reader(language);

        var page = await reader.GetAsync("/norms/1");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var figure = page.Document.QuerySelector("figure.norm-text")!;
        Assert.Equal(("en", "ltr"), (figure.GetAttribute("lang"), figure.GetAttribute("dir")));
        Assert.StartsWith("Consistent with the purposes of the United Nations", Text.Visible(figure.QuerySelector("blockquote")), StringComparison.Ordinal);
        Assert.NotNull(page.Document.QuerySelector("#norm-text-note"));
        Assert.Equal("norm-text-note", figure.GetAttribute("aria-describedby"));
    }

    [Fact]
    public async Task NormPage_ForAnEnglishReader_ShowsTheEnglishWithoutANote()
    {
        using var reader = Reader("en");

        var page = await reader.GetAsync("/norms/1");

        Assert.Equal("en", page.Document.QuerySelector("figure.norm-text")!.GetAttribute("lang"));
        Assert.Null(page.Document.QuerySelector("#norm-text-note"));
    }

    [Fact]
    public async Task ModeratorEntersTheFrenchText_FrenchReadersSeeIt_OthersStillTheEnglish_AndItIsAudited()
    {
        using var french = Reader("fr");
        using var english = Reader("en");
        // Both pages are in the anonymous output cache before the text is entered.
        Assert.NotNull((await french.GetAsync("/norms/1")).Document.QuerySelector("#norm-text-note"));
        await english.GetAsync("/norms/1");
        var (moderator, moderatorUser) = await Portal.SignInAsAsync(PortalRoles.Moderator);

        var saved = await moderator.SubmitAsync("/moderation/norm-texts?norm=1&language=fr", new Dictionary<string, object?>
        {
            ["Input.Text"] = FrenchText,
            ["Input.Source"] = FrenchSource,
        }, "form.form");

        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        var frenchPage = await french.GetAsync("/norms/1");
        var figure = frenchPage.Document.QuerySelector("figure.norm-text")!;
        Assert.Equal("fr", figure.GetAttribute("lang"));
        Assert.Equal(FrenchText, Text.Visible(figure.QuerySelector("blockquote")));
        Assert.Equal(FrenchSource, Text.Visible(figure.QuerySelector("figcaption")));
        Assert.Null(frenchPage.Document.QuerySelector("#norm-text-note"));
        var englishPage = await english.GetAsync("/norms/1");
        Assert.Equal("en", englishPage.Document.QuerySelector("figure.norm-text")!.GetAttribute("lang"));
        Assert.StartsWith("Consistent with", Text.Visible(englishPage.Document.QuerySelector("blockquote")), StringComparison.Ordinal);

        var list = await french.GetAsync("/norms");
        var first = list.Document.QuerySelector(".norm-list__item p[lang]")!;
        Assert.Equal(("fr", FrenchText), (first.GetAttribute("lang"), Text.Visible(first)));
        Assert.Equal("en", list.Document.QuerySelectorAll(".norm-list__item p[lang]")[1].GetAttribute("lang"));

        var stored = await Portal.WithDbAsync(db => db.NormTexts.SingleAsync(t => t.NormNumber == 1 && t.Language == "fr"));
        Assert.Equal((FrenchText, FrenchSource, moderatorUser.Id), (stored.Text, stored.Source, stored.EnteredBy));
        var audit = await Portal.WithDbAsync(db => db.AuditRecords.Where(a => a.Subject == AuditSubjects.NormText(1, "fr")).ToListAsync());
        var record = Assert.Single(audit);
        Assert.Equal((AuditActions.NormTextSaved, moderatorUser.Id), (record.Action, record.UserId));
    }

    [Fact]
    public async Task ModeratorEntersATextAgain_ItReplacesTheOld_AndTheFormOpensWithTheStoredOne()
    {
        var (moderator, _) = await Portal.SignInAsAsync(PortalRoles.Moderator);
        await moderator.SubmitAsync("/moderation/norm-texts?norm=2&language=es", new Dictionary<string, object?>
        {
            ["Input.Text"] = "Texto primero.",
            ["Input.Source"] = "A/70/174, párr. 13 b)",
        }, "form.form");

        var form = await moderator.GetAsync("/moderation/norm-texts?norm=2&language=es");
        Assert.Equal("Texto primero.", Text.Visible(form.Document.QuerySelector("textarea[name='Input.Text']")));
        await moderator.SubmitAsync(form, new Dictionary<string, object?> { ["Input.Text"] = "Texto oficial." }, "form.form");

        var texts = await Portal.WithDbAsync(db => db.NormTexts.Where(t => t.NormNumber == 2 && t.Language == "es").Select(t => t.Text).ToListAsync());
        Assert.Equal(["Texto oficial."], texts);
        Assert.Equal(2, await Portal.WithDbAsync(db => db.AuditRecords.CountAsync(a => a.Subject == AuditSubjects.NormText(2, "es"))));
    }

    [Theory]
    [InlineData("en", "The official text", "A/70/174", "Input.Language")] // the English is the seed data's, not a moderator's
    [InlineData("xx", "The official text", "A/70/174", "Input.Language")]
    [InlineData("ru", "", "A/70/174", "Input.Text")]
    [InlineData("ru", "Официальный текст", "", "Input.Source")]
    public async Task ModeratorForm_RefusesWhatIsNotAnOfficialTextWithItsSource(string language, string text, string source, string field)
    {
        var (moderator, _) = await Portal.SignInAsAsync(PortalRoles.Moderator);
        var before = await Portal.WithDbAsync(db => db.NormTexts.Select(t => t.Text).OrderBy(t => t).ToListAsync());

        var response = await moderator.SubmitAsync("/moderation/norm-texts", new Dictionary<string, object?>
        {
            ["Input.NormNumber"] = "3",
            ["Input.Language"] = language,
            ["Input.Text"] = text,
            ["Input.Source"] = source,
        }, "form.form");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.NotNull(response.FieldError(field));
        Assert.Equal(before, await Portal.WithDbAsync(db => db.NormTexts.Select(t => t.Text).OrderBy(t => t).ToListAsync()));
    }

    public static TheoryData<string, string?, bool, string> NonModerators => new()
    {
        { PortalRoles.Analyst, null, false, "/account/access-denied" },
        { PortalRoles.Contributor, "KEN", false, "/account/access-denied" },
        { PortalRoles.Approver, "KEN", false, "/account/access-denied" },
        { PortalRoles.Administrator, null, true, "/account/access-denied" },
        { PortalRoles.Moderator, null, false, "/account/two-factor?required=true" },
    };

    [Theory]
    [MemberData(nameof(NonModerators))]
    public async Task NormTextPages_NonModerators_AreRefusedAndChangeNothing(string role, string? state, bool twoFactor, string refusal)
    {
        var browser = await Portal.SignInAsync(await Portal.CreateUserAsync(role, state, twoFactor));

        var page = await browser.GetAsync("/moderation/norm-texts");
        var post = await browser.PostWithTokenAsync("/moderation/norm-texts",
            [new("Input.NormNumber", "1"), new("Input.Language", "fr"), new("Input.Text", "Texte"), new("Input.Source", "A/70/174")]);

        Assert.StartsWith(refusal, page.RedirectPath);
        Assert.StartsWith(refusal, post.RedirectPath);
        Assert.False(await Portal.WithDbAsync(db => db.NormTexts.AnyAsync(t => t.Language == "fr")));
    }

    [Fact]
    public async Task NormTextPages_Anonymous_AreSentToSignIn()
    {
        using var browser = Portal.NewBrowser();

        Assert.StartsWith("/account/sign-in", (await browser.GetAsync("/moderation/norm-texts")).RedirectPath);
        Assert.StartsWith("/account/sign-in", (await browser.PostWithTokenAsync("/moderation/norm-texts", [new("Input.Language", "fr")])).RedirectPath);
    }

    [Fact]
    public void EveryNormShortTitle_HasAnEnglishResource_SoTranslatorsCanTranslateIt()
    {
        var resources = new ResourceManager("CyberNormPortal.Web.Resources.SharedResource", typeof(SharedResource).Assembly);
        var titles = ReferenceDataSeeder.ReadSeedFile<NormsFile>("norms.json").Norms.Select(n => n.ShortTitle).ToList();

        Assert.Equal(11, titles.Count);
        Assert.All(titles, title => Assert.Equal(title, resources.GetString(title, new System.Globalization.CultureInfo("en"))));
    }

    private Browser Reader(string language)
    {
        var browser = Portal.NewBrowser();
        browser.Client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        return browser;
    }

    private sealed record NormsFile(List<NormRecord> Norms);

    private sealed record NormRecord(int Number, string ShortTitle);
}

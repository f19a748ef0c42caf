using System.Globalization;
using System.Net;
using CyberNormPortal.Domain.Entries;
using CyberNormPortal.Web.Data;
using CyberNormPortal.Web.Identity;
using CyberNormPortal.Web.IntegrationTests.Api;
using CyberNormPortal.Web.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CyberNormPortal.Web.IntegrationTests.Pages.Entries;

/// <summary>
/// An entry read across languages: readers see their language where a version exists, else the original labelled, with
/// links to the other versions; each block of entry text carries its own lang and dir; translations are written in the
/// entry form and checked there.
/// </summary>
public sealed class EntryLanguagesTests(PortalFixture portal) : PortalTest(portal)
{
    private static readonly EntryTranslation Spanish = new(
        "es", "Equipo nacional de respuesta a incidentes", "Chile creó un equipo de respuesta.", "El **equipo** coordina la respuesta.");

    private Task<int> PublishEnglishWithSpanishAsync() => Portal.PublishAsync(
        "CHL", title: "National incident response team", summary: "Chile set up a response team.",
        body: "The **team** coordinates the response.", translations: [Spanish]);

    /// <summary>The form of a new Chilean entry in English with one translation, saved as a draft.</summary>
    private static Dictionary<string, object?> ChileanEntry(int cycle, string language, string title, string summary, string body) => new()
    {
        ["Input.NormNumber"] = "3",
        ["Input.CycleId"] = cycle.ToString(CultureInfo.InvariantCulture),
        ["Input.Kind"] = nameof(EntryKind.BestPractice),
        ["Input.PracticeCategories"] = new[] { nameof(PracticeCategory.InstitutionsAndCerts) },
        ["Input.Title"] = "National incident response team",
        ["Input.Summary"] = "Chile set up a response team.",
        ["Input.Body"] = "The team coordinates the response.",
        ["Input.Language"] = "en",
        ["Input.Visibility"] = nameof(TlpLabel.Clear),
        ["Input.Translations[0].Language"] = language,
        ["Input.Translations[0].Title"] = title,
        ["Input.Translations[0].Summary"] = summary,
        ["Input.Translations[0].Body"] = body,
        ["Command"] = "save",
    };

    [Fact]
    public async Task SpanishReader_SeesTheSpanishVersion_EnglishReaderTheOriginal_EachWithLinksToTheOther()
    {
        var id = await PublishEnglishWithSpanishAsync();

        var spanish = await ReadAsAsync("es", $"/entries/{id}");
        Assert.Equal(HttpStatusCode.OK, spanish.Status);
        var title = spanish.Document.QuerySelector("main h1")!;
        Assert.Equal("Equipo nacional de respuesta a incidentes", title.TextContent.Trim());
        Assert.Equal("es", title.GetAttribute("lang"));
        Assert.Equal("ltr", title.GetAttribute("dir"));
        var summary = spanish.Document.QuerySelector(".entry__summary")!;
        Assert.Equal("Chile creó un equipo de respuesta.", summary.TextContent.Trim());
        Assert.Equal("es", summary.GetAttribute("lang"));
        var body = spanish.Document.QuerySelector(".entry__body [lang]")!;
        Assert.Equal("es", body.GetAttribute("lang"));
        Assert.Equal("equipo", body.QuerySelector("strong")?.TextContent);
        Assert.DoesNotContain("National incident response team", spanish.Text, StringComparison.Ordinal);
        var toEnglish = Assert.Single(spanish.Document.QuerySelectorAll(".entry__versions a"));
        Assert.Equal($"/entries/{id}?lang=en", toEnglish.GetAttribute("href"));
        Assert.Equal("en", toEnglish.GetAttribute("hreflang"));

        var english = await ReadAsAsync("en", $"/entries/{id}");
        Assert.Equal("National incident response team", english.Document.QuerySelector("main h1")!.TextContent.Trim());
        Assert.Equal("en", english.Document.QuerySelector("main h1")!.GetAttribute("lang"));
        Assert.Equal("team", english.Document.QuerySelector(".entry__body [lang='en'] strong")?.TextContent);
        Assert.Contains("Original in English", english.Document.QuerySelector(".entry__language")!.TextContent, StringComparison.Ordinal);
        var toSpanish = Assert.Single(english.Document.QuerySelectorAll(".entry__versions a"));
        Assert.Equal($"/entries/{id}?lang=es", toSpanish.GetAttribute("href"));
        Assert.Equal("Español", toSpanish.TextContent.Trim());

        // The link leads to the other version, whatever the reader's own language.
        var followed = await ReadAsAsync("en", toSpanish.GetAttribute("href")!);
        Assert.Equal("Equipo nacional de respuesta a incidentes", followed.Document.QuerySelector("main h1")!.TextContent.Trim());
    }

    [Fact]
    public async Task ReaderOfALanguageWithoutAVersion_SeesTheOriginalLabelled_AndListsShowTheReadersVersion()
    {
        var id = await PublishEnglishWithSpanishAsync();

        var arabic = await ReadAsAsync("ar", $"/entries/{id}");
        var title = arabic.Document.QuerySelector("main h1")!;
        Assert.Equal("National incident response team", title.TextContent.Trim());
        Assert.Equal("en", title.GetAttribute("lang"));
        Assert.Equal("ltr", title.GetAttribute("dir"));
        Assert.Equal($"/entries/{id}?lang=es", Assert.Single(arabic.Document.QuerySelectorAll(".entry__versions a")).GetAttribute("href"));
        // "Original in English", in Arabic, naming English in Arabic (CLDR's name).
        var note = new System.Resources.ResourceManager("CyberNormPortal.Web.Resources.SharedResource", typeof(SharedResource).Assembly)
            .GetString("Original in {0}", System.Globalization.CultureInfo.GetCultureInfo("ar"))!;
        Assert.Equal(string.Format(System.Globalization.CultureInfo.InvariantCulture, note, "الإنجليزية"), arabic.Document.QuerySelector(".entry__language")!.TextContent.Trim());

        // An Arabic entry inside an English page reads right to left.
        var arabicEntry = await Portal.PublishAsync("EGY", title: "فريق وطني للاستجابة", summary: "أنشأت مصر فريقا وطنيا.", body: "نص.", language: "ar");
        var egypt = await ReadAsAsync("en", $"/entries/{arabicEntry}");
        Assert.Equal("rtl", egypt.Document.QuerySelector("main h1")!.GetAttribute("dir"));
        Assert.Equal("rtl", egypt.Document.QuerySelector(".entry__summary")!.GetAttribute("dir"));

        // A norm's list of entries: the Spanish reader's version, marked with its language.
        var list = await ReadAsAsync("es", "/norms/3");
        var card = list.Document.QuerySelectorAll(".entry-card").Single(c => c.QuerySelector("a")!.GetAttribute("href") == $"/entries/{id}");
        Assert.Equal("Equipo nacional de respuesta a incidentes", card.QuerySelector(".entry-card__title")!.TextContent.Trim());
        Assert.Equal("es", card.QuerySelector(".entry-card__title")!.GetAttribute("lang"));
        Assert.Equal("Chile creó un equipo de respuesta.", card.QuerySelector(".entry-card__summary")!.TextContent.Trim());
        var egyptCard = list.Document.QuerySelectorAll(".entry-card").Single(c => c.QuerySelector("a")!.GetAttribute("href") == $"/entries/{arabicEntry}");
        Assert.Equal("rtl", egyptCard.QuerySelector(".entry-card__summary")!.GetAttribute("dir"));
        Assert.NotNull(egyptCard.QuerySelector(".text-language"));
    }

    [Fact]
    public async Task Api_LangEs_ReturnsTheSpanishText_SaysSo_AndListsTheVersions()
    {
        var id = await PublishEnglishWithSpanishAsync();
        using var client = Portal.CreateClient();

        var item = await client.GetOkJsonAsync($"/api/v1/entries/{id}?lang=es");
        Assert.Equal("Equipo nacional de respuesta a incidentes", (string?)item["title"]);
        Assert.Equal("El **equipo** coordina la respuesta.", (string?)item["body"]);
        Assert.Equal("es", (string?)item["language"]);
        Assert.Equal("en", (string?)item["originalLanguage"]);
        Assert.Equal(["en", "es"], item["languages"]!.AsArray().Select(l => (string?)l));

        var original = await client.GetOkJsonAsync($"/api/v1/entries/{id}");
        Assert.Equal("National incident response team", (string?)original["title"]);
        Assert.Equal("en", (string?)original["language"]);

        var french = await client.GetOkJsonAsync($"/api/v1/entries/{id}?lang=fr");
        Assert.Equal("en", (string?)french["language"]);

        var list = await client.GetOkJsonAsync("/api/v1/entries?state=CHL&lang=es&pageSize=1");
        var listed = list["items"]!.AsArray().Single()!;
        Assert.Equal("Chile creó un equipo de respuesta.", (string?)listed["summary"]);
        Assert.Equal("es", (string?)listed["language"]);
        Assert.Contains("lang=es", (string?)list["links"]!["self"], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/v1/entries?lang=de")]
    [InlineData("/api/v1/entries/{0}?lang=klingon")]
    [InlineData("/api/v1/synthesis?lang=pt")]
    public async Task Api_LangNotOneOfTheSix_Is400NamingIt(string url)
    {
        var id = await PublishEnglishWithSpanishAsync();
        using var client = Portal.CreateClient();

        var (status, json) = await client.GetJsonAsync(string.Format(CultureInfo.InvariantCulture, url, id));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.NotNull(json!["errors"]!["lang"]);
    }

    [Fact]
    public async Task Form_TranslationInTheOriginalLanguage_AndTooLongTitle_AreExplainedByTheirFields_AndKept()
    {
        var cycle = await Portal.OpenCycleAsync();
        var (contributor, _) = await Portal.SignInAsAsync(PortalRoles.Contributor, "CHL");
        var longTitle = new string('T', FieldLengths.EntryTitle + 1);

        var response = await contributor.SubmitAsync("/entries/new", ChileanEntry(cycle, "en", longTitle, "Resumen escrito a mano.", "Cuerpo *escrito* a mano."));

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("A translation must be in another language than the original.", response.FieldError("Input.Translations[0].Language"));
        Assert.Equal("The title can have at most 200 characters.", response.FieldError("Input.Translations[0].Title"));
        Assert.Null(response.FieldError("Input.Translations[0].Summary"));
        Assert.Equal(longTitle, response.InputValue("Input.Translations[0].Title"));
        Assert.Equal("Resumen escrito a mano.", response.InputValue("Input.Translations[0].Summary"));
        Assert.Equal("Cuerpo *escrito* a mano.", response.InputValue("Input.Translations[0].Body"));
        Assert.Equal("en", response.InputValue("Input.Translations[0].Language"));
        Assert.Equal("National incident response team", response.InputValue("Input.Title"));
        Assert.Equal(0, await Portal.WithDbAsync(db => db.Entries.CountAsync(e => e.StateIso3 == "CHL")));
    }

    [Fact]
    public async Task Form_TwoTranslationsInOneLanguage_TheSecondIsRefused()
    {
        var cycle = await Portal.OpenCycleAsync();
        var (contributor, _) = await Portal.SignInAsAsync(PortalRoles.Contributor, "CHL");

        var added = await contributor.SubmitAsync("/entries/new", new Dictionary<string, object?> { ["Command"] = "add-translation" });
        Assert.NotNull(added.Document.QuerySelector("[name='Input.Translations[1].Language']"));

        var response = await contributor.SubmitAsync(added, new Dictionary<string, object?>
        {
            ["Input.NormNumber"] = "3",
            ["Input.CycleId"] = cycle.ToString(CultureInfo.InvariantCulture),
            ["Input.Translations[0].Language"] = "es",
            ["Input.Translations[0].Title"] = "Uno",
            ["Input.Translations[0].Summary"] = "Uno.",
            ["Input.Translations[0].Body"] = "Uno.",
            ["Input.Translations[1].Language"] = "es",
            ["Input.Translations[1].Title"] = "Dos",
            ["Input.Translations[1].Summary"] = "Dos.",
            ["Input.Translations[1].Body"] = "Dos.",
            ["Command"] = "save",
        });

        Assert.Null(response.FieldError("Input.Translations[0].Language"));
        Assert.Equal("There is already a translation into this language.", response.FieldError("Input.Translations[1].Language"));
    }

    [Fact]
    public async Task Form_ATranslationSaved_IsInTheWorkingCopyForReview_NotYetPublished_AndEditable()
    {
        var cycle = await Portal.OpenCycleAsync();
        var (contributor, _) = await Portal.SignInAsAsync(PortalRoles.Contributor, "CHL");

        var saved = await contributor.SubmitAsync("/entries/new", ChileanEntry(cycle, "es", Spanish.Title, Spanish.Summary, Spanish.Body));
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);

        var review = await contributor.FollowAsync(saved);
        Assert.Contains(Spanish.Title, review.Document.QuerySelector("#translations-heading")!.ParentElement!.TextContent, StringComparison.Ordinal);
        var id = await Portal.WithDbAsync(db => db.Entries.Where(e => e.StateIso3 == "CHL").Select(e => e.Id).SingleAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await ReadAsAsync("es", $"/entries/{id}")).Status);

        var edit = await contributor.GetAsync($"/entries/{id}/edit");
        Assert.Equal("es", edit.InputValue("Input.Translations[0].Language"));
        Assert.Equal(Spanish.Title, edit.InputValue("Input.Translations[0].Title"));
        Assert.Equal("", edit.InputValue("Input.Translations[1].Title"));
    }

    private async Task<PageResponse> ReadAsAsync(string language, string url)
    {
        using var browser = Portal.NewBrowser();
        browser.Client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        return await browser.GetAsync(url);
    }
}

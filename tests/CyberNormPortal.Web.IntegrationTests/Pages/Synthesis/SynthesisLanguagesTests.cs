using CyberNormPortal.Domain.Entries;
using CyberNormPortal.Web.IntegrationTests.Exports;
using CyberNormPortal.Web.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CyberNormPortal.Web.IntegrationTests.Pages.Synthesis;

/// <summary>The synthesis across languages: lead statements and entries in the reader's language where they exist.</summary>
public sealed class SynthesisLanguagesTests(PortalFixture portal) : PortalTest(portal)
{
    private const string G7Synthesis2019 = "/synthesis" + ExportDownloads.G7Scope2019;

    private const string FrenchStatement = "Les pays du G7 ont pris plusieurs mesures pour protéger les infrastructures critiques.";

    private Task TranslateLeadStatementOfNorm3Async() => Portal.WithDbAsync(async db =>
    {
        var statement = await db.SynthesisStatements.SingleAsync(s => s.NormNumber == 3 && s.GroupId != null && s.CycleId != null);
        statement.SetTranslation("fr", FrenchStatement, DateTimeOffset.UtcNow);
        await db.SaveChangesAsync();
    });

    [Fact]
    public async Task FrenchReader_SeesTheFrenchLeadStatement_AndTheOriginalOfTheOthersLabelled()
    {
        await TranslateLeadStatementOfNorm3Async();

        var french = await ReadAsAsync("fr", G7Synthesis2019);
        var norm3 = french.Document.QuerySelector("#norm-3 .lead-statement")!;
        Assert.Equal("fr", norm3.QuerySelector("[lang]")!.GetAttribute("lang"));
        Assert.Equal(FrenchStatement, norm3.QuerySelector("[lang]")!.TextContent.Trim());
        Assert.Null(norm3.QuerySelector(".text-language"));
        var norm4 = french.Document.QuerySelector("#norm-4 .lead-statement")!;
        Assert.Equal("en", norm4.QuerySelector("[lang]")!.GetAttribute("lang"));
        Assert.NotNull(norm4.QuerySelector(".text-language"));

        var english = await ReadAsAsync("en", G7Synthesis2019);
        var original = english.Document.QuerySelector("#norm-3 .lead-statement [lang]")!;
        Assert.Equal("en", original.GetAttribute("lang"));
        Assert.NotEqual(FrenchStatement, original.TextContent.Trim());
        Assert.Null(english.Document.QuerySelector("#norm-3 .lead-statement .text-language"));
    }

    [Fact]
    public async Task SpanishReader_SeesEntriesInSpanish_OnThePage_InTheMarkdownExport_AndTheApiWithLang()
    {
        await TranslateLeadStatementOfNorm3Async();
        var id = await Portal.WithDbAsync(async db =>
        {
            var g7 = await db.Groups.Where(g => g.Slug == "g7").Select(g => g.Id).SingleAsync();
            var cycle = await db.Cycles.Where(c => c.Slug == "g7-cni-2019").Select(c => c.Id).SingleAsync();
            var content = new EntryContent(EntryKind.BestPractice, "Joint exercise on grid protection", "The G7 ran a joint exercise.", "Body.", "en",
                TlpLabel.Clear, [PracticeCategory.CapacityBuilding], [])
            {
                Translations = [new EntryTranslation("es", "Ejercicio conjunto de protección de la red", "El G7 realizó un ejercicio conjunto.", "Cuerpo.")],
            };
            var entry = Entry.ImportPublished(3, cycle, EntryAuthor.JointGroup(g7), content, DateTimeOffset.UtcNow, $"test/{Guid.NewGuid():N}", "Test");
            db.Entries.Add(entry);
            await db.SaveChangesAsync();
            return entry.Id;
        });

        var page = await ReadAsAsync("es", G7Synthesis2019);
        var bullet = page.Document.QuerySelectorAll("#norm-3 .bullets li").Single(li => li.QuerySelector($"a[href='/entries/{id}']") is not null);
        Assert.Equal("El G7 realizó un ejercicio conjunto.", bullet.QuerySelector("p")!.TextContent.Trim());
        Assert.Equal("es", bullet.QuerySelector("p")!.GetAttribute("lang"));

        using var spanish = Portal.NewBrowser();
        spanish.Client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("es");
        var markdown = await spanish.MarkdownAsync(ExportDownloads.G7Scope2019);
        Assert.Contains("Ejercicio conjunto de protección de la red", ExportDownloads.Unescaped(markdown), StringComparison.Ordinal);
        Assert.DoesNotContain("Joint exercise on grid protection", ExportDownloads.Unescaped(markdown), StringComparison.Ordinal);

        using var client = Portal.CreateClient();
        var api = await Api.ApiClient.GetOkJsonAsync(client, "/api/v1/synthesis" + ExportDownloads.G7Scope2019 + "&lang=fr");
        var norm3 = api["norms"]!.AsArray().Single(n => (int)n!["number"]! == 3)!;
        Assert.Equal(FrenchStatement, (string?)norm3["leadStatement"]);
        Assert.Equal("fr", (string?)norm3["leadStatementLanguage"]);
    }

    private async Task<PageResponse> ReadAsAsync(string language, string url)
    {
        using var browser = Portal.NewBrowser();
        browser.Client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        return await browser.GetAsync(url);
    }
}

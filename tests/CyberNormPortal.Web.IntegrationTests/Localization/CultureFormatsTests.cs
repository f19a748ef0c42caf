using System.Globalization;
using CyberNormPortal.Domain.Entries;
using CyberNormPortal.Web.Identity;
using CyberNormPortal.Web.IntegrationTests.Infrastructure;

namespace CyberNormPortal.Web.IntegrationTests.Localization;

/// <summary>
/// Dates and numbers are written as a reader of the page's language writes them (Localization/Formats.cs), while the
/// machine-readable copies (datetime attributes) stay ISO whatever the language.
/// </summary>
public sealed class CultureFormatsTests(PortalFixture portal) : PortalTest(portal)
{
    private static readonly DateTimeOffset FifthOfMarch = new(2026, 3, 5, 14, 7, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("en", "5 March 2026")]
    [InlineData("fr", "5 mars 2026")]
    [InlineData("es", "5 de marzo de 2026")]
    [InlineData("ru", "5 марта 2026 г.")]
    [InlineData("zh", "2026年3月5日")]
    [InlineData("ar", "5 مارس 2026")]
    public async Task EntryPage_PublicationDate_InTheReadersLanguage_DatetimeAttributeStaysIso(string language, string expected)
    {
        var id = await Portal.PublishAsync("KEN", title: "Dated entry", publishedAt: FifthOfMarch);
        using var reader = Portal.NewBrowser();
        reader.Client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);

        var page = await reader.GetAsync($"/entries/{id}");

        var time = page.Document.QuerySelector(".facts time");
        Assert.NotNull(time);
        Assert.Equal(expected, Text.Visible(time));
        Assert.Equal("2026-03-05", time.GetAttribute("datetime"));
    }

    [Fact]
    public async Task EntryList_OnTheNormPage_WritesTheDateInChinese_ForAChineseReader()
    {
        await Portal.PublishAsync("KEN", norm: 4, title: "Listed entry", publishedAt: FifthOfMarch);
        using var reader = Portal.NewBrowser();
        reader.Client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh");

        var page = await reader.GetAsync("/norms/4");

        Assert.Contains(page.Document.QuerySelectorAll("time"), t => Text.Visible(t) == "2026年3月5日" && t.GetAttribute("datetime") == "2026-03-05");
    }

    [Theory]
    [InlineData("en", "1,000")]
    [InlineData("fr", "1\u202F000")]
    [InlineData("es", "1.000")]
    [InlineData("ru", "1\u00A0000")]
    [InlineData("ar", "1\u066C000")]
    public async Task EntryForm_SummaryTooLong_StatesTheLimitWithTheCulturesDigitGrouping(string language, string limit)
    {
        var cycle = await Portal.OpenCycleAsync();
        // Signing in remembers the account's own language (English here), which outranks Accept-Language: the
        // address's prefix asks for the page in the other one.
        var (contributor, _) = await Portal.SignInAsAsync(PortalRoles.Contributor, "KEN");

        var response = await contributor.SubmitAsync($"/{language}/entries/new", new Dictionary<string, object?>
        {
            ["Input.NormNumber"] = "7",
            ["Input.CycleId"] = cycle.ToString(CultureInfo.InvariantCulture),
            ["Input.Kind"] = nameof(EntryKind.BestPractice),
            ["Input.PracticeCategories"] = new[] { nameof(PracticeCategory.Awareness) },
            ["Input.Title"] = "A title",
            ["Input.Summary"] = new string('S', 1001),
            ["Input.Body"] = "A body.",
            ["Input.Visibility"] = nameof(TlpLabel.Clear),
            ["Command"] = "save",
        });

        // The message's words are the translators' (English until their files are in); its number is the portal's.
        var message = response.FieldError("Input.Summary");
        Assert.NotNull(message);
        // Translated, the number may end a sentence or a parenthesis ("1٬000.", "1 000)"): the number itself is the check.
        Assert.Contains(limit, message, StringComparison.Ordinal);
        Assert.Equal(new string('S', 1001), response.InputValue("Input.Summary"));
    }
}

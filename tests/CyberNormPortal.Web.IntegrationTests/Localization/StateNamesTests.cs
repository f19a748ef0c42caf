using System.Net;
using AngleSharp;
using AngleSharp.Dom;
using CyberNormPortal.Web.Identity;
using CyberNormPortal.Web.IntegrationTests.Infrastructure;

namespace CyberNormPortal.Web.IntegrationTests.Localization;

/// <summary>
/// A reader sees every State named in their language: CLDR's name through ICU, the UN's short name where it differs
/// (state-name-overrides.json), the seed data's English for English readers; and lists sorted as that language sorts.
/// </summary>
public sealed class StateNamesTests(PortalFixture portal) : PortalTest(portal)
{
    [Theory]
    [InlineData("en", "deu", "Germany")]
    [InlineData("fr", "deu", "Allemagne")]
    [InlineData("es", "deu", "Alemania")]
    [InlineData("ru", "deu", "Германия")]
    [InlineData("zh", "deu", "德国")]
    [InlineData("ar", "fra", "فرنسا")]
    public async Task StateProfile_NamesTheStateInTheReadersLanguage(string language, string iso3, string name)
    {
        var page = await GetAsync($"/states/{iso3}", language);

        Assert.Equal(name, Text.Visible(page.QuerySelector("h1")));
    }

    [Theory]
    [InlineData("en", "tur", "Türkiye")]
    [InlineData("fr", "tur", "Türkiye")]
    [InlineData("es", "tur", "Türkiye")]
    [InlineData("en", "rus", "Russian Federation")]
    [InlineData("ru", "rus", "Российская Федерация")]
    [InlineData("fr", "kor", "République de Corée")]
    [InlineData("ar", "civ", "كوت ديفوار")]
    [InlineData("es", "ven", "Venezuela (República Bolivariana de)")]
    [InlineData("zh", "syr", "阿拉伯叙利亚共和国")]
    public async Task StateProfile_UsesTheUnShortName_WhereCldrsEverydayNameDiffers(string language, string iso3, string name)
    {
        var page = await GetAsync($"/states/{iso3}", language);

        Assert.Equal(name, Text.Visible(page.QuerySelector("h1")));
    }

    [Fact]
    public async Task StatesList_InFrench_IsSortedAsFrenchSorts_NotByCodePoint()
    {
        var page = await GetAsync("/states", "fr");

        var african = page.QuerySelectorAll("#region-African .state-list li a").Select(Text.Visible).ToList();
        Assert.Equal(54, african.Count);
        Assert.Contains("Égypte", african);
        // By code point "Égypte" would come after "Zimbabwe"; in French it stands among the Es.
        Assert.True(african.IndexOf("Djibouti") < african.IndexOf("Égypte"), string.Join(", ", african));
        Assert.True(african.IndexOf("Égypte") < african.IndexOf("Gabon"), string.Join(", ", african));
        Assert.Equal(african.Order(StringComparer.Create(new System.Globalization.CultureInfo("fr"), ignoreCase: true)), african);
    }

    [Fact]
    public async Task CoverageMap_InSpanish_NamesAndSortsTheStatesInSpanish()
    {
        var page = await GetAsync("/coverage?region=WesternEuropeanAndOthers", "es");

        var names = page.QuerySelectorAll("tbody th[scope='row']").Select(Text.Visible).ToList();
        Assert.Contains("Alemania", names);
        Assert.Contains("Reino Unido de Gran Bretaña e Irlanda del Norte", names);
        Assert.Equal(names.Order(StringComparer.Create(new System.Globalization.CultureInfo("es"), ignoreCase: true)), names);
    }

    [Fact]
    public async Task EntryPage_NamesItsAuthorStateInTheReadersLanguage()
    {
        var id = await Portal.PublishAsync("DEU", title: "Bundesamt für Sicherheit in der Informationstechnik");

        var page = await GetAsync($"/entries/{id}", "fr");

        Assert.Equal("Allemagne", Text.Visible(page.QuerySelector("a[href='/states/deu']")));
    }

    [Fact]
    public async Task InvitationForm_OffersTheStatesNamedAndSortedInTheAdministratorsLanguage()
    {
        var (admin, _) = await Portal.SignInAsAsync(PortalRoles.Administrator);

        var page = await admin.GetAsync("/ru/admin/invitations");

        var options = page.Document.QuerySelectorAll("select[name='Input.StateIso3'] option[value]:not([value=''])")
            .Select(o => (Iso3: o.GetAttribute("value"), Name: Text.Visible(o))).ToList();
        Assert.Equal(193, options.Count);
        Assert.Contains(("DEU", "Германия"), options);
        Assert.Equal(options.Select(o => o.Name).Order(StringComparer.Create(new System.Globalization.CultureInfo("ru"), ignoreCase: true)), options.Select(o => o.Name));
    }

    private async Task<IDocument> GetAsync(string url, string language)
    {
        using var client = Portal.CreateClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        using var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        return await BrowsingContext.New(Configuration.Default).OpenAsync(request => request.Content(html));
    }
}

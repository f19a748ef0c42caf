using System.Net;
using CyberNormPortal.Domain.Entries;
using CyberNormPortal.Web.IntegrationTests.Infrastructure;

namespace CyberNormPortal.Web.IntegrationTests.Pages.Coverage;

/// <summary>The coverage map, a State's row of it, and the side-by-side comparison.</summary>
public sealed class CoverageAndCompareTests(PortalFixture portal) : PortalTest(portal)
{
    [Fact]
    public async Task CoverageMap_G7Scope_CountsJointEntriesForEveryMember_AndEachCellOpensTheMatchingSearch()
    {
        await Portal.PublishAsync("FRA", norm: 3, title: "French national step");

        var (status, page) = await Portal.GetPageAsync("/coverage?group=g7&cycle=g7-cni-2019");

        Assert.Equal(HttpStatusCode.OK, status);
        var rows = page.QuerySelectorAll("table.coverage tbody tr").ToList();
        Assert.Equal(7, rows.Count);
        var france = rows.Single(r => Text.Visible(r.QuerySelector("th")) == "France");
        var cells = france.QuerySelectorAll("td").Select(Text.Visible).ToList();
        Assert.Equal(12, cells.Count); // eleven norms and the total
        var link = france.QuerySelectorAll("td a").First();
        var (_, search) = await Portal.GetPageAsync(link.GetAttribute("href")!);
        var count = int.Parse(link.TextContent, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(count == 1 ? "1 entry" : $"{count} entries", Text.Visible(search.QuerySelector("#results-heading")));
        var footer = page.QuerySelectorAll("table.coverage tfoot td").Select(td => int.Parse(Text.Visible(td), System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(footer[..11].Sum(), footer[11]);
        Assert.Equal((27 * 7) + 1, footer[11]); // the 27 joint bullets and remarks count for each of the seven, and France's own step
    }

    [Fact]
    public async Task CoverageMap_AllStates_ShowsGapsAndCountsOnlyWhatTheReaderMaySee()
    {
        await Portal.PublishAsync("KEN", norm: 3, title: "Kenyan step");
        await Portal.PublishAsync("KEN", norm: 3, title: "Kenyan secret", visibility: TlpLabel.Amber);

        var (_, page) = await Portal.GetPageAsync("/coverage?region=African");

        var rows = page.QuerySelectorAll("table.coverage tbody tr").ToList();
        Assert.Equal(54, rows.Count);
        var kenya = rows.Single(r => Text.Visible(r.QuerySelector("th")) == "Kenya").QuerySelectorAll("td").Select(Text.Visible).ToList();
        Assert.Equal("1", kenya[2]);
        Assert.Equal("no entries·", kenya[0]);
        Assert.Equal("54 States, 1 published entries, 593 of 594 State–norm cells empty.", Text.Visible(page.QuerySelector(".scope-summary")));
    }

    [Fact]
    public async Task StateProfile_ShowsItsRowOfTheMap()
    {
        await Portal.PublishAsync("KEN", norm: 5, title: "Privacy safeguards");

        var (_, page) = await Portal.GetPageAsync("/states/ken");

        var cells = page.QuerySelectorAll("table.coverage--row tbody td").Select(Text.Visible).ToList();
        Assert.Equal("1", cells[4]);
        Assert.Equal("1", cells[11]);
    }

    [Fact]
    public async Task Compare_ThreeStates_SideBySideNormByNorm()
    {
        await Portal.PublishAsync("KEN", norm: 3, title: "Kenya on norm 3");
        await Portal.PublishAsync("JPN", norm: 3, title: "Japan on norm 3");

        var (status, page) = await Portal.GetPageAsync("/compare?states=FRA,JPN,KEN");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(["Norm", "France (27)", "Japan (28)", "Kenya (1)"], page.QuerySelectorAll("table.compare thead th").Select(Text.Visible));
        var norm3 = page.QuerySelectorAll("table.compare tbody tr")[2];
        Assert.Contains("Kenya on norm 3", Text.Visible(norm3));
        Assert.Contains("Japan on norm 3", Text.Visible(norm3));
        Assert.Equal("Nothing published", Text.Visible(page.QuerySelectorAll("table.compare tbody tr")[0].QuerySelectorAll("td")[2]));
    }

    [Theory]
    [InlineData("/compare?states=FRA", "Choose at least 2 States to compare.")]
    [InlineData("/compare?states=FRA,XXX", "Not a UN member State code: XXX.")]
    [InlineData("/compare?states=FRA,JPN,KEN,DEU,ITA", "At most 4 States can be compared; the first 4 are shown.")]
    [InlineData("/compare?states=%3Cscript%3E,FRA", "Not a UN member State code: <SCRIPT>.")]
    public async Task Compare_BadChoice_ExplainsWhatToDo(string url, string message)
    {
        var (status, page) = await Portal.GetPageAsync(url);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(message, Text.Visible(page.QuerySelector(".notice p")));
        Assert.Empty(page.QuerySelectorAll("main script"));
    }
}

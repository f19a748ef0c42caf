using System.Net;
using CyberNormPortal.Web.IntegrationTests.Infrastructure;

namespace CyberNormPortal.Web.IntegrationTests.Pages;

public sealed class HomePageTests(PortalFixture fixture) : PortalTest(fixture)
{
    [Fact]
    public async Task Home_OffersEntryPointsForEachKindOfUser_AndTheSkipLink()
    {
        var (status, page) = await Portal.GetPageAsync("/en/");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("#main", page.QuerySelector("a.skip-link")!.GetAttribute("href"));
        Assert.NotNull(page.QuerySelector("main#main"));
        Assert.Single(page.QuerySelectorAll("h1"));
        Assert.Equal(
            ["For analysts and delegations", "For national points of contact", "For the secretariat"],
            page.QuerySelectorAll(".card h2").Select(Text.Visible));
        Assert.NotNull(page.QuerySelector("a[href='/en/synthesis?group=g7&cycle=g7-cni-2019']"));
        Assert.Equal(["11", "193", "27"], page.QuerySelectorAll(".figures dd").Select(Text.Visible));
    }
}

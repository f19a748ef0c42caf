using System.Net;
using CyberNormPortal.Web.IntegrationTests.Infrastructure;

namespace CyberNormPortal.Web.IntegrationTests.Pages.States;

public sealed class StatePagesTests(PortalFixture fixture) : PortalTest(fixture)
{
    [Fact]
    public async Task StatesIndex_ListsAll193StatesUnderTheirFiveRegionalGroups()
    {
        var (status, page) = await Portal.GetPageAsync("/states");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(193, page.QuerySelectorAll(".state-list li").Length);
        Assert.Equal(
            [
                "African States (54)", "Asia-Pacific States (54)", "Eastern European States (23)",
                "Latin American and Caribbean States (33)", "Western European and other States (29)",
            ],
            page.QuerySelectorAll(".region h2").Select(Text.Visible));
    }

    [Theory]
    [InlineData("fra")]
    [InlineData("FRA")]
    public async Task StateProfile_ShowsRegionGroupsAndJointEntries_WhateverTheCodesCase(string code)
    {
        var (status, page) = await Portal.GetPageAsync($"/states/{code}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("France", Text.Visible(page.QuerySelector("h1")));
        var facts = Text.Visible(page.QuerySelector(".facts"));
        Assert.Contains("Western European and other States", facts, StringComparison.Ordinal);
        Assert.Contains("Initiative member", facts, StringComparison.Ordinal);
        Assert.Contains("27 joint entries of the G7", Text.Visible(page.QuerySelector("main")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StateProfile_OfAPartnerWithoutEntries_SaysSo()
    {
        var (_, page) = await Portal.GetPageAsync("/states/ken");

        var main = Text.Visible(page.QuerySelector("main"));
        Assert.Contains("Partner State", main, StringComparison.Ordinal);
        Assert.Contains("Kenya has not published an entry of its own yet.", main, StringComparison.Ordinal);
    }
}

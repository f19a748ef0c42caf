using System.Net;
using CyberNormPortal.Web.IntegrationTests.Infrastructure;

namespace CyberNormPortal.Web.IntegrationTests.Pages;

public sealed class NotFoundTests(PortalFixture fixture) : PortalTest(fixture)
{
    [Theory]
    [InlineData("/norms/0")]
    [InlineData("/norms/12")]
    [InlineData("/norms/99999999999")]
    [InlineData("/norms/first")]
    [InlineData("/states/XYZ")]
    [InlineData("/states/france")]
    [InlineData("/states/%3Cscript%3E")]
    [InlineData("/entries/0")]
    [InlineData("/entries/2147483647")]
    [InlineData("/no/such/page")]
    public async Task UnknownAddress_AnswersWithTheNotFoundPage_NotAnError(string url)
    {
        var (status, page) = await Portal.GetPageAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("Page not found", Text.Visible(page.QuerySelector("h1")));
        Assert.NotNull(page.QuerySelector("a[href='/norms']"));
    }
}

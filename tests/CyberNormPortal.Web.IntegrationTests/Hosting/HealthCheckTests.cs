using System.Net;
using CyberNormPortal.Web.IntegrationTests.Infrastructure;

namespace CyberNormPortal.Web.IntegrationTests.Hosting;

public sealed class HealthCheckTests(PortalFixture fixture) : PortalTest(fixture)
{
    [Theory]
    [InlineData("/healthz")]
    [InlineData("/healthz/ready")]
    public async Task HealthEndpoints_AnswerHealthy_WhenTheDatabaseIsUpAndMigrated(string url)
    {
        using var client = Portal.CreateClient();

        using var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }
}

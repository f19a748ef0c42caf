using System.Net;
using CyberNormPortal.Tests.Shared;
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

public sealed class ReadinessTests
{
    [Fact]
    public async Task Ready_TurnsUnavailable_WhenTheDatabaseGoesAway_WhileLivenessStaysUp()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync("portal_ready");
        await using var portal = new PortalAppFactory(connectionString);
        using var client = portal.CreateClient();
        using (var before = await client.GetAsync("/healthz/ready"))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        await TestPostgres.DropDatabaseAsync(connectionString);

        using var ready = await client.GetAsync("/healthz/ready");
        using var live = await client.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal("Unhealthy", await ready.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }
}

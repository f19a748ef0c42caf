using System.Net;
using CyberNormPortal.Domain.Entries;
using CyberNormPortal.Web.Identity;
using CyberNormPortal.Web.IntegrationTests.Infrastructure;

namespace CyberNormPortal.Web.IntegrationTests.Api;

/// <summary>
/// The API and the feeds serve TLP:CLEAR published entries only, whoever asks: a moderator's cookie, which opens
/// every entry in the HTML pages, changes nothing here.
/// </summary>
public sealed class ApiVisibilityTests(PortalFixture fixture) : PortalTest(fixture)
{
    [Theory]
    [InlineData("anonymous")]
    [InlineData("moderator")]
    [InlineData("moderator-without-two-factor")]
    [InlineData("administrator-without-two-factor")]
    public async Task ApiAndFeeds_RestrictedOrUnpublishedEntries_NeverAppear_EvenForAModerator(string reader)
    {
        var asModerator = reader == "moderator";
        var clear = await Portal.PublishAsync("KEN", norm: 2, title: "Public CLEAR playbook");
        var green = await Portal.PublishAsync("KEN", norm: 2, title: "Hidden GREEN playbook", visibility: TlpLabel.Green);
        var amber = await Portal.PublishAsync("KEN", norm: 2, title: "Hidden AMBER playbook", visibility: TlpLabel.Amber);
        var contributor = await Portal.CreateUserAsync(PortalRoles.Contributor, "KEN");
        var draft = await Portal.CreateEntryAsync(contributor, EntryStatus.Draft, norm: 2, title: "Hidden DRAFT playbook");

        using var browser = reader switch
        {
            "moderator" => (await Portal.SignInAsAsync(PortalRoles.Moderator)).Browser,
            "moderator-without-two-factor" => await Portal.SignInAsync(await Portal.CreateUserAsync(PortalRoles.Moderator, twoFactor: false)),
            "administrator-without-two-factor" => await Portal.SignInAsync(await Portal.CreateUserAsync(PortalRoles.Administrator, twoFactor: false)),
            _ => Portal.NewBrowser(),
        };
        var client = browser.Client;
        if (asModerator)
        {
            // The cookie does open the restricted entry's HTML page: the API must not follow it.
            Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync($"/entries/{amber}")).Status);
        }

        foreach (var url in new[]
                 {
                     "/api/v1/entries", "/api/v1/entries?state=KEN", "/api/v1/entries?norm=2&pageSize=200", "/api/v1/synthesis",
                     "/api/v1/synthesis?region=african", "/feed.atom", "/states/ken/feed.atom", "/norms/2/feed.atom",
                 })
        {
            using var response = await client.GetAsync(url);
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} answered {(int)response.StatusCode}.");
            Assert.DoesNotContain("Hidden", body, StringComparison.Ordinal);
            if (!url.Contains("synthesis", StringComparison.Ordinal) || url.Contains("african", StringComparison.Ordinal))
            {
                Assert.Contains("Public CLEAR playbook", body, StringComparison.Ordinal);
            }
        }

        Assert.Equal(HttpStatusCode.OK, (await client.GetJsonAsync($"/api/v1/entries/{clear}")).Status);
        foreach (var id in new[] { green, amber, draft })
        {
            var (status, problem) = await client.GetJsonAsync($"/api/v1/entries/{id}");
            Assert.Equal(HttpStatusCode.NotFound, status);
            Assert.Equal(404, problem?["status"]?.GetValue<int>());
        }

        var counts = await client.GetOkJsonAsync("/api/v1/norms/2");
        var anonymousCounts = await Portal.GetOkJsonAsync("/api/v1/norms/2");
        Assert.Equal(anonymousCounts["entryCount"]!.GetValue<int>(), counts["entryCount"]!.GetValue<int>());
    }
}

using System.Net;
using CyberNormPortal.Domain.Entries;
using CyberNormPortal.Web.Identity;
using CyberNormPortal.Web.IntegrationTests.Infrastructure;

namespace CyberNormPortal.Web.IntegrationTests.Authorization;

/// <summary>
/// TLP:AMBER reaches only the authoring State's users and moderators; TLP:GREEN only signed-in users — on every page
/// that lists or shows entries.
/// </summary>
public sealed class TlpVisibilityTests(PortalFixture portal) : PortalTest(portal)
{
    private static readonly string[] ListingPages = ["/norms/3", "/states/ken", "/synthesis", "/norms", "/states"];

    public static TheoryData<string, bool> AmberReaders => new()
    {
        { "anonymous", false },
        { "analyst", false },
        { "other-contributor", false },
        { "other-approver", false },
        { "administrator", false },
        { "own-contributor", true },
        { "own-approver", true },
        { "moderator", true },
    };

    [Theory]
    [MemberData(nameof(AmberReaders))]
    public async Task AmberEntry_ReachesOnlyItsStateAndModerators(string reader, bool maySee)
    {
        var author = await Portal.CreateUserAsync(PortalRoles.Contributor, "KEN");
        var id = await Portal.CreateEntryAsync(author, EntryStatus.Published, TlpLabel.Amber, title: "Amber incident handling arrangement");
        using var browser = await BrowserForAsync(reader, author);

        var page = await browser.GetAsync($"/entries/{id}");

        Assert.Equal(maySee ? HttpStatusCode.OK : HttpStatusCode.NotFound, page.Status);
        foreach (var listing in ListingPages)
        {
            var text = (await browser.GetAsync(listing)).Text;
            Assert.Equal(maySee && listing != "/norms" && listing != "/states", text.Contains("Amber incident handling arrangement", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task GreenEntry_SignedInUsersOnly()
    {
        var author = await Portal.CreateUserAsync(PortalRoles.Contributor, "KEN");
        var id = await Portal.CreateEntryAsync(author, EntryStatus.Published, TlpLabel.Green, title: "Green community note");
        using var visitor = Portal.NewBrowser();
        var (analyst, _) = await Portal.SignInAsAsync(PortalRoles.Analyst);

        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"/entries/{id}")).Status);
        Assert.DoesNotContain("Green community note", (await visitor.GetAsync("/synthesis")).Text);
        Assert.Equal(HttpStatusCode.OK, (await analyst.GetAsync($"/entries/{id}")).Status);
        Assert.Contains("Green community note", (await analyst.GetAsync("/synthesis")).Text);
        analyst.Dispose();
    }

    private async Task<Browser> BrowserForAsync(string reader, TestUser author) => reader switch
    {
        "anonymous" => Portal.NewBrowser(),
        "own-contributor" => await Portal.SignInAsync(author),
        "own-approver" => (await Portal.SignInAsAsync(PortalRoles.Approver, "KEN")).Browser,
        "analyst" => (await Portal.SignInAsAsync(PortalRoles.Analyst)).Browser,
        "other-contributor" => (await Portal.SignInAsAsync(PortalRoles.Contributor, "FRA")).Browser,
        "other-approver" => (await Portal.SignInAsAsync(PortalRoles.Approver, "FRA")).Browser,
        "moderator" => (await Portal.SignInAsAsync(PortalRoles.Moderator)).Browser,
        "administrator" => (await Portal.SignInAsAsync(PortalRoles.Administrator)).Browser,
        _ => throw new ArgumentOutOfRangeException(nameof(reader)),
    };
}

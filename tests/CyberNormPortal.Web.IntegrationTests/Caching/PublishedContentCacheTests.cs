using System.Net;
using CyberNormPortal.Domain.Entries;
using CyberNormPortal.Web.Identity;
using CyberNormPortal.Web.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CyberNormPortal.Web.IntegrationTests.Caching;

/// <summary>
/// Anonymous readers share cached search, coverage and synthesis pages; a publication, from this instance or any
/// other, makes them current at once, and signed-in readers' pages are never shared.
/// </summary>
public sealed class PublishedContentCacheTests(PortalFixture fixture) : PortalTest(fixture)
{
    [Theory]
    [InlineData("/search?q=narwhal")]
    [InlineData("/coverage")]
    [InlineData("/synthesis")]
    public async Task AnonymousPage_IsServedFromTheCache_UntilSomethingIsPublished(string url)
    {
        using var client = Portal.CreateClient();
        using var first = await client.GetAsync(url);
        using var second = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.False(first.Headers.Age.HasValue);
        Assert.True(second.Headers.Age.HasValue, "the second request should be served from the cache");

        // Published straight into the database, as another instance would: the page changes at once.
        await Portal.PublishAsync("ISL", norm: 4, title: "Narwhal protection of submarine cables");
        using var third = await client.GetAsync(url);
        Assert.False(third.Headers.Age.HasValue);
        Assert.NotEqual(await second.Content.ReadAsStringAsync(), await third.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ANewSearchResult_AppearsForAnonymousReaders_AsSoonAsItIsPublished()
    {
        Assert.DoesNotContain("Narwhal", (await Portal.GetPageAsync("/search?q=narwhal")).Document.QuerySelector("main")!.TextContent);
        await Portal.PublishAsync("ISL", title: "Narwhal incident plan");
        Assert.Contains("Narwhal incident plan", (await Portal.GetPageAsync("/search?q=narwhal")).Document.QuerySelector("main")!.TextContent);
    }

    [Fact]
    public async Task ChangingALeadStatement_ChangesTheCachedSynthesis()
    {
        await Portal.GetPageAsync("/synthesis?group=g7&cycle=g7-cni-2019");
        await Portal.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(
            "UPDATE \"SynthesisStatements\" SET \"Text\" = 'G7 members revised this lead statement.' WHERE \"NormNumber\" = 1"));

        var (_, page) = await Portal.GetPageAsync("/synthesis?group=g7&cycle=g7-cni-2019");
        Assert.Contains("G7 members revised this lead statement.", page.QuerySelector("main")!.TextContent);
    }

    [Fact]
    public async Task SignedInPages_AreNeverStored_NorServedFromTheCache()
    {
        await Portal.PublishAsync("KEN", title: "Amber narwhal arrangement", visibility: TlpLabel.Amber);
        var (kenyan, _) = await Portal.SignInAsAsync(PortalRoles.Contributor, "KEN");
        using var anonymous = Portal.CreateClient();

        Assert.Contains("Amber narwhal arrangement", (await kenyan.GetAsync("/search?q=narwhal")).Text);
        using var afterSignedIn = await anonymous.GetAsync("/search?q=narwhal");
        Assert.DoesNotContain("Amber narwhal arrangement", await afterSignedIn.Content.ReadAsStringAsync());

        // Now the anonymous page is cached; the signed-in reader still gets their own.
        using var cached = await anonymous.GetAsync("/search?q=narwhal");
        Assert.True(cached.Headers.Age.HasValue);
        var again = await kenyan.GetAsync("/search?q=narwhal");
        Assert.Contains("Amber narwhal arrangement", again.Text);
        Assert.Contains("Sign out", again.Text);
    }

    [Theory]
    [InlineData("/search?q=walrus")]
    [InlineData("/coverage?group=g7")]
    [InlineData("/synthesis?group=g7")]
    public async Task APageShowingAVisitorsNotice_IsNeverStored_SoNoOtherVisitorSeesIt(string url)
    {
        // Signing out leaves a notice for the next page the (now anonymous) visitor opens: here, a cached kind of page.
        // A publication first, so that nothing an earlier test cached is current.
        await Portal.PublishAsync("ISL", title: "Walrus census");
        var (leaving, _) = await Portal.SignInAsAsync(PortalRoles.Analyst);
        var signedOut = await leaving.SubmitAsync("/account/sign-out");
        Assert.Equal("/", signedOut.RedirectPath);

        var withNotice = await leaving.GetAsync(url);
        using var other = Portal.CreateClient();
        using var first = await other.GetAsync(url);
        using var second = await other.GetAsync(url);

        Assert.Contains("You are signed out.", Text.Visible(withNotice.Document.QuerySelector(".notice")));
        Assert.DoesNotContain("You are signed out.", await first.Content.ReadAsStringAsync());
        Assert.False(first.Headers.Age.HasValue, "the page with the notice was stored in the cache");
        Assert.True(second.Headers.Age.HasValue, "the other visitor's own page should be cached as usual");
        Assert.DoesNotContain("You are signed out.", (await leaving.GetAsync(url)).Text);
    }
}

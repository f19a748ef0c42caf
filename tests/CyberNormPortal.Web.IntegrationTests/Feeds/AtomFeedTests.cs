using System.Net;
using System.Xml.Linq;
using CyberNormPortal.Web.IntegrationTests.Api;
using CyberNormPortal.Web.IntegrationTests.Infrastructure;

namespace CyberNormPortal.Web.IntegrationTests.Feeds;

public sealed class AtomFeedTests(PortalFixture fixture) : PortalTest(fixture)
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    [Theory]
    [InlineData("/feed.atom")]
    [InlineData("/norms/4/feed.atom")]
    [InlineData("/states/ken/feed.atom")]
    public async Task Feed_IsAtom_NewestFirst_WithLinksToTheEntryPages(string url)
    {
        var now = DateTimeOffset.UtcNow;
        var oldest = await Portal.PublishAsync("KEN", norm: 4, title: "Oldest", summary: "First *summary*");
        var middle = await Portal.PublishAsync("KEN", norm: 4, title: "Middle");
        var newest = await Portal.PublishAsync("KEN", norm: 4, title: "Newest");
        await Portal.SetPublishedAtAsync(oldest, now.AddHours(-3));
        await Portal.SetPublishedAtAsync(middle, now.AddHours(-2));
        await Portal.SetPublishedAtAsync(newest, now.AddHours(-1));

        var (contentType, feed) = await GetFeedAsync(url);

        Assert.Equal("application/atom+xml", contentType);
        Assert.Equal(Atom + "feed", feed.Root!.Name);
        var entries = feed.Root.Elements(Atom + "entry").ToList();
        Assert.Equal(["Newest", "Middle", "Oldest"], entries.Take(3).Select(e => e.Element(Atom + "title")!.Value));
        var updated = entries.Select(e => DateTimeOffset.Parse(e.Element(Atom + "updated")!.Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(updated.OrderDescending(), updated);
        Assert.Equal(updated[0], DateTimeOffset.Parse(feed.Root.Element(Atom + "updated")!.Value, System.Globalization.CultureInfo.InvariantCulture));
        var first = entries[2];
        Assert.Equal($"http://localhost/entries/{oldest}", first.Element(Atom + "link")!.Attribute("href")!.Value);
        Assert.Equal($"http://localhost/entries/{oldest}", first.Element(Atom + "id")!.Value);
        Assert.Equal("Kenya", first.Element(Atom + "author")!.Element(Atom + "name")!.Value);
        Assert.Equal("First *summary*", first.Element(Atom + "summary")!.Value);
        Assert.Equal("text", first.Element(Atom + "summary")!.Attribute("type")!.Value);
    }

    [Fact]
    public async Task Feed_TitleWithMarkup_IsEscapedText()
    {
        const string hostile = "<script>alert('x')</script> Tom & Jerry";
        await Portal.PublishAsync("KEN", title: hostile, summary: "<b>bold</b> & more");

        using var client = Portal.CreateClient();
        var xml = await client.GetStringAsync("/feed.atom");
        var feed = XDocument.Parse(xml);

        var entry = feed.Root!.Elements(Atom + "entry").First();
        Assert.Equal(hostile, entry.Element(Atom + "title")!.Value);
        Assert.Empty(entry.Element(Atom + "title")!.Elements());
        Assert.Equal("<b>bold</b> & more", entry.Element(Atom + "summary")!.Value);
        Assert.DoesNotContain(feed.Descendants(), e => e.Name.LocalName is "script" or "b");
        Assert.Contains("&lt;script&gt;", xml, StringComparison.Ordinal);
        Assert.Contains("Tom &amp; Jerry", xml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Feed_HasAtMost50Entries()
    {
        var (_, feed) = await GetFeedAsync("/feed.atom");

        Assert.InRange(feed.Root!.Elements(Atom + "entry").Count(), 1, 50);
    }

    [Theory]
    [InlineData("/norms/12/feed.atom")]
    [InlineData("/states/xxx/feed.atom")]
    [InlineData("/states/kenya/feed.atom")]
    public async Task Feed_OfAnUnknownNormOrState_IsNotFound(string url)
    {
        using var client = Portal.CreateClient();
        using var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("/en/", "/en/feed.atom")]
    [InlineData("/norms/4", "/norms/4/feed.atom")]
    [InlineData("/states/KEN", "/states/ken/feed.atom")]
    public async Task Page_AnnouncesItsFeed_InTheHead(string url, string feed)
    {
        var (_, page) = await Portal.GetPageAsync(url);

        var link = page.Head!.QuerySelector("link[rel='alternate'][type='application/atom+xml']");
        Assert.Equal(feed, link?.GetAttribute("href"));
    }

    private async Task<(string? ContentType, XDocument Feed)> GetFeedAsync(string url)
    {
        using var client = Portal.CreateClient();
        using var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var stream = await response.Content.ReadAsStreamAsync();
        return (response.Content.Headers.ContentType?.MediaType, await XDocument.LoadAsync(stream, LoadOptions.None, CancellationToken.None));
    }
}

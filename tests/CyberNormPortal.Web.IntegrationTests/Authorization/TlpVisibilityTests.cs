using System.Globalization;
using System.Net;
using System.Text.Json;
using AngleSharp.Dom;
using CsvHelper;
using CyberNormPortal.Domain.Entries;
using CyberNormPortal.Web.Identity;
using CyberNormPortal.Web.IntegrationTests.Exports;
using CyberNormPortal.Web.IntegrationTests.Infrastructure;

namespace CyberNormPortal.Web.IntegrationTests.Authorization;

/// <summary>
/// The visibility matrix: every kind of reader × every read surface × a Kenyan entry labelled TLP:CLEAR, one TLP:GREEN
/// and one TLP:AMBER. Each surface shows exactly the entries the reader may see and nothing else: CLEAR to everyone,
/// GREEN to any signed-in account, AMBER to Kenya's own points of contact and to moderators acting as such (with
/// two-factor sign-in); the feeds and the API serve CLEAR only, whoever asks.
/// <para>
/// Not a cache's doing: signed-in readers are never served from the anonymous page cache, and every signed-in row
/// expects the GREEN entry on every HTML page and export, which no anonymous (cached) copy holds; HTML pages must also
/// show the reader's own name in the header, so each was rendered for that reader.
/// </para>
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class TlpVisibilityTests(PortalFixture portal, TlpVisibilityTests.World world)
    : IClassFixture<TlpVisibilityTests.World>, IAsyncLifetime
{
    private const string Word = "zephyrine";

    private static readonly string[] Readers =
    [
        "anonymous", "analyst", "own-contributor", "own-approver", "other-contributor", "other-approver",
        "moderator", "moderator-without-two-factor", "administrator", "administrator-without-two-factor",
    ];

    /// <summary>The surfaces; "public" ones serve TLP:CLEAR only, whoever asks.</summary>
    private static readonly (string Name, bool Public)[] Surfaces =
    [
        ("entry page", false), ("norm page", false), ("norm index count", false), ("State page", false),
        ("State index count", false), ("search", false), ("search CSV", false), ("search JSON", false),
        ("synthesis", false), ("synthesis .md", false), ("synthesis .docx", false), ("compare", false),
        ("coverage count", false), ("feed", true), ("norm feed", true), ("State feed", true),
        ("API entries", true), ("API entry", true), ("API synthesis", true),
    ];

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var reader in Readers)
        {
            foreach (var (surface, _) in Surfaces)
            {
                data.Add(reader, surface);
            }
        }

        return data;
    }

    public Task InitializeAsync() => world.EnsureAsync(portal);

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Surface_Reader_ShowsExactlyTheEntriesTheReaderMaySee(string reader, string surface)
    {
        var isPublic = Surfaces.Single(s => s.Name == surface).Public;
        var expected = new SortedSet<TlpLabel> { TlpLabel.Clear };
        if (!isPublic && reader != "anonymous")
        {
            expected.Add(TlpLabel.Green);
        }

        if (!isPublic && reader is "own-contributor" or "own-approver" or "moderator")
        {
            expected.Add(TlpLabel.Amber);
        }

        var browser = world.Browsers[reader];

        var seen = await SeenAsync(browser, surface, reader != "anonymous" ? world.Names[reader] : null);

        Assert.Equal(string.Join(", ", expected), string.Join(", ", seen));
    }

    /// <summary>Which of the three entries <paramref name="surface"/> shows to <paramref name="browser"/>.</summary>
    private async Task<SortedSet<TlpLabel>> SeenAsync(Browser browser, string surface, string? displayName)
    {
        switch (surface)
        {
            case "entry page":
                return await ByIdAsync(id => browser.Client.GetAsync($"/entries/{id}"));
            case "API entry":
                return await ByIdAsync(id => browser.Client.GetAsync($"/api/v1/entries/{id}"));
            case "norm index count":
                var norms = await PageAsync(browser, "/norms", displayName);
                var normCount = Count(norms.Document.QuerySelectorAll(".norm-list__item")[2].QuerySelector(".count"));
                return CountOf(normCount - world.SeededOnNorm3);
            case "State index count":
                var states = await PageAsync(browser, "/states", displayName);
                var meta = states.Document.QuerySelector("a[href='/states/ken']")!.ParentElement!.QuerySelector(".state-list__meta");
                return CountOf(Text.Visible(meta).Contains('·', StringComparison.Ordinal) ? Count(meta) : 0);
            case "coverage count":
                var coverage = await PageAsync(browser, "/coverage?region=African", displayName);
                var kenya = coverage.Document.QuerySelectorAll("table.coverage tbody tr").Single(r => Text.Visible(r.QuerySelector("th")) == "Kenya");
                return CountOf(Count(kenya.QuerySelectorAll("td")[2]));
            case "search":
                var search = await PageAsync(browser, $"/search?q={Word}", displayName);
                return Titles(search.Document.QuerySelectorAll(".search-results h3").Select(h => Text.Visible(h)));
            case "search CSV":
                var csvText = await OkTextAsync(browser, $"/search/export.csv?q={Word}");
                using (var csv = new CsvReader(new StringReader(csvText), CultureInfo.InvariantCulture))
                {
                    return Titles(csv.GetRecords<dynamic>().Cast<IDictionary<string, object>>().Select(r => (string)r["Title"]).ToList());
                }

            case "search JSON":
                using (var json = JsonDocument.Parse(await OkTextAsync(browser, $"/search/export.json?q={Word}")))
                {
                    return Titles(json.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("title").GetString()!).ToList());
                }

            case "synthesis .docx":
                var paragraphs = await browser.WordParagraphsAsync("?region=African");
                return Mentioned(string.Join("\n", paragraphs.Select(p => p.Text)));
            case "synthesis .md":
                return Mentioned(await browser.MarkdownAsync("?region=African"));
            default:
                var (url, html) = surface switch
                {
                    "norm page" => ("/norms/3", true),
                    "State page" => ("/states/ken", true),
                    "synthesis" => ("/synthesis?region=African", true),
                    "compare" => ("/compare?states=KEN,FRA", true),
                    "feed" => ("/feed.atom", false),
                    "norm feed" => ("/norms/3/feed.atom", false),
                    "State feed" => ("/states/ken/feed.atom", false),
                    "API entries" => ("/api/v1/entries?state=KEN&pageSize=200", false),
                    "API synthesis" => ("/api/v1/synthesis?region=african", false),
                    _ => throw new ArgumentOutOfRangeException(nameof(surface)),
                };
                return Mentioned(html ? (await PageAsync(browser, url, displayName)).Text : await OkTextAsync(browser, url));
        }
    }

    private async Task<SortedSet<TlpLabel>> ByIdAsync(Func<int, Task<HttpResponseMessage>> get)
    {
        var seen = new SortedSet<TlpLabel>();
        foreach (var (label, id) in world.Ids)
        {
            using var response = await get(id);
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.NotFound, $"Entry {id} answered {(int)response.StatusCode}.");
            if (response.StatusCode == HttpStatusCode.OK)
            {
                seen.Add(label);
            }
        }

        return seen;
    }

    private static async Task<PageResponse> PageAsync(Browser browser, string url, string? displayName)
    {
        var page = await browser.GetAsync(url);
        Assert.True(page.Status == HttpStatusCode.OK, $"GET {url} answered {(int)page.Status}.");
        var account = Text.Visible(page.Document.QuerySelector(".account-nav"));
        if (displayName is null)
        {
            Assert.Contains("Sign in", account, StringComparison.Ordinal);
        }
        else
        {
            // Rendered for this reader, not a copy from the anonymous page cache.
            Assert.Contains(displayName, account, StringComparison.Ordinal);
        }

        return page;
    }

    private static async Task<string> OkTextAsync(Browser browser, string url)
    {
        using var response = await browser.Client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} answered {(int)response.StatusCode}.");
        return await response.Content.ReadAsStringAsync();
    }

    private static SortedSet<TlpLabel> Mentioned(string text) =>
        [.. World.Titles.Where(t => text.Contains(t.Value, StringComparison.Ordinal)).Select(t => t.Key)];

    /// <summary>Exactly our titles, each once: anything else the surface lists is a failure.</summary>
    private static SortedSet<TlpLabel> Titles(IEnumerable<string> titles)
    {
        var list = titles.ToList();
        Assert.All(list, title => Assert.Contains(title, World.Titles.Values));
        Assert.Equal(list.Count, list.Distinct().Count());
        return [.. World.Titles.Where(t => list.Contains(t.Value)).Select(t => t.Key)];
    }

    /// <summary>A count stands for the first <paramref name="count"/> labels: only right if it equals the expected set's size.</summary>
    private static SortedSet<TlpLabel> CountOf(int count)
    {
        Assert.InRange(count, 0, 3);
        return [.. World.Titles.Keys.Take(count)];
    }

    private static int Count(IElement? element) =>
        int.Parse(new string(Text.Visible(element).SkipWhile(c => !char.IsAsciiDigit(c)).TakeWhile(char.IsAsciiDigit).ToArray()) is { Length: > 0 } digits ? digits : "0", CultureInfo.InvariantCulture);

    /// <summary>
    /// The three entries and one signed-in browser per reader, made once for the class (its tests only read). The first
    /// test resets the database, so nothing an earlier class left is counted.
    /// </summary>
    public sealed class World : IDisposable
    {
        public static readonly IReadOnlyDictionary<TlpLabel, string> Titles = new SortedDictionary<TlpLabel, string>
        {
            [TlpLabel.Clear] = $"Clear {Word} incident playbook",
            [TlpLabel.Green] = $"Green {Word} community arrangement",
            [TlpLabel.Amber] = $"Amber {Word} restricted protocol",
        };

        private readonly SemaphoreSlim _gate = new(1, 1);
        private bool _ready;

        public Dictionary<TlpLabel, int> Ids { get; } = [];

        public Dictionary<string, Browser> Browsers { get; } = [];

        public Dictionary<string, string> Names { get; } = [];

        /// <summary>What a reader who sees none of the three counts on norm 3 (the seeded G7 entries).</summary>
        public int SeededOnNorm3 { get; private set; }

        public async Task EnsureAsync(PortalFixture portal)
        {
            await _gate.WaitAsync();
            try
            {
                if (_ready)
                {
                    return;
                }

                await portal.ResetAsync();
                var (_, norms) = await portal.GetPageAsync("/norms");
                SeededOnNorm3 = Count(norms.QuerySelectorAll(".norm-list__item")[2].QuerySelector(".count"));
                var author = await portal.CreateUserAsync(PortalRoles.Contributor, "KEN");
                foreach (var (label, title) in Titles)
                {
                    Ids[label] = await portal.CreateEntryAsync(author, EntryStatus.Published, label, norm: 3, title: title);
                }

                Browsers["anonymous"] = portal.NewBrowser();
                await AddAsync(portal, "own-contributor", author);
                await AddAsync(portal, "own-approver", await portal.CreateUserAsync(PortalRoles.Approver, "KEN"));
                await AddAsync(portal, "analyst", await portal.CreateUserAsync(PortalRoles.Analyst));
                await AddAsync(portal, "other-contributor", await portal.CreateUserAsync(PortalRoles.Contributor, "FRA"));
                await AddAsync(portal, "other-approver", await portal.CreateUserAsync(PortalRoles.Approver, "FRA"));
                await AddAsync(portal, "moderator", await portal.CreateUserAsync(PortalRoles.Moderator));
                await AddAsync(portal, "moderator-without-two-factor", await portal.CreateUserAsync(PortalRoles.Moderator, twoFactor: false));
                await AddAsync(portal, "administrator", await portal.CreateUserAsync(PortalRoles.Administrator));
                await AddAsync(portal, "administrator-without-two-factor", await portal.CreateUserAsync(PortalRoles.Administrator, twoFactor: false));
                _ready = true;
            }
            finally
            {
                _gate.Release();
            }
        }

        private async Task AddAsync(PortalFixture portal, string reader, TestUser user)
        {
            Browsers[reader] = await portal.SignInAsync(user);
            Names[reader] = user.DisplayName;
        }

        public void Dispose()
        {
            foreach (var browser in Browsers.Values)
            {
                browser.Dispose();
            }

            _gate.Dispose();
        }
    }
}

using System.Net;
using CyberNormPortal.Domain.Entries;
using CyberNormPortal.Web.Identity;
using CyberNormPortal.Web.IntegrationTests.Infrastructure;

namespace CyberNormPortal.Web.IntegrationTests.Pages.My;

/// <summary>
/// What a point of contact meets first: where signing in lands them, how many items wait in the header, what was
/// returned to them, and what approving will do for this entry's State.
/// </summary>
public sealed class FirstContactTests(PortalFixture portal) : PortalTest(portal)
{
    public static TheoryData<string, bool, string> Landings => new()
    {
        { "analyst", false, "/" },
        { "contributor", false, "/my" },
        { "approver", false, "/my" },
        { "approver", true, "/review" },
        { "moderator", false, "/moderation" },
        { "moderator-without-two-factor", false, "/moderation" },
        { "administrator", false, "/admin" },
        { "administrator-without-two-factor", false, "/admin" },
    };

    [Theory]
    [MemberData(nameof(Landings))]
    public async Task SignIn_WithoutReturnUrl_LandsOnTheirWork(string person, bool somethingWaits, string landing)
    {
        if (somethingWaits)
        {
            var colleague = await Portal.CreateUserAsync(PortalRoles.Contributor, "KEN");
            await Portal.CreateEntryAsync(colleague, EntryStatus.Submitted);
        }

        var user = await UserAsync(person);
        using var browser = Portal.NewBrowser();

        var response = await browser.SubmitAsync("/account/sign-in", new Dictionary<string, object?>
        {
            ["Input.Email"] = user.Email,
            ["Input.Password"] = user.Password,
        });
        if (response.RedirectPath?.StartsWith("/account/sign-in/two-factor", StringComparison.Ordinal) == true)
        {
            Assert.DoesNotContain("returnUrl", response.RedirectPath, StringComparison.Ordinal);
            response = await browser.SubmitAsync(response.RedirectPath, new Dictionary<string, object?> { ["Input.Code"] = user.CurrentCode() });
        }

        Assert.Equal(landing, response.RedirectPath);
        var page = await browser.FollowAsync(response);
        if (person.EndsWith("-without-two-factor", StringComparison.Ordinal))
        {
            // Their work needs two-factor sign-in: the landing sends them to set it up, and back afterwards.
            Assert.Equal($"/account/two-factor?required=true&returnUrl={Uri.EscapeDataString(landing)}", page.RedirectPath);
        }
        else
        {
            if (landing == "/")
            {
                // The home page is served at its address in the reader's language.
                Assert.Equal("/en/", page.RedirectPath);
                page = await browser.FollowAsync(page);
            }

            Assert.Equal(HttpStatusCode.OK, page.Status);
        }
    }

    [Fact]
    public async Task SignIn_WithALocalReturnUrl_GoesThere_AlsoThroughTheTwoFactorStep()
    {
        var moderator = await Portal.CreateUserAsync(PortalRoles.Moderator);
        using var browser = Portal.NewBrowser();

        var first = await browser.SubmitAsync("/account/sign-in?returnUrl=%2Fsearch%3Fq%3Dgrid", new Dictionary<string, object?>
        {
            ["Input.Email"] = moderator.Email,
            ["Input.Password"] = moderator.Password,
        });
        var second = await browser.SubmitAsync(first.RedirectPath!, new Dictionary<string, object?> { ["Input.Code"] = moderator.CurrentCode() });

        Assert.Equal("/search?q=grid", second.RedirectPath);
    }

    [Fact]
    public async Task Header_ShowsHowManyItemsWait_ToThoseWhoWorkTheQueue_AsText()
    {
        var contributor = await Portal.CreateUserAsync(PortalRoles.Contributor, "KEN");
        await Portal.CreateEntryAsync(contributor, EntryStatus.Submitted, title: "First waiting");
        await Portal.CreateEntryAsync(contributor, EntryStatus.Submitted, title: "Second waiting");
        await Portal.CreateEntryAsync(contributor, EntryStatus.Submitted, title: "Third waiting");
        var partner = await Portal.CreateUserAsync(PortalRoles.Contributor, "BRA");
        await Portal.CreateEntryAsync(partner, EntryStatus.AwaitingModeration, title: "Brazil awaits");
        await Portal.CreateEntryAsync(contributor, EntryStatus.AwaitingModeration, title: "Kenya awaits");
        var (approver, _) = await Portal.SignInAsAsync(PortalRoles.Approver, "KEN");
        var (moderator, _) = await Portal.SignInAsAsync(PortalRoles.Moderator);
        using var author = await Portal.SignInAsync(contributor);

        var approversHeader = await AccountNavAsync(approver, "/norms");
        var moderatorsHeader = await AccountNavAsync(moderator, "/norms");
        var authorsHeader = await AccountNavAsync(author, "/norms");

        Assert.Equal("Review (3 waiting)", Text.Visible(approversHeader.QuerySelector("a[href='/review']")));
        Assert.Equal("(3 waiting)", Text.Visible(approversHeader.QuerySelector("a[href='/review'] .nav-count")));
        Assert.Equal(" waiting", approversHeader.QuerySelector("a[href='/review'] .visually-hidden")!.TextContent);
        Assert.Null(approversHeader.QuerySelector("a[href='/moderation']"));
        Assert.Equal("Moderation (2 waiting)", Text.Visible(moderatorsHeader.QuerySelector("a[href='/moderation']")));
        // Kenya has several points of contact here, so the moderator stands in for none of its entries.
        Assert.Equal("Review (0 waiting)", Text.Visible(moderatorsHeader.QuerySelector("a[href='/review']")));
        Assert.Null(authorsHeader.QuerySelector("a[href='/review']"));
        Assert.Null(authorsHeader.QuerySelector(".nav-count"));
        // The same count as the queue page lists.
        Assert.Equal(3, (await approver.GetAsync("/review")).Document.QuerySelectorAll("main .queue > li").Length);
        Assert.Equal(2, (await moderator.GetAsync("/moderation")).Document.QuerySelectorAll("section[aria-labelledby='awaiting-heading'] .queue > li").Length);
        approver.Dispose();
        moderator.Dispose();
    }

    [Fact]
    public async Task Header_AModeratorWithoutTwoFactor_GetsNoQueueOrCount_OnlyTheWayToSetItUp()
    {
        var partner = await Portal.CreateUserAsync(PortalRoles.Contributor, "BRA");
        await Portal.CreateEntryAsync(partner, EntryStatus.AwaitingModeration);
        using var browser = await Portal.SignInAsync(await Portal.CreateUserAsync(PortalRoles.Moderator, twoFactor: false));

        var header = await AccountNavAsync(browser, "/norms");

        Assert.Null(header.QuerySelector("a[href='/moderation']"));
        Assert.Null(header.QuerySelector("a[href='/review']"));
        Assert.Null(header.QuerySelector("a[href='/admin']"));
        Assert.Null(header.QuerySelector(".nav-count"));
        var setUp = header.QuerySelector("a[href^='/account/two-factor']");
        Assert.Equal("Set up two-factor sign-in", Text.Visible(setUp));
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(setUp!.GetAttribute("href")!)).Status);
    }

    [Fact]
    public async Task Header_CachedAnonymousPages_NeverCarryAnyonesCounts()
    {
        var contributor = await Portal.CreateUserAsync(PortalRoles.Contributor, "KEN");
        await Portal.CreateEntryAsync(contributor, EntryStatus.Submitted);
        await Portal.PublishAsync("KEN", title: "Cached quokka page");
        var (approver, _) = await Portal.SignInAsAsync(PortalRoles.Approver, "KEN");
        using var visitor = Portal.NewBrowser();

        var before = await AccountNavAsync(visitor, "/search?q=quokka");
        var signedIn = await AccountNavAsync(approver, "/search?q=quokka");
        var after = await AccountNavAsync(visitor, "/search?q=quokka");
        using var cached = await visitor.Client.GetAsync("/search?q=quokka");

        // The anonymous copy really is the cached one, and the signed-in page was rendered for the approver.
        Assert.True(cached.Headers.Age.HasValue, "the anonymous page should come from the cache");
        Assert.Equal("Review (1 waiting)", Text.Visible(signedIn.QuerySelector("a[href='/review']")));
        foreach (var header in new[] { before, after })
        {
            Assert.Null(header.QuerySelector("a[href='/review']"));
            Assert.Null(header.QuerySelector(".nav-count"));
            Assert.NotNull(header.QuerySelector("a[href='/account/sign-in']"));
        }

        approver.Dispose();
    }

    [Fact]
    public async Task ReturnedToYou_ListsWhatWasReturnedToThisPerson_NotEveryReturnedEntryOfTheState()
    {
        var cycle = await Portal.OpenCycleAsync();
        var (alice, _) = await Portal.SignInAsAsync(PortalRoles.Contributor, "KEN");
        var (bob, _) = await Portal.SignInAsAsync(PortalRoles.Contributor, "KEN");
        var (approver, _) = await Portal.SignInAsAsync(PortalRoles.Approver, "KEN");
        var created = await alice.SubmitAsync("/entries/new", new Dictionary<string, object?>
        {
            ["Input.NormNumber"] = "3",
            ["Input.CycleId"] = cycle.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Kind"] = nameof(EntryKind.ImplementationStep),
            ["Input.PracticeCategories"] = nameof(PracticeCategory.InstitutionsAndCerts),
            ["Input.Title"] = "Alice's returned step",
            ["Input.Summary"] = "A summary.",
            ["Input.Body"] = "A body.",
            ["Input.Language"] = "en",
            ["Input.Visibility"] = nameof(TlpLabel.Clear),
            ["Command"] = "submit",
        });
        var id = created.RedirectPath!.Split('/')[2];
        var returned = await approver.SubmitAsync($"/entries/{id}/review", new Dictionary<string, object?> { ["reason"] = "Name the ministry." }, "#action-return");
        Assert.Equal(HttpStatusCode.Redirect, returned.Status);

        var alicesDesk = await alice.GetAsync("/my");
        var bobsDesk = await bob.GetAsync("/my");

        Assert.Equal("Returned to you (1)", Text.Visible(alicesDesk.Document.QuerySelector("#returned-heading")));
        Assert.Contains("Alice's returned step", Text.Visible(alicesDesk.Document.QuerySelector("section[aria-labelledby='returned-heading']")));
        Assert.DoesNotContain("Alice's returned step", Text.Visible(alicesDesk.Document.QuerySelector("section[aria-labelledby='drafts-heading']")));
        Assert.Null(bobsDesk.Document.QuerySelector("#returned-heading"));
        // Bob still sees his State's returned draft, among the drafts, with why it came back.
        var bobsDrafts = Text.Visible(bobsDesk.Document.QuerySelector("section[aria-labelledby='drafts-heading']"));
        Assert.Contains("Alice's returned step", bobsDrafts);
        Assert.Contains("Name the ministry.", bobsDrafts);
        foreach (var browser in new[] { alice, bob, approver })
        {
            browser.Dispose();
        }
    }

    [Theory]
    [InlineData("FRA", "France is an initiative member: approving publishes this entry at once.")]
    [InlineData("KEN", "Kenya is a partner State: approving sends this entry to the moderators, who publish it.")]
    public async Task ApproveStep_SaysWhatWillHappenForThisEntrysState(string state, string expected)
    {
        var contributor = await Portal.CreateUserAsync(PortalRoles.Contributor, state);
        var id = await Portal.CreateEntryAsync(contributor, EntryStatus.Submitted);
        var (approver, _) = await Portal.SignInAsAsync(PortalRoles.Approver, state);

        var review = await approver.GetAsync($"/entries/{id}/review");

        Assert.Equal(expected, Text.Visible(review.Document.QuerySelector("#action-approve p")));
        var approved = await approver.SubmitAsync(review, formSelector: "#action-approve");
        var status = await Portal.WithDbAsync(db => Task.FromResult(db.Entries.Where(e => e.Id == id).Select(e => e.Status).Single()));
        Assert.Equal(HttpStatusCode.Redirect, approved.Status);
        Assert.Equal(state == "FRA" ? EntryStatus.Published : EntryStatus.AwaitingModeration, status);
        approver.Dispose();
    }

    private static async Task<AngleSharp.Dom.IElement> AccountNavAsync(Browser browser, string url)
    {
        var page = await browser.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        return page.Document.QuerySelector(".account-nav")!;
    }

    private Task<TestUser> UserAsync(string person) => person switch
    {
        "analyst" => Portal.CreateUserAsync(PortalRoles.Analyst),
        "contributor" => Portal.CreateUserAsync(PortalRoles.Contributor, "KEN"),
        "approver" => Portal.CreateUserAsync(PortalRoles.Approver, "KEN"),
        "moderator" => Portal.CreateUserAsync(PortalRoles.Moderator),
        "moderator-without-two-factor" => Portal.CreateUserAsync(PortalRoles.Moderator, twoFactor: false),
        "administrator" => Portal.CreateUserAsync(PortalRoles.Administrator),
        "administrator-without-two-factor" => Portal.CreateUserAsync(PortalRoles.Administrator, twoFactor: false),
        _ => throw new ArgumentOutOfRangeException(nameof(person)),
    };
}

using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace CyberNormPortal.Web.BrowserTests.PageObjects;

/// <summary>
/// The portal's French texts, read from the resource file the portal shows, so the journey finds labels and buttons
/// as a French reader sees them. An English key without a French text fails loudly.
/// </summary>
public static class French
{
    private static readonly ResourceManager Texts = new("CyberNormPortal.Web.Resources.SharedResource", typeof(SharedResource).Assembly);
    private static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("fr");

    public static string T(string key) => Maybe(key) ?? throw new InvalidOperationException($"No French text for \"{key}\".");

    public static string T(string key, params object[] values) => string.Format(Culture, T(key), values);

    /// <summary>The French text of <paramref name="key"/>, or null while no resource exists for it yet.</summary>
    public static string? Maybe(string key) => Texts.GetResourceSet(Culture, createIfNotExists: true, tryParents: false)?.GetString(key);
}

/// <summary>Checks every page the journey visits: French (some redirects drop the prefix; the cookie keeps the language) and no axe violation.</summary>
public static class FrenchPage
{
    public static async Task AssertFrenchAndAccessibleAsync(this IPage page)
    {
        Assert.True(await page.Locator("html").GetAttributeAsync("lang") == "fr", $"{page.Url} is not in French.");
        await Infrastructure.Accessibility.AssertNoAxeViolationsAsync(page);
    }
}

/// <summary>Signing in under <c>/fr/</c>, with the authenticator step when the account has one.</summary>
public static class FrenchSignIn
{
    public static async Task SignInAsync(IPage page, string email, string password, Func<string>? code = null)
    {
        await page.GotoAsync("/fr/account/sign-in");
        await page.GetByLabel(French.T("E-mail address")).FillAsync(email);
        await page.GetByLabel(French.T("Password"), new() { Exact = true }).FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = French.T("Sign in"), Exact = true }).ClickAsync();
        if (code is not null)
        {
            await page.WaitForURLAsync("**/fr/account/sign-in/two-factor**");
            await page.GetByLabel(French.T("Code")).FillAsync(code());
            await page.GetByRole(AriaRole.Button, new() { Name = French.T("Continue") }).ClickAsync();
        }

        await page.GetByRole(AriaRole.Button, new() { Name = French.T("Sign out") }).WaitForAsync();
    }

    /// <summary>Sets a password from an invitation link (the mailed link, opened under <c>/fr/</c>).</summary>
    public static async Task AcceptInvitationAsync(IPage page, string pathAndQuery, string password)
    {
        await page.GotoAsync(pathAndQuery.StartsWith("/fr/", StringComparison.Ordinal) ? pathAndQuery : "/fr" + pathAndQuery);
        await page.GetByLabel(French.T("Password"), new() { Exact = true }).FillAsync(password);
        await page.GetByLabel(French.T("Password again")).FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = French.T("Create my account") }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = French.T("Sign out") }).WaitForAsync();
    }
}

/// <summary>What the capacity pages share: the success notice, the status, the id in the address.</summary>
public abstract partial class CapacityPage(IPage page) : PortalPage(page)
{
    public ILocator Notice => Page.Locator(".notice--success");

    public ILocator Status => Page.Locator("main .status").First;

    public ILocator Main => Page.Locator("main");

    /// <summary>The number after <paramref name="segment"/> in the page's address (<c>/capacity/work/12</c> → 12).</summary>
    protected int IdAfter(string segment)
    {
        var match = Regex.Match(new Uri(Page.Url).AbsolutePath, $"/{Regex.Escape(segment)}/(\\d+)");
        Assert.True(match.Success, $"No id after /{segment}/ in {Page.Url}.");
        return int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Waits for the address a post leads to; when the page stays with an error summary instead, fails with what it
    /// says, so a refused form reads as such rather than as a timeout.
    /// </summary>
    protected async Task WaitForPageAsync(Regex address)
    {
        try
        {
            await Page.WaitForURLAsync(address);
        }
        catch (TimeoutException)
        {
            throw new Xunit.Sdk.XunitException($"{Page.Url} did not lead to {address}; the page says: {await ErrorsShownAsync()}");
        }
    }

    /// <summary>Clicks a button by its French name and waits for the success notice that follows the post.</summary>
    public async Task TakeStepAsync(string buttonKey)
    {
        var before = await Notice.CountAsync() > 0 ? await Notice.First.InnerTextAsync() : null;
        await Page.GetByRole(AriaRole.Button, new() { Name = French.T(buttonKey), Exact = true }).ClickAsync();
        await WaitForNewNoticeAsync(before);
    }

    /// <summary>Waits until the page shows a success notice that was not there before the last post.</summary>
    protected async Task WaitForNewNoticeAsync(string? before)
    {
        try
        {
            await Page.WaitForFunctionAsync(
                "before => { const n = document.querySelector('.notice--success'); return n && n.innerText !== before; }", before ?? "");
        }
        catch (TimeoutException)
        {
            throw new Xunit.Sdk.XunitException($"No new success notice on {Page.Url}; the page says: {await ErrorsShownAsync()}");
        }
    }

    private async Task<string> ErrorsShownAsync()
    {
        var errors = Page.Locator(".error-summary, .field-error:not(:empty), .notice--error");
        return await errors.CountAsync() > 0 ? string.Join(" | ", await errors.AllInnerTextsAsync()) : "(no error shown)";
    }
}

/// <summary>The form of a new need or offer (<c>/capacity/new</c>) and of a draft (<c>/capacity/work/{id}</c>).</summary>
public sealed class CapacityFormPage(IPage page) : CapacityPage(page)
{
    public ILocator Title => Page.GetByLabel(French.T("Title"), new() { Exact = true });

    public ILocator Description => Page.GetByLabel(French.T("Description"), new() { Exact = true });

    /// <summary>The checkbox of norm <paramref name="number"/> (its value is the norm's number).</summary>
    public ILocator Norm(int number) => Page.Locator($"main input[type=checkbox][name$='Norms'][value='{number}']");

    public ILocator Kind(string kind) => Page.Locator($"main input[type=checkbox][name$='Kinds'][value='{kind}']");

    public ILocator Language(string tag) => Page.Locator($"main input[type=checkbox][name$='Languages'][value='{tag}']");

    public ILocator Region(string region) => Page.Locator($"main input[type=checkbox][name$='Regions'][value='{region}']");

    public ILocator AvailableFrom => Page.GetByLabel(French.T(CapacityTexts.AvailableFrom), new() { Exact = true });

    public ILocator AvailableUntil => Page.GetByLabel(French.T(CapacityTexts.AvailableUntil), new() { Exact = true });

    public ILocator Visibility(string tlp) => Page.Locator($"main input[type=radio][name$='Visibility'][value='{tlp}']");

    public async Task ChooseLanguageAsync(string tag)
    {
        if (await Language(tag).CountAsync() > 0)
        {
            await Language(tag).CheckAsync();
            return;
        }

        // A list of languages may also be a multiple select.
        await Page.Locator("main select[name$='Languages']").SelectOptionAsync(new SelectOptionValue { Value = tag });
    }

    /// <summary>Saves the draft and waits for its working page (<c>/capacity/work/{id}</c>).</summary>
    public async Task<CapacityWorkPage> SaveAsync()
    {
        await Page.Locator("main form").GetByRole(AriaRole.Button, new() { Name = French.T(CapacityTexts.SaveDraft), Exact = true }).ClickAsync();
        await WaitForPageAsync(new Regex("(/fr)?/capacity/work/\\d+"));
        var work = new CapacityWorkPage(Page);
        await work.Notice.First.WaitForAsync();
        return work;
    }
}

/// <summary>A need's or offer's working page: its content, status and the workflow steps the reader may take.</summary>
public sealed class CapacityWorkPage(IPage page) : CapacityPage(page)
{
    public int Id => IdAfter("capacity/work");

    public static async Task<CapacityWorkPage> OpenAsync(IPage page, int id)
    {
        await page.GotoAsync($"/fr/capacity/work/{id}");
        return new CapacityWorkPage(page);
    }
}

/// <summary>A point of contact's needs and offers (<c>/fr/my/capacity</c>).</summary>
public sealed class MyCapacityPage(IPage page) : CapacityPage(page)
{
    public static async Task<MyCapacityPage> OpenAsync(IPage page)
    {
        await page.GotoAsync("/fr/my/capacity");
        return new MyCapacityPage(page);
    }

    /// <summary>The section (under its heading) that lists the items waiting for the reader's approval.</summary>
    public ILocator WaitingForApproval => Page.Locator("main section").Filter(new() { Has = Page.GetByRole(AriaRole.Heading, new() { Name = French.T(CapacityTexts.WaitingForApproval) }) });

    public async Task<CapacityWorkPage> OpenAsync(ILocator within, string title)
    {
        await within.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await Page.WaitForURLAsync(new Regex("(/fr)?/capacity/work/\\d+"));
        return new CapacityWorkPage(Page);
    }
}

/// <summary>A need's or offer's public page (<c>/fr/capacity/{id}</c>) with the counterparts it suggests.</summary>
public sealed class CapacityItemPage(IPage page) : CapacityPage(page)
{
    public static async Task<CapacityItemPage> OpenAsync(IPage page, int id)
    {
        await page.GotoAsync($"/fr/capacity/{id}");
        return new CapacityItemPage(page);
    }

    /// <summary>The suggestions section (under its heading "Suggested offers" or "Suggested needs").</summary>
    public ILocator Suggestions => Page.Locator("main section#suggestions");

    /// <summary>The suggestion of the counterpart titled <paramref name="title"/>: the row (or list item) that links to it.</summary>
    public ILocator Suggestion(string title) =>
        Suggestions.Locator("tr, li").Filter(new() { Has = Page.GetByRole(AriaRole.Link, new() { Name = title, Exact = true }) }).First;

    /// <summary>The suggestion's button; its accessible name may add the counterpart's title ("Express interest: …").</summary>
    public ILocator ExpressInterestButton(string title) =>
        Suggestion(title).GetByRole(AriaRole.Button, new() { Name = French.T("Express interest") });

    public async Task ExpressInterestAsync(string title)
    {
        var before = await Notice.CountAsync() > 0 ? await Notice.First.InnerTextAsync() : null;
        await ExpressInterestButton(title).ClickAsync();
        await WaitForNewNoticeAsync(before);
    }

    /// <summary>
    /// Keyboard only: from the top of the page, Tab until the "Express interest" button of <paramref name="title"/>'s
    /// suggestion has the focus, then Enter.
    /// </summary>
    public async Task ExpressInterestWithKeyboardAsync(string title)
    {
        var target = ExpressInterestButton(title);
        await target.WaitForAsync();
        await Page.Locator("body").FocusAsync();
        await Page.EvaluateAsync("() => { document.activeElement?.blur(); window.scrollTo(0, 0); }");
        var reached = false;
        for (var i = 0; i < 300 && !reached; i++)
        {
            await Page.Keyboard.PressAsync("Tab");
            reached = await target.EvaluateAsync<bool>("e => e === document.activeElement");
        }

        Assert.True(reached, $"Tab never reached \"{French.T("Express interest")}\" for {title} on {Page.Url}.");
        var before = await Notice.CountAsync() > 0 ? await Notice.First.InnerTextAsync() : null;
        await Page.Keyboard.PressAsync("Enter");
        await WaitForNewNoticeAsync(before);
    }
}

/// <summary>A match between a need and an offer (<c>/fr/capacity/matches/{id}</c>).</summary>
public sealed class CapacityMatchPage(IPage page) : CapacityPage(page)
{
    public int Id => IdAfter("capacity/matches");
}

/// <summary>The secretariat's capacity queue (<c>/fr/moderation/capacity</c>).</summary>
public sealed class CapacityModerationPage(IPage page) : CapacityPage(page)
{
    public static async Task<CapacityModerationPage> OpenAsync(IPage page)
    {
        await page.GotoAsync("/fr/moderation/capacity");
        return new CapacityModerationPage(page);
    }

    public async Task<CapacityWorkPage> OpenItemAsync(string title)
    {
        await Page.Locator("main").GetByRole(AriaRole.Link, new() { Name = title }).First.ClickAsync();
        await Page.WaitForURLAsync(new Regex("(/fr)?/capacity/(work/)?\\d+"));
        return new CapacityWorkPage(Page);
    }

    /// <summary>The link to the match whose need is titled <paramref name="needTitle"/> (in its row or list item).</summary>
    public ILocator MatchLink(string needTitle) =>
        Page.Locator("main li, main tr").Filter(new() { HasText = needTitle }).Locator("a[href*='/capacity/matches/']").First;

    public async Task<CapacityMatchPage> OpenMatchAsync(string needTitle)
    {
        await MatchLink(needTitle).ClickAsync();
        await Page.WaitForURLAsync(new Regex("(/fr)?/capacity/matches/\\d+"));
        return new CapacityMatchPage(Page);
    }
}

/// <summary>The secretariat's organisations (<c>/fr/moderation/organisations</c>) and one organisation's page.</summary>
public sealed class OrganisationsPage(IPage page) : CapacityPage(page)
{
    public static async Task<OrganisationsPage> OpenAsync(IPage page)
    {
        await page.GotoAsync("/fr/moderation/organisations");
        return new OrganisationsPage(page);
    }

    /// <summary>Registers an organisation and waits for its page.</summary>
    public async Task RegisterAsync(string name, string website)
    {
        var form = Page.Locator("main form").Filter(new() { Has = Page.GetByRole(AriaRole.Button, new() { Name = French.T(CapacityTexts.CreateOrganisation), Exact = true }) });
        await form.GetByLabel(French.T(CapacityTexts.OrganisationName), new() { Exact = true }).FillAsync(name);
        await form.GetByLabel(French.T(CapacityTexts.Website), new() { Exact = true }).FillAsync(website);
        await form.GetByRole(AriaRole.Button, new() { Name = French.T(CapacityTexts.CreateOrganisation), Exact = true }).ClickAsync();
        await WaitForPageAsync(new Regex("(/fr)?/moderation/organisations/\\d+"));
        await Notice.First.WaitForAsync();
    }

    /// <summary>On the organisation's page: invites a point of contact, in <paramref name="language"/>.</summary>
    public async Task InviteContactAsync(string email, string name, string language)
    {
        var form = Page.Locator("main form").Filter(new() { Has = Page.GetByRole(AriaRole.Button, new() { Name = French.T(CapacityTexts.InviteContact), Exact = true }) });
        await form.GetByLabel(French.T("E-mail address")).FillAsync(email);
        await form.GetByLabel(French.T(CapacityTexts.InviteeName), new() { Exact = true }).FillAsync(name);
        await form.GetByLabel(French.T(CapacityTexts.InvitationLanguage), new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Value = language });
        var before = await Notice.CountAsync() > 0 ? await Notice.First.InnerTextAsync() : null;
        await form.GetByRole(AriaRole.Button, new() { Name = French.T(CapacityTexts.InviteContact), Exact = true }).ClickAsync();
        await WaitForNewNoticeAsync(before);
    }
}

/// <summary>The English keys of the texts the capacity pages show, where the journey needs them.</summary>
public static class CapacityTexts
{
    public const string PostAsNeed = "Post as a capacity need";
    public const string SaveDraft = "Save draft";
    public const string WaitingForApproval = "Waiting for your approval";
    public const string AvailableFrom = "Available from (optional)";
    public const string AvailableUntil = "Available until (optional)";
    public const string CreateOrganisation = "Register the organisation";
    public const string OrganisationName = "Name of the organisation";
    public const string Website = "Website";
    public const string InviteContact = "Send invitation";
    public const string InviteeName = "Name";
    public const string InvitationLanguage = "Language of the invitation";
}

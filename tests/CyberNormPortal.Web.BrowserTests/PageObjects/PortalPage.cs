using Microsoft.Playwright;

namespace CyberNormPortal.Web.BrowserTests.PageObjects;

/// <summary>What every page of the portal offers: its heading, the main navigation, the skip link.</summary>
public abstract class PortalPage(IPage page)
{
    public IPage Page { get; } = page;

    public ILocator Heading => Page.Locator("main h1");

    public Task<string> HeadingTextAsync() => Heading.InnerTextAsync();

    public ILocator NavLink(string name) =>
        Page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = name });
}

public sealed class HomePage(IPage page) : PortalPage(page)
{
    public static async Task<HomePage> OpenAsync(IPage page)
    {
        await page.GotoAsync("/");
        return new HomePage(page);
    }

    public async Task<SynthesisPage> OpenFeaturedSynthesisAsync()
    {
        await Page.GetByRole(AriaRole.Link, new() { Name = "Read the 2019 G7 synthesis" }).ClickAsync();
        await Page.WaitForURLAsync("**/synthesis?**");
        return new SynthesisPage(Page);
    }
}

public sealed class SynthesisPage(IPage page) : PortalPage(page)
{
    public ILocator NormSections => Page.Locator("section.synthesis-norm");

    public ILocator Norm(int number) => Page.Locator($"section#norm-{number}");

    public async Task<EntryPage> FollowBulletAsync(int norm, string title)
    {
        await Norm(norm).GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await Page.WaitForURLAsync("**/entries/*");
        return new EntryPage(Page);
    }

    public async Task ChooseScopeAsync(string? group = null, string? cycle = null, string? region = null)
    {
        if (group is not null)
        {
            await Page.GetByLabel("Group", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = group });
        }

        if (cycle is not null)
        {
            await Page.GetByLabel("Reporting cycle").SelectOptionAsync(new SelectOptionValue { Label = cycle });
        }

        if (region is not null)
        {
            await Page.GetByLabel("UN regional group").SelectOptionAsync(new SelectOptionValue { Label = region });
        }

        await Page.GetByRole(AriaRole.Button, new() { Name = "Show synthesis" }).ClickAsync();
        await Page.WaitForLoadStateAsync();
    }
}

public sealed class EntryPage(IPage page) : PortalPage(page)
{
    public ILocator Facts => Page.Locator("dl.facts");

    public ILocator Summary => Page.Locator(".entry__summary");
}

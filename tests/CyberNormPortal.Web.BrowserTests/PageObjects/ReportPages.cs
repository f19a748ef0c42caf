using Microsoft.Playwright;

namespace CyberNormPortal.Web.BrowserTests.PageObjects;

/// <summary>A point of contact's list of national reports (/my/reports).</summary>
public sealed class MyReportsPage(IPage page) : PortalPage(page)
{
    public static async Task<MyReportsPage> OpenAsync(IPage page)
    {
        await page.GotoAsync("/my/reports");
        return new MyReportsPage(page);
    }

    private ILocator Row(string cycle) => Page.Locator("tbody tr").Filter(new() { Has = Page.GetByRole(AriaRole.Rowheader, new() { Name = cycle }) });

    public async Task<ReportWorkPage> StartAsync(string cycle)
    {
        await Row(cycle).GetByRole(AriaRole.Button, new() { Name = "Start the report" }).ClickAsync();
        await Page.WaitForURLAsync("**/reports/work/*");
        return new ReportWorkPage(Page);
    }

    public async Task<ReportWorkPage> OpenAsync(string cycle)
    {
        await Row(cycle).GetByRole(AriaRole.Link, new() { Name = "Open the report" }).ClickAsync();
        await Page.WaitForURLAsync("**/reports/work/*");
        return new ReportWorkPage(Page);
    }
}

/// <summary>A report's working copy: its parts, its label and the steps the reader may take.</summary>
public sealed class ReportWorkPage(IPage page) : PortalPage(page)
{
    public ILocator Status => Page.Locator("main .status");

    public async Task<ReportPartPage> EditPartAsync(string title)
    {
        await Page.GetByRole(AriaRole.Link, new() { Name = $"Edit “{title}”" }).ClickAsync();
        await Page.WaitForURLAsync("**/parts/*");
        return new ReportPartPage(Page);
    }

    public async Task TakeStepAsync(string button, string notice)
    {
        await Page.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).ClickAsync();
        await Page.Locator(".notice--success").Filter(new() { HasText = notice }).WaitForAsync();
    }
}

/// <summary>One part of a report being filled in.</summary>
public sealed class ReportPartPage(IPage page) : PortalPage(page)
{
    public ILocator Question(string text) => Page.Locator("fieldset.question").Filter(new() { Has = Page.Locator("legend", new() { HasText = text }) });

    public ILocator Action(string text) => Page.Locator("fieldset.checklist-action").Filter(new() { Has = Page.Locator("legend", new() { HasText = text }) });

    public async Task<ReportWorkPage> SaveAsync()
    {
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save this part" }).ClickAsync();
        await Page.Locator(".notice--success").WaitForAsync();
        return new ReportWorkPage(Page);
    }
}

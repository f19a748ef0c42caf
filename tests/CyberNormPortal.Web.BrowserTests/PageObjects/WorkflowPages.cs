using Microsoft.Playwright;

namespace CyberNormPortal.Web.BrowserTests.PageObjects;

/// <summary>Signing in, with the authenticator step when the account has one.</summary>
public sealed class SignInPage(IPage page) : PortalPage(page)
{
    public static async Task<SignInPage> OpenAsync(IPage page)
    {
        await page.GotoAsync("/account/sign-in");
        return new SignInPage(page);
    }

    public async Task SignInAsync(string email, string password, Func<string>? code = null)
    {
        await Page.GetByLabel("E-mail address").FillAsync(email);
        await Page.GetByLabel("Password").FillAsync(password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        if (code is not null)
        {
            await Page.WaitForURLAsync("**/account/sign-in/two-factor**");
            await Page.GetByLabel("Code").FillAsync(code());
            await Page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        }

        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).WaitForAsync();
    }
}

public sealed class InvitationsPage(IPage page) : PortalPage(page)
{
    public static async Task<InvitationsPage> OpenAsync(IPage page)
    {
        await page.GotoAsync("/admin/invitations");
        return new InvitationsPage(page);
    }

    public async Task InviteAsync(string email, string name, string role, string? state)
    {
        await Page.GetByLabel("E-mail address").FillAsync(email);
        await Page.GetByLabel("Name", new() { Exact = true }).FillAsync(name);
        await Page.GetByLabel("Role").SelectOptionAsync(new SelectOptionValue { Value = role });
        if (state is not null)
        {
            await Page.GetByLabel("State", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Value = state });
        }

        await Page.GetByRole(AriaRole.Button, new() { Name = "Send invitation" }).ClickAsync();
        await Page.Locator(".notice--success").WaitForAsync();
    }
}

public sealed class AcceptInvitationPage(IPage page) : PortalPage(page)
{
    public async Task AcceptAsync(string password)
    {
        await Page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await Page.GetByLabel("Password again").FillAsync(password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Create my account" }).ClickAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).WaitForAsync();
    }
}

/// <summary>The new-entry and edit form.</summary>
public sealed class EntryFormPage(IPage page) : PortalPage(page)
{
    public ILocator Preview => Page.Locator("#preview");

    public async Task FillAsync(string norm, string title, string summary, string body, string kind, string category)
    {
        await Page.GetByLabel("Norm", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = norm });
        await Page.GetByLabel(kind).CheckAsync();
        await Page.GetByLabel(category).CheckAsync();
        await Page.GetByLabel("Title", new() { Exact = true }).FillAsync(title);
        await Page.GetByLabel("Summary", new() { Exact = true }).FillAsync(summary);
        await Page.GetByLabel("Body", new() { Exact = true }).FillAsync(body);
        await Page.Locator("input[name='Input.Visibility'][value='Clear']").CheckAsync();
        await Page.GetByLabel("Reference 1: title").FillAsync("Computer Misuse and Cybercrimes Act, 2018");
        await Page.GetByLabel("Reference 1: web address").FillAsync("https://kenyalaw.org/");
    }

    public Task SetSummaryAsync(string summary) => Page.GetByLabel("Summary", new() { Exact = true }).FillAsync(summary);

    public async Task PreviewAsync()
    {
        await Page.GetByRole(AriaRole.Button, new() { Name = "Preview" }).ClickAsync();
        await Preview.WaitForAsync();
    }

    public async Task<EntryReviewPage> SaveAndSubmitAsync()
    {
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save and submit for review" }).ClickAsync();
        await Page.Locator(".notice--success", new() { HasTextString = "Submitted for review." }).WaitForAsync();
        return new EntryReviewPage(Page);
    }
}

/// <summary>An entry's working copy with the steps the user may take.</summary>
public sealed class EntryReviewPage(IPage page) : PortalPage(page)
{
    public ILocator Notice => Page.Locator(".notice--success");

    public ILocator Status => Page.Locator("main .status").First;

    public async Task ReturnAsync(string reason)
    {
        await Page.GetByLabel("Reason (the author reads it)").FillAsync(reason);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Return with this reason" }).ClickAsync();
        await Notice.Filter(new() { HasTextString = "Returned to the author" }).WaitForAsync();
    }

    /// <summary>Clicks the step's button and waits for the notice that says it was taken.</summary>
    public async Task TakeStepAsync(string button, string notice)
    {
        await Page.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).ClickAsync();
        await Notice.Filter(new() { HasTextString = notice }).WaitForAsync();
    }

    public async Task<EntryFormPage> EditAsync()
    {
        await Page.GetByRole(AriaRole.Link, new() { Name = "Edit", Exact = true }).ClickAsync();
        await Page.WaitForURLAsync("**/edit");
        return new EntryFormPage(Page);
    }
}

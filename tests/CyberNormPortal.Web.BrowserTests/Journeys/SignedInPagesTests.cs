using CyberNormPortal.Tests.Shared;
using CyberNormPortal.Web.BrowserTests.Infrastructure;
using CyberNormPortal.Web.BrowserTests.PageObjects;
using CyberNormPortal.Web.Identity;
using Microsoft.Playwright;

namespace CyberNormPortal.Web.BrowserTests.Journeys;

/// <summary>Every signed-in page, on a desktop and on a phone: no axe violation of any impact, no sideways scrolling.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SignedInPagesTests(BrowserFixture browser)
{
    public static TheoryData<string, int> Cases()
    {
        var data = new TheoryData<string, int>();
        foreach (var role in new[] { PortalRoles.Contributor, PortalRoles.Moderator, PortalRoles.Administrator })
        {
            data.Add(role, 1280);
            data.Add(role, 390);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task EveryPageOfTheRole_IsAccessibleAndFitsTheScreen(string role, int width)
    {
        var state = PortalRoles.NeedsState(role) ? "KEN" : null;
        var account = await TestAccounts.CreateAsync(browser.Services, [role], state, twoFactor: PortalRoles.NeedsTwoFactor(role));
        var page = await browser.NewPageAsync(width);
        await (await SignInPage.OpenAsync(page)).SignInAsync(account.Email, account.Password, account.AuthenticatorKey is null ? null : account.CurrentCode);

        string[] pages = role switch
        {
            PortalRoles.Contributor => ["/my", "/entries/new", "/account", "/account/change-password", "/account/two-factor"],
            PortalRoles.Moderator => ["/moderation", "/review", "/admin", "/admin/cycles", "/admin/cycles/edit", "/admin/groups"],
            _ => ["/admin", "/admin/users", "/admin/invitations", "/admin/audit", "/admin/states", "/admin/users/" + account.Id],
        };
        foreach (var url in pages)
        {
            var response = await page.GotoAsync(url);
            Assert.True(response?.Ok, $"{url} answered {response?.Status}");
            await page.AssertNoAxeViolationsAsync();
            await page.AssertNoHorizontalScrollAsync();
        }
    }

    [Fact]
    public async Task EntryForm_WithErrors_MovesNothingAndNamesEachProblem()
    {
        var account = await TestAccounts.CreateAsync(browser.Services, [PortalRoles.Contributor], "KEN", twoFactor: false);
        var page = await browser.NewPageAsync(390);
        await (await SignInPage.OpenAsync(page)).SignInAsync(account.Email, account.Password);
        await page.GotoAsync("/entries/new");
        await page.GetByLabel("Title", new() { Exact = true }).FillAsync("My title stays");

        await page.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();

        Assert.Equal("My title stays", await page.GetByLabel("Title", new() { Exact = true }).InputValueAsync());
        Assert.Contains("Enter a one-paragraph summary.", await page.Locator(".error-summary").InnerTextAsync(), StringComparison.Ordinal);
        await page.AssertNoAxeViolationsAsync();
        await page.AssertNoHorizontalScrollAsync();
    }
}

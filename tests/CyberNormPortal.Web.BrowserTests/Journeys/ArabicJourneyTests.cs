using System.Globalization;
using System.Resources;
using CyberNormPortal.Tests.Shared;
using CyberNormPortal.Web.BrowserTests.Infrastructure;
using CyberNormPortal.Web.Data;
using CyberNormPortal.Web.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CyberNormPortal.Web.BrowserTests.Journeys;

/// <summary>
/// Egypt's points of contact work in Arabic from start to finish: the contributor signs in, drafts and submits an
/// entry, the approver approves it, a moderator publishes it, and a visitor reads the synthesis, all under
/// <c>/ar/</c>. Every page is laid out right to left, fits 1280 and 390 pixels without scrolling sideways, and has
/// no accessibility violation; the Arabic synthesis is kept as a screenshot. Labels are found by their Arabic
/// text, read from the same resource file the portal shows.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ArabicJourneyTests(BrowserFixture browser)
{
    private static readonly ResourceManager Texts = new("CyberNormPortal.Web.Resources.SharedResource", typeof(SharedResource).Assembly);
    private static readonly CultureInfo Arabic = CultureInfo.GetCultureInfo("ar");

    private const string Title = "المركز الوطني للاستجابة لطوارئ الحاسوب ينسق الاستجابة للحوادث";

    [Fact]
    public async Task EgyptsEntry_DraftedApprovedAndPublished_InArabic()
    {
        await OpenCycleAsync();
        var contributorAccount = await TestAccounts.CreateAsync(browser.Services, [PortalRoles.Contributor], "EGY", twoFactor: false);
        var approverAccount = await TestAccounts.CreateAsync(browser.Services, [PortalRoles.Approver], "EGY", twoFactor: false);
        var moderatorAccount = await TestAccounts.CreateAsync(browser.Services, [PortalRoles.Moderator], null, twoFactor: true);
        // Each accepted an invitation written in Arabic, so Arabic is the language of their accounts.
        await PreferArabicAsync(contributorAccount.Email, approverAccount.Email, moderatorAccount.Email);

        // The contributor opens the portal in Arabic and signs in.
        var contributor = await browser.NewPageAsync();
        await contributor.GotoAsync("/ar/");
        await AssertArabicPageAsync(contributor);
        await SignInAsync(contributor, contributorAccount.Email, contributorAccount.Password);
        await contributor.GetByRole(AriaRole.Link, new() { Name = T("My entries") }).ClickAsync();
        await AssertArabicPageAsync(contributor);
        await contributor.GetByRole(AriaRole.Link, new() { Name = T("New entry") }).ClickAsync();
        await AssertArabicPageAsync(contributor);

        // Drafts in Arabic and submits.
        await contributor.GetByLabel(T("Norm"), new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Value = "3" });
        await contributor.GetByLabel(T("Implementation step")).CheckAsync();
        await contributor.GetByLabel(T("Institutions and CERT/CSIRT")).CheckAsync();
        await contributor.GetByLabel(T("Title"), new() { Exact = true }).FillAsync(Title);
        await contributor.GetByLabel(T("Summary"), new() { Exact = true }).FillAsync("ينسق المركز الوطني الاستجابة للحوادث التي تمس مصر.");
        await contributor.GetByLabel(T("Body"), new() { Exact = true }).FillAsync("يعمل المركز تحت إشراف **الجهاز القومي لتنظيم الاتصالات**.");
        await contributor.GetByLabel(T("Language"), new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Value = "ar" });
        await contributor.Locator("input[name='Input.Visibility'][value='Clear']").CheckAsync();
        await contributor.GetByRole(AriaRole.Button, new() { Name = T("Save and submit for review") }).ClickAsync();
        await contributor.Locator(".notice--success", new() { HasTextString = T("Submitted for review. Your State's approvers have been told by e-mail.") }).WaitForAsync();
        Assert.StartsWith("/ar/entries/", new Uri(contributor.Url).AbsolutePath, StringComparison.Ordinal);
        await AssertArabicPageAsync(contributor);

        // The approver approves from the review queue; Egypt is a partner State, so it goes to moderation.
        var approver = await browser.NewPageAsync();
        await approver.GotoAsync("/ar/account/sign-in");
        await SignInAsync(approver, approverAccount.Email, approverAccount.Password);
        await approver.GetByRole(AriaRole.Link, new() { Name = T("Review") }).First.ClickAsync();
        await AssertArabicPageAsync(approver);
        await approver.GetByRole(AriaRole.Link, new() { Name = Title }).ClickAsync();
        await approver.WaitForURLAsync("**/ar/entries/*/review");
        await AssertArabicPageAsync(approver);
        await approver.GetByRole(AriaRole.Button, new() { Name = T("Approve"), Exact = true }).ClickAsync();
        await approver.Locator(".notice--success", new() { HasTextString = T("Approved. It now waits for a moderator.") }).WaitForAsync();

        // A moderator publishes it, in Arabic too, with the second sign-in step.
        var moderator = await browser.NewPageAsync();
        await moderator.GotoAsync("/ar/account/sign-in");
        await SignInAsync(moderator, moderatorAccount.Email, moderatorAccount.Password, moderatorAccount.CurrentCode);
        await moderator.GetByRole(AriaRole.Link, new() { Name = T("Moderation") }).First.ClickAsync();
        await AssertArabicPageAsync(moderator);
        await moderator.GetByRole(AriaRole.Link, new() { Name = Title }).ClickAsync();
        await moderator.WaitForURLAsync("**/ar/entries/*/review");
        await moderator.GetByRole(AriaRole.Button, new() { Name = T("Publish"), Exact = true }).ClickAsync();
        await moderator.Locator(".notice--success", new() { HasTextString = T("Published. It now appears on the norm page, the State profile and the synthesis.") }).WaitForAsync();
        await AssertArabicPageAsync(moderator);

        // A visitor reads it in the Arabic synthesis.
        var visitor = await browser.NewPageAsync();
        await visitor.GotoAsync("/ar/synthesis?region=African");
        Assert.Contains(Title, await visitor.Locator("section#norm-3").InnerTextAsync(), StringComparison.Ordinal);
        await AssertArabicPageAsync(visitor);
        var artifacts = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "TestResults"));
        Directory.CreateDirectory(artifacts);
        var screenshot = Path.Combine(artifacts, "synthesis-ar.png");
        await visitor.ScreenshotAsync(new() { Path = screenshot, FullPage = true });
        Assert.True(new FileInfo(screenshot).Length > 10_000, "The screenshot of the Arabic synthesis is empty.");
        await visitor.GotoAsync("/ar/norms/3");
        await visitor.GetByRole(AriaRole.Link, new() { Name = Title }).ClickAsync();
        await AssertArabicPageAsync(visitor);
        Assert.Equal("rtl", await visitor.Locator(".entry__summary").EvaluateAsync<string>("e => getComputedStyle(e).direction"));
    }

    private static string T(string key) => Texts.GetString(key, Arabic) ?? throw new InvalidOperationException($"No Arabic text for \"{key}\".");

    private static async Task SignInAsync(IPage page, string email, string password, Func<string>? code = null)
    {
        if (!new Uri(page.Url).AbsolutePath.EndsWith("/account/sign-in", StringComparison.Ordinal))
        {
            await page.GetByRole(AriaRole.Link, new() { Name = T("Sign in") }).ClickAsync();
        }

        await AssertArabicPageAsync(page);
        await page.GetByLabel(T("E-mail address")).FillAsync(email);
        await page.GetByLabel(T("Password")).FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = T("Sign in") }).ClickAsync();
        if (code is not null)
        {
            await page.WaitForURLAsync("**/ar/account/sign-in/two-factor**");
            await AssertArabicPageAsync(page);
            await page.GetByLabel(T("Code")).FillAsync(code());
            await page.GetByRole(AriaRole.Button, new() { Name = T("Continue") }).ClickAsync();
        }

        await page.GetByRole(AriaRole.Button, new() { Name = T("Sign out") }).WaitForAsync();
        Assert.StartsWith("/ar/", new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);
    }

    /// <summary>
    /// The page is in Arabic, laid out right to left (its heading starts at the right edge of the content), has no
    /// accessibility violation, and needs no sideways scrolling on a desktop (1280 px) or a phone (390 px).
    /// </summary>
    private static async Task AssertArabicPageAsync(IPage page)
    {
        var url = page.Url;
        Assert.Equal("ar", await page.Locator("html").GetAttributeAsync("lang"));
        Assert.Equal("rtl", await page.Locator("html").GetAttributeAsync("dir"));
        Assert.Equal("rtl", await page.EvaluateAsync<string>("() => getComputedStyle(document.body).direction"));
        var mirrored = await page.EvaluateAsync<bool>("""
            () => {
                const main = document.querySelector('main').getBoundingClientRect();
                const heading = document.querySelector('main h1');
                const range = document.createRange();
                range.selectNodeContents(heading);
                const text = range.getBoundingClientRect();
                return main.right - text.right < 48 && text.left - main.left > 8;
            }
            """);
        Assert.True(mirrored, $"The heading of {url} does not start at the right.");
        await page.AssertNoAxeViolationsAsync();
        foreach (var width in new[] { 1280, 390 })
        {
            await page.SetViewportSizeAsync(width, 900);
            var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
            Assert.True(overflow <= 0, $"{url} scrolls sideways by {overflow} px at {width} px.");
        }

        await page.SetViewportSizeAsync(1280, 900);
    }

    private async Task PreferArabicAsync(params string[] emails)
    {
        await using var scope = browser.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        await db.Users.Where(u => emails.Contains(u.Email)).ExecuteUpdateAsync(s => s.SetProperty(u => u.PreferredLanguage, "ar"));
    }

    private async Task OpenCycleAsync()
    {
        await using var scope = browser.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        if (!await db.Cycles.AnyAsync(c => c.IsOpen))
        {
            db.Cycles.Add(new Domain.Cycles.ReportingCycle("browser-ar-2026", "Annual reporting 2026", new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), null, isOpen: true));
            await db.SaveChangesAsync();
        }
    }
}

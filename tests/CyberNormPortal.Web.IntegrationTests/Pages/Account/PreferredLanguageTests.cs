using System.Net;
using CyberNormPortal.Web.Identity;
using CyberNormPortal.Web.IntegrationTests.Infrastructure;
using CyberNormPortal.Web.Localization;
using Microsoft.EntityFrameworkCore;

namespace CyberNormPortal.Web.IntegrationTests.Pages.Account;

/// <summary>
/// The language of an account: chosen on the account page (each language named in itself), taken from the invitation
/// page the account was made on, and brought back at every sign-in through the language cookie.
/// </summary>
public sealed class PreferredLanguageTests(PortalFixture portal) : PortalTest(portal)
{
    private const string Password = "harbour violet trombone";

    [Fact]
    public async Task AccountPage_OffersTheSixLanguagesEachNamedInItself_WithTheAccountsSelected()
    {
        var (browser, _) = await Portal.SignInAsAsync(PortalRoles.Analyst);

        var page = await browser.GetAsync("/account");

        var options = page.Document.QuerySelectorAll("select[name='PreferredLanguage'] option").ToList();
        Assert.Equal(
            [("ar", "ar", "العربية"), ("zh", "zh", "中文"), ("en", "en", "English"), ("fr", "fr", "Français"), ("ru", "ru", "Русский"), ("es", "es", "Español")],
            options.Select(o => (o.GetAttribute("value"), o.GetAttribute("lang"), Text.Visible(o))));
        Assert.Equal("en", options.Single(o => o.HasAttribute("selected")).GetAttribute("value"));
    }

    [Fact]
    public async Task SavingALanguage_StoresItOnTheAccount_AndSwitchesThePortalToItAtOnce()
    {
        var (browser, user) = await Portal.SignInAsAsync(PortalRoles.Contributor, "KEN");
        var token = (await browser.GetAsync("/account")).Document
            .QuerySelector("form[action*='handler=Language'] input[name='__RequestVerificationToken']")!.GetAttribute("value")!;

        using var content = new FormUrlEncodedContent([new("PreferredLanguage", "ru"), new("__RequestVerificationToken", token)]);
        using var response = await browser.Client.PostAsync("/account?handler=Language", content);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("ru", await Portal.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.PreferredLanguage).SingleAsync()));
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(PortalCultures.CookieName + "=", StringComparison.Ordinal));
        Assert.StartsWith($"{PortalCultures.CookieName}=ru;", cookie, StringComparison.Ordinal);
        Assert.Contains("max-age=31536000", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/", cookie, StringComparison.OrdinalIgnoreCase);
        var page = await browser.GetAsync("/account");
        Assert.Equal("ru", page.Document.QuerySelector("select[name='PreferredLanguage'] option[selected]")!.GetAttribute("value"));
    }

    [Theory]
    [InlineData("xx")]
    [InlineData("")]
    [InlineData("en-US")]
    public async Task SavingALanguageNotOfThePortal_IsRefused_AndChangesNothing(string language)
    {
        var (browser, user) = await Portal.SignInAsAsync(PortalRoles.Analyst);

        var response = await browser.SubmitAsync("/account", new Dictionary<string, object?> { ["PreferredLanguage"] = language });

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.NotNull(response.FieldError("PreferredLanguage"));
        Assert.Equal("en", await Portal.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.PreferredLanguage).SingleAsync()));
        Assert.Equal("en", browser.CookieValue(PortalCultures.CookieName)); // as the sign-in wrote it
    }

    [Theory]
    [InlineData("es", PortalRoles.Contributor)]
    [InlineData("ar", PortalRoles.Moderator)] // through the two-factor step
    public async Task SignIn_WritesTheAccountsLanguageToTheLanguageCookie(string language, string role)
    {
        var user = await Portal.CreateUserAsync(role, role == PortalRoles.Contributor ? "CHL" : null);
        await Portal.WithDbAsync(async db =>
        {
            (await db.Users.SingleAsync(u => u.Id == user.Id)).PreferredLanguage = language;
            await db.SaveChangesAsync();
        });

        using var browser = await Portal.SignInAsync(user);

        Assert.Equal(language, browser.CookieValue(PortalCultures.CookieName));
    }

    [Fact]
    public async Task NewAccount_PrefersEnglish_UntilItChoosesOtherwise()
    {
        var user = await Portal.CreateUserAsync(PortalRoles.Analyst);

        Assert.Equal("en", await Portal.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.PreferredLanguage).SingleAsync()));
    }

    [Theory]
    [InlineData("fr", "fr")]
    [InlineData("zh-CN,zh;q=0.9", "zh")]
    [InlineData("de", "en")] // not a portal language: the portal's default
    public async Task AcceptingAnInvitation_TakesTheLanguageThePageWasReadIn(string acceptLanguage, string expected)
    {
        var email = $"invited-{Guid.NewGuid():N}@example.org";
        var token = await Portal.WithDbAsync(async db =>
        {
            var invitation = new Invitation(email, PortalRoles.Analyst, null, "Invited Person", null, DateTimeOffset.UtcNow, out var token);
            db.Invitations.Add(invitation);
            await db.SaveChangesAsync();
            return token;
        });
        using var browser = Portal.NewBrowser();
        browser.Client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(acceptLanguage);

        var response = await browser.SubmitAsync($"{InvitationLinks.AcceptPath}?token={token}", new Dictionary<string, object?>
        {
            ["Input.DisplayName"] = "Invited Person",
            ["Input.NewPassword"] = Password,
            ["Input.ConfirmPassword"] = Password,
        });

        Assert.Equal(HttpStatusCode.Redirect, response.Status);
        Assert.Equal(expected, await Portal.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.PreferredLanguage).SingleAsync()));
        Assert.Equal(expected, browser.CookieValue(PortalCultures.CookieName));
    }
}

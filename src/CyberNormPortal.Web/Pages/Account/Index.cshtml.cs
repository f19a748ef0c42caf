using CyberNormPortal.Web.Data;
using CyberNormPortal.Web.Identity;
using CyberNormPortal.Web.Localization;
using CyberNormPortal.Web.Pages.Shared;
using CyberNormPortal.Web.Validation;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CyberNormPortal.Web.Pages.Account;

/// <summary>
/// The signed-in user's account: who they are to the portal, where to change their sign-in, and the language they
/// read the portal and its mail in.
/// </summary>
public sealed class IndexModel(
    UserManager<PortalUser> users, PortalDbContext db, StateNames stateNames, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public PortalUser Account { get; private set; } = null!;

    public IReadOnlyList<string> Roles { get; private set; } = [];

    public string? StateName { get; private set; }

    /// <summary>The language chosen in the form: one of <see cref="PortalCultures.All"/>.</summary>
    [BindProperty]
    public string PreferredLanguage { get; set; } = PortalCultures.DefaultName;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        await LoadAsync(user, cancellationToken);
        PreferredLanguage = PortalCultures.OrDefault(user.PreferredLanguage).Name;
        return Page();
    }

    /// <summary>Saves the preferred language and switches the portal to it (the language cookie) at once.</summary>
    public async Task<IActionResult> OnPostLanguageAsync(CancellationToken cancellationToken)
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        if (PortalCultures.All.FirstOrDefault(c => c.Name == PreferredLanguage) is not { } culture)
        {
            ModelState.AddModelError(nameof(PreferredLanguage), localizer[ValidationMessages.LanguageUnknown]);
            await LoadAsync(user, cancellationToken);
            return Page();
        }

        user.PreferredLanguage = culture.Name;
        var updated = await users.UpdateAsync(user);
        if (!updated.Succeeded)
        {
            throw new InvalidOperationException($"The preferred language of user {user.Id} could not be saved: {string.Join("; ", updated.Errors.Select(e => e.Code))}");
        }

        // Remembered, and the account page again at once in the new language (its own prefix: /ru/account).
        CultureRouting.Remember(HttpContext, culture);
        TempData.SetNotice(localizer["Your language is now {0}: the portal and its mail to you use it.", culture.NativeName]);
        return Redirect(CultureRouting.AddressIn(HttpContext, culture).Split('?')[0]);
    }

    private async Task LoadAsync(PortalUser user, CancellationToken cancellationToken)
    {
        Account = user;
        Roles = [.. (await users.GetRolesAsync(user)).Order(StringComparer.Ordinal)];
        if (user.StateIso3 is { } iso3)
        {
            var stored = await db.States.Where(s => s.Iso3 == iso3).Select(s => s.Name).FirstOrDefaultAsync(cancellationToken);
            StateName = stateNames.Of(iso3, stored);
        }
    }
}

using CyberNormPortal.Web.Auditing;
using CyberNormPortal.Web.Data;
using CyberNormPortal.Web.Identity;
using CyberNormPortal.Web.Pages.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CyberNormPortal.Web.Pages.Account;

[AllowAnonymous]
public sealed class SignOutModel(
    SignInManager<PortalUser> signIn, UserManager<PortalUser> users, AuditLog audit, PortalDbContext db, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public IActionResult OnGet() => User.Identity?.IsAuthenticated == true ? Page() : RedirectToPage("/Index");

    public async Task<IActionResult> OnPostAsync()
    {
        if (await users.GetUserAsync(User) is { } user)
        {
            audit.Add(AuditActions.SignOut, AuditSubjects.User(user.Email));
            await db.SaveChangesAsync();
            // A new security stamp ends this account's other copies of the session cookie too.
            await users.UpdateSecurityStampAsync(user);
        }

        await signIn.SignOutAsync();
        TempData.SetNotice(localizer["You are signed out."]);
        return RedirectToPage("/Index");
    }
}

using CyberNormPortal.Web.Auditing;
using CyberNormPortal.Web.Data;
using CyberNormPortal.Web.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CyberNormPortal.Web.Pages.Account;

[AllowAnonymous]
public sealed class SignOutModel(SignInManager<PortalUser> signIn, UserManager<PortalUser> users, AuditLog audit, PortalDbContext db) : PageModel
{
    public IActionResult OnGet() => User.Identity?.IsAuthenticated == true ? Page() : Redirect("/");

    public async Task<IActionResult> OnPostAsync()
    {
        if (await users.GetUserAsync(User) is { } user)
        {
            audit.Add(AuditActions.SignOut, $"user:{user.Email}");
            await db.SaveChangesAsync();
            // A new security stamp ends this account's other copies of the session cookie too.
            await users.UpdateSecurityStampAsync(user);
        }

        await signIn.SignOutAsync();
        return Redirect("/");
    }
}

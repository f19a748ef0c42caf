using CyberNormPortal.Web.Data;
using CyberNormPortal.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CyberNormPortal.Web.Pages.Account;

/// <summary>The signed-in user's account: who they are to the portal, and where to change their sign-in.</summary>
public sealed class IndexModel(UserManager<PortalUser> users, PortalDbContext db) : PageModel
{
    public PortalUser Account { get; private set; } = null!;

    public IReadOnlyList<string> Roles { get; private set; } = [];

    public string? StateName { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        Account = user;
        Roles = [.. (await users.GetRolesAsync(user)).Order(StringComparer.Ordinal)];
        if (user.StateIso3 is { } iso3)
        {
            StateName = await db.States.Where(s => s.Iso3 == iso3).Select(s => s.Name).FirstOrDefaultAsync(cancellationToken) ?? iso3;
        }

        return Page();
    }
}

using CyberNormPortal.Web.Accounts;
using CyberNormPortal.Web.Data;
using CyberNormPortal.Web.Identity;
using CyberNormPortal.Web.Localization;
using CyberNormPortal.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CyberNormPortal.Web.Pages.Admin.Users;

public sealed class IndexModel(PortalDbContext db, StateNames names, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public const string UnknownRoleMessage = "Choose a role from the list.";

    public sealed record UserRow(
        string Id, string DisplayName, string? Email, IReadOnlyList<string> Roles, string? StateIso3, bool IsActive, bool TwoFactor, DateTimeOffset CreatedAt);

    [BindProperty(SupportsGet = true)]
    public string? Role { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? State { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    public IReadOnlyList<UserRow> Users { get; private set; } = [];

    public IReadOnlyList<StateOption> States { get; private set; } = [];

    public Paging Paging { get; private set; } = Paging.For(1, 0);

    public async Task OnGetAsync([FromQuery(Name = "page")] int? page, CancellationToken cancellationToken)
    {
        (Q, Role, State) = (AdminLists.Typed(Q), AdminLists.Typed(Role), AdminLists.Typed(State));
        States = await db.StateOptionsAsync(names, cancellationToken);
        var query = db.Users.AsNoTracking();
        if (!string.IsNullOrEmpty(Role))
        {
            if (PortalRoles.All.Contains(Role))
            {
                query = query.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Role)));
            }
            else
            {
                ModelState.AddModelError(nameof(Role), localizer[UnknownRoleMessage]);
            }
        }

        if (!string.IsNullOrEmpty(State))
        {
            if (States.Any(s => s.Iso3 == State))
            {
                query = query.Where(u => u.StateIso3 == State);
            }
            else
            {
                ModelState.AddModelError(nameof(State), localizer[RoleBindingRules.UnknownStateMessage]);
            }
        }

        if (!string.IsNullOrWhiteSpace(Q))
        {
            var pattern = AdminLists.ContainsPattern(Q);
            query = query.Where(u => EF.Functions.ILike(u.DisplayName, pattern, "\\") || EF.Functions.ILike(u.Email!, pattern, "\\"));
        }

        Paging = Paging.For(page, await query.CountAsync(cancellationToken));
        Users = await query
            .OrderBy(u => u.DisplayName).ThenBy(u => u.Email)
            .Skip(Paging.Skip).Take(Paging.PageSize)
            .Select(u => new UserRow(
                u.Id,
                u.DisplayName,
                u.Email,
                db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name!).OrderBy(n => n).ToList(),
                u.StateIso3,
                u.IsActive,
                u.TwoFactorEnabled,
                u.CreatedAt))
            .ToListAsync(cancellationToken);
    }
}

using CyberNormPortal.Web.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CyberNormPortal.Web.Pages.Admin;

public sealed class IndexModel(IAuthorizationService authorization) : PageModel
{
    /// <summary>Whether the user passes the policy of the administrator-only sections (users, invitations, audit, State participation).</summary>
    public bool Administers { get; private set; }

    public async Task OnGetAsync() =>
        Administers = (await authorization.AuthorizeAsync(User, PortalPolicies.Administers)).Succeeded;
}

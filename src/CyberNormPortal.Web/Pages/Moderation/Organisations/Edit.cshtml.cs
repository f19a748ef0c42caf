using CyberNormPortal.Web.Accounts;
using CyberNormPortal.Web.Auditing;
using CyberNormPortal.Web.Data;
using CyberNormPortal.Web.Identity;
using CyberNormPortal.Web.Localization;
using CyberNormPortal.Web.Pages.Shared;
using CyberNormPortal.Web.Validation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using InvitationForm = CyberNormPortal.Web.Pages.Admin.Invitations.IndexModel;

namespace CyberNormPortal.Web.Pages.Moderation.Organisations;

/// <summary>
/// One organisation: its name and website, its points of contact and pending invitations, and the form that invites
/// another contact — an invitation for the organisation contact role bound to it, through
/// <see cref="AccountService.InviteAsync"/> with the invitation form's own rules, so the mail and audit are the usual ones.
/// </summary>
public sealed class EditModel(
    PortalDbContext db, AccountService accounts, AuditLog audit, TimeProvider clock, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public sealed record ContactRow(string DisplayName, string? Email, bool IsActive);

    public sealed record PendingInvitationRow(string DisplayName, string Email, DateTimeOffset ExpiresAt);

    [BindProperty]
    public OrganisationForm.InputModel Input { get; set; } = new();

    /// <summary>The invitation of a point of contact; only its address, name and language are taken from the form.</summary>
    [BindProperty]
    public InvitationForm.InputModel Invite { get; set; } = new();

    public int Id { get; private set; }

    /// <summary>The organisation as saved (the form may hold what was typed).</summary>
    public string Name { get; private set; } = "";

    public string? Website { get; private set; }

    public IReadOnlyList<ContactRow> Contacts { get; private set; } = [];

    public IReadOnlyList<PendingInvitationRow> PendingInvitations { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Input = new OrganisationForm.InputModel { Name = Name, Website = Website };
        Invite.Language = PortalCultures.Current.Name;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (!await db.Organisations.AnyAsync(o => o.Id == id, cancellationToken))
        {
            return NotFound();
        }

        OrganisationForm.Trim(Input);
        if (await new OrganisationForm.InputValidator(db, id, localizer).ValidateIntoAsync(Input, ModelState, cancellationToken: cancellationToken))
        {
            switch (await OrganisationForm.SaveAsync(db, audit, clock, id, Input, ModelState, localizer, cancellationToken))
            {
                case null:
                    return NotFound();
                case > 0:
                    TempData.SetNotice(localizer["Organisation “{0}” saved.", Input.Name]);
                    return RedirectToPage(new { id });
            }
        }

        var typed = Input;
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Input = typed;
        Invite.Language = PortalCultures.Current.Name;
        return Page();
    }

    public async Task<IActionResult> OnPostInviteAsync(int id, CancellationToken cancellationToken)
    {
        if (!await db.Organisations.AnyAsync(o => o.Id == id, cancellationToken))
        {
            return NotFound();
        }

        // The role and its binding are this page's, never the form's.
        Invite.Role = PortalRoles.OrganisationContact;
        Invite.StateIso3 = null;
        Invite.GroupId = null;
        Invite.OrganisationId = id;
        if (await new InvitationForm.InputValidator(db, localizer).ValidateIntoAsync(Invite, ModelState, nameof(Invite), cancellationToken))
        {
            var language = PortalCultures.Find(Invite.Language) ?? PortalCultures.Current;
            var request = new InvitationRequest(
                Invite.Email, Invite.DisplayName, PortalRoles.OrganisationContact,
                RoleBinding.For([PortalRoles.OrganisationContact], null, null, id), language.Name);
            switch (await accounts.InviteAsync(request, User, cancellationToken))
            {
                case InvitationResult.Sent sent:
                    TempData.SetNotice(localizer["Invitation sent to {0}.", sent.Invitation.Email]);
                    return RedirectToPage(new { id });
                case InvitationResult.Refused refused:
                    ModelState.AddModelError($"{nameof(Invite)}.{nameof(InvitationForm.InputModel.Email)}", localizer[refused.MessageKey]);
                    break;
            }
        }

        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Input = new OrganisationForm.InputModel { Name = Name, Website = Website };
        return Page();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var saved = await db.Organisations.AsNoTracking().Where(o => o.Id == id).Select(o => new { o.Name, o.Website }).SingleOrDefaultAsync(cancellationToken);
        if (saved is null)
        {
            return false;
        }

        (Id, Name, Website) = (id, saved.Name, saved.Website);
        var now = clock.GetUtcNow();
        Contacts = await db.Users.AsNoTracking()
            .Where(u => u.OrganisationId == id)
            .OrderBy(u => u.DisplayName).ThenBy(u => u.Id)
            .Select(u => new ContactRow(u.DisplayName, u.Email, u.IsActive))
            .ToListAsync(cancellationToken);
        PendingInvitations = await db.Invitations.AsNoTracking()
            .Where(i => i.OrganisationId == id && i.AcceptedAt == null && i.RevokedAt == null && i.ExpiresAt > now)
            .OrderBy(i => i.CreatedAt).ThenBy(i => i.Id)
            .Select(i => new PendingInvitationRow(i.DisplayName, i.Email, i.ExpiresAt))
            .ToListAsync(cancellationToken);
        return true;
    }
}

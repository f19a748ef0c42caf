using CyberNormPortal.Web.Auditing;
using CyberNormPortal.Web.Data;
using CyberNormPortal.Web.Identity;
using CyberNormPortal.Web.Mail;
using CyberNormPortal.Web.Pages.Shared;
using CyberNormPortal.Web.Validation;
using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CyberNormPortal.Web.Pages.Admin.Invitations;

public sealed class IndexModel(
    PortalDbContext db, UserManager<PortalUser> users, AuditLog audit, MailQueue mailQueue, TimeProvider clock,
    IStringLocalizer<SharedResource> localizer) : PageModel
{
    public enum InvitationStatus
    {
        Pending,
        Accepted,
        Expired,
        Revoked,
    }

    public sealed record InvitationRow(
        int Id, string Email, string DisplayName, string Role, string? StateIso3, string? GroupName, string? InvitedBy,
        DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, InvitationStatus Status);

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IReadOnlyList<InvitationRow> Invitations { get; private set; } = [];

    public IReadOnlyList<StateOption> States { get; private set; } = [];

    public IReadOnlyList<GroupOption> Groups { get; private set; } = [];

    public Paging Paging { get; private set; } = Paging.For(1, 0);

    public async Task OnGetAsync([FromQuery(Name = "page")] int? page, CancellationToken cancellationToken) => await LoadAsync(page, cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await new InputValidator(db, clock).ValidateIntoAsync(Input, ModelState, cancellationToken: cancellationToken))
        {
            await LoadAsync(1, cancellationToken);
            return Page();
        }

        var now = clock.GetUtcNow();
        var inviter = await users.GetUserAsync(User);
        var stateIso3 = string.IsNullOrEmpty(Input.StateIso3) ? null : Input.StateIso3;
        var groupId = PortalRoles.NeedsGroup(Input.Role) ? Input.GroupId : null;
        var invitation = new Invitation(Input.Email, Input.Role, stateIso3, Input.DisplayName, inviter?.Id, now, out var token, groupId);
        db.Invitations.Add(invitation);

        var boundTo = stateIso3 is not null ? await db.States.Where(s => s.Iso3 == stateIso3).Select(s => s.Name).SingleAsync(cancellationToken)
            : groupId is not null ? await db.Groups.Where(g => g.Id == groupId).Select(g => g.Name).SingleAsync(cancellationToken)
            : null;
        var link = mailQueue.Link($"{InvitationLinks.AcceptPath}?token={token}");
        var inviterName = inviter?.DisplayName ?? "An administrator";
        var roleName = AdminLists.RoleLabel(localizer, invitation.Role);
        var roleText = boundTo is null ? $"the role {roleName}" : $"the role {roleName} for {boundTo}";
        mailQueue.Enqueue(
            invitation.Email,
            "Your invitation to CyberNormPortal",
            $"""
            Hello {invitation.DisplayName},

            {inviterName} has invited you to CyberNormPortal with {roleText}.

            To accept, open this link and choose a password:

            {link}

            The link expires in 7 days, on {invitation.ExpiresAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC, and works once.
            If you did not expect this invitation, you can ignore this message.
            """);
        audit.Add(AuditActions.Invited, $"user:{invitation.Email}", $"Role: {invitation.Role}; State: {stateIso3 ?? "none"}"
            + (groupId is null ? "" : $"; Group: {boundTo}"));
        await db.SaveChangesAsync(cancellationToken);

        TempData.SetNotice(localizer["Invitation sent to {0}.", invitation.Email]);
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRevokeAsync(int id, CancellationToken cancellationToken)
    {
        var invitation = await db.Invitations.SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (invitation is null)
        {
            return NotFound();
        }

        var now = clock.GetUtcNow();
        if (invitation.IsUsable(now))
        {
            invitation.Revoke(now);
            audit.Add(AuditActions.InvitationRevoked, $"user:{invitation.Email}", $"Invitation {invitation.Id}");
            await db.SaveChangesAsync(cancellationToken);
            TempData.SetNotice(localizer["Invitation to {0} revoked: its link no longer works.", invitation.Email]);
        }
        else
        {
            TempData.SetNotice(localizer["That invitation was no longer pending."]);
        }

        return RedirectToPage();
    }

    private async Task LoadAsync(int? page, CancellationToken cancellationToken)
    {
        States = await db.StateOptionsAsync(cancellationToken);
        Groups = await db.GroupOptionsAsync(cancellationToken);
        var now = clock.GetUtcNow();
        Paging = Paging.For(page, await db.Invitations.CountAsync(cancellationToken));
        Invitations = await db.Invitations.AsNoTracking()
            .OrderByDescending(i => i.CreatedAt).ThenByDescending(i => i.Id)
            .Skip(Paging.Skip).Take(Paging.PageSize)
            .Select(i => new InvitationRow(
                i.Id,
                i.Email,
                i.DisplayName,
                i.Role,
                i.StateIso3,
                db.Groups.Where(g => g.Id == i.GroupId).Select(g => g.Name).FirstOrDefault(),
                db.Users.Where(u => u.Id == i.InvitedByUserId).Select(u => u.DisplayName).FirstOrDefault(),
                i.CreatedAt,
                i.ExpiresAt,
                i.RevokedAt != null ? InvitationStatus.Revoked
                    : i.AcceptedAt != null ? InvitationStatus.Accepted
                    : i.ExpiresAt <= now ? InvitationStatus.Expired
                    : InvitationStatus.Pending))
            .ToListAsync(cancellationToken);
    }

    public sealed class InputModel
    {
        public string Email { get; set; } = "";

        public string DisplayName { get; set; } = "";

        public string Role { get; set; } = "";

        public string? StateIso3 { get; set; }

        /// <summary>The group a group coordinator is invited for.</summary>
        public int? GroupId { get; set; }
    }

    public sealed class InputValidator : AbstractValidator<InputModel>
    {
        public InputValidator(PortalDbContext db, TimeProvider clock)
        {
            RuleFor(i => i.Email).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage("Enter the e-mail address to invite.")
                .MaximumLength(256).WithMessage("An e-mail address has at most 256 characters.")
                .EmailAddress().WithMessage("Enter an e-mail address like name@example.org.")
                .MustAsync(async (email, cancellationToken) =>
                {
                    var normalized = email.Trim().ToUpperInvariant();
                    return !await db.Users.AnyAsync(u => u.NormalizedEmail == normalized, cancellationToken);
                }).WithMessage("This e-mail address already has an account.")
                .MustAsync(async (email, cancellationToken) =>
                {
                    var lower = email.Trim().ToLowerInvariant();
                    var now = clock.GetUtcNow();
                    return !await db.Invitations.AnyAsync(
                        i => i.Email.ToLower() == lower && i.AcceptedAt == null && i.RevokedAt == null && i.ExpiresAt > now, cancellationToken);
                }).WithMessage("This e-mail address already has a pending invitation: revoke it first to send a new one.");
            RuleFor(i => i.DisplayName).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage("Enter the name other people will see.")
                .MaximumLength(200).WithMessage("A name has at most 200 characters.");
            RuleFor(i => i.Role).Must(r => PortalRoles.All.Contains(r)).WithMessage("Choose a role.");
            When(i => PortalRoles.NeedsState(i.Role), () =>
                RuleFor(i => i.StateIso3).Cascade(CascadeMode.Stop)
                    .NotEmpty().WithMessage("Choose the State a contributor or approver speaks for.")
                    .MustAsync((iso3, cancellationToken) => db.States.AnyAsync(s => s.Iso3 == iso3, cancellationToken))
                    .WithMessage("Choose a State from the list."))
                .Otherwise(() =>
                    RuleFor(i => i.StateIso3).Empty().WithMessage("Only contributors and approvers are bound to a State: leave it empty for this role."));
            When(i => PortalRoles.NeedsGroup(i.Role), () => RuleFor(i => i.GroupId).MustBeAGroup(db))
                .Otherwise(() =>
                    RuleFor(i => i.GroupId).Null().WithMessage("Only group coordinators are bound to a group: leave it empty for this role."));
        }
    }
}

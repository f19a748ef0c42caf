using System.Globalization;
using CyberNormPortal.Domain.Entries;
using CyberNormPortal.Web.Data;
using CyberNormPortal.Web.Identity;
using CyberNormPortal.Web.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CyberNormPortal.Web.Mail;

/// <summary>Something that happened and that people may have to hear about; raised by the step that did it.</summary>
public abstract record Notification;

/// <summary>An entry took a workflow step the domain accepted (raised by <c>EntryService</c>).</summary>
public sealed record EntryStepTaken(
    int EntryId, string Title, string? StateIso3, int? GroupId, string? AuthorUserId, ReviewEvent Step, WorkflowContext Context)
    : Notification;

/// <summary>A national report took a workflow step the domain accepted (raised by <c>ReportService</c>).</summary>
public sealed record ReportStepTaken(int ReportId, string StateIso3, int CycleId, Domain.Reports.ReportEvent Step, WorkflowContext Context)
    : Notification;

/// <summary>
/// A need or offer took a workflow step the domain accepted (raised by <c>CapacityService</c>); its owner is its State
/// (<paramref name="StateIso3"/>) or its organisation (<paramref name="OrganisationId"/>).
/// </summary>
public sealed record CapacityStepTaken(
    int ItemId, string Title, string? StateIso3, int? OrganisationId, Domain.Capacity.CapacityEvent Step, WorkflowContext Context)
    : Notification;

/// <summary>
/// An administrator invited an e-mail address (raised by <c>AccountService</c>); <c>Token</c> is the link's secret,
/// <c>Language</c> the language the administrator chose for the mail (the invitee has no account yet).
/// </summary>
public sealed record InvitationCreated(Invitation Invitation, string Token, string? InviterName, string? BoundToName, string Language) : Notification;

/// <summary>Someone asked to reset the password of an active account (raised by <c>AccountService</c>).</summary>
public sealed record PasswordResetRequested(PortalUser User, string Token) : Notification;

/// <summary>
/// The one place that decides who is told what: each <see cref="Notification"/> is mapped here to its recipients and
/// its template (Resources/MailResource.resx, through <see cref="MailTemplates"/>), in each recipient's language, and
/// queued in the caller's unit of work, so the message goes out only if the step is saved.
/// </summary>
public sealed class Notifications(
    PortalDbContext db, MailQueue mail, MailTemplates templates, IOptions<DataProtectionTokenProviderOptions> resetTokens)
{
    public const string ResetPasswordPath = "/account/reset-password";

    public Task RaiseAsync(Notification notification, CancellationToken cancellationToken) => notification switch
    {
        EntryStepTaken step => EntryStepAsync(step, cancellationToken),
        ReportStepTaken step => ReportStepAsync(step, cancellationToken),
        CapacityStepTaken step => CapacityStepAsync(step, cancellationToken),
        InvitationCreated invitation => InvitationAsync(invitation),
        PasswordResetRequested reset => PasswordResetAsync(reset),
        _ => throw new ArgumentOutOfRangeException(nameof(notification), notification, "No mapping for this notification."),
    };

    private async Task EntryStepAsync(EntryStepTaken taken, CancellationToken cancellationToken)
    {
        var step = taken.Step;
        var review = $"/entries/{taken.EntryId}/review";
        var author = db.Users.Where(u => u.Id == taken.AuthorUserId && u.IsActive);
        switch (step.ToStatus)
        {
            case EntryStatus.Submitted:
                // The same rule as the review queue's: a moderator stands in where the State has one point of contact,
                // and where a joint entry's submitter is its group's only coordinator.
                var reviewers = taken.GroupId is { } groupId
                    ? await JointReviewersAsync(groupId, step.ActorUserId, cancellationToken)
                    : taken.Context.StateHasSinglePointOfContact
                    ? UsersInRoles(null, PortalRoles.Moderator)
                    : UsersInRoles(taken.StateIso3, PortalRoles.Approver).Where(u => u.Id != step.ActorUserId);
                await SendAsync(reviewers, "EntrySubmitted", Values(taken, review), cancellationToken);
                break;
            case EntryStatus.AwaitingModeration:
                await SendAsync(UsersInRoles(null, PortalRoles.Moderator), "EntryAwaitingModeration", Values(taken, review), cancellationToken);
                break;
            case EntryStatus.Draft when step.Action == WorkflowAction.Return:
                await SendAsync(author, "EntryReturned",
                    [.. Values(taken, $"/entries/{taken.EntryId}/edit"), ("reason", step.Reason ?? "")], cancellationToken);
                break;
            case EntryStatus.Published:
                await SendAsync(author, "EntryPublished", Values(taken, $"/entries/{taken.EntryId}"), cancellationToken);
                break;
        }
    }

    /// <summary>The report's work page, where each of these people acts: <c>Pages/ReportWork</c>.</summary>
    public static string ReportWorkPath(int reportId) => $"/reports/work/{reportId}";

    private async Task ReportStepAsync(ReportStepTaken taken, CancellationToken cancellationToken)
    {
        var step = taken.Step;
        var cycle = await db.Cycles.Where(c => c.Id == taken.CycleId).Select(c => c.Name).SingleAsync(cancellationToken);
        (string, string)[] values = [("cycle", cycle), ("state", taken.StateIso3), ("actor", step.ActorName), ("link", ReportWorkPath(taken.ReportId))];
        var pointsOfContact = UsersInRoles(taken.StateIso3, PortalRoles.Contributor, PortalRoles.Approver).Where(u => u.Id != step.ActorUserId);
        switch (step.ToStatus)
        {
            case EntryStatus.Submitted:
                // The same rule as the sign-off's: a moderator stands in where the State has one point of contact.
                var approvers = taken.Context.StateHasSinglePointOfContact
                    ? UsersInRoles(null, PortalRoles.Moderator)
                    : UsersInRoles(taken.StateIso3, PortalRoles.Approver).Where(u => u.Id != step.ActorUserId);
                await SendAsync(approvers, "ReportSubmitted", values, cancellationToken);
                break;
            case EntryStatus.AwaitingModeration:
                await SendAsync(UsersInRoles(null, PortalRoles.Moderator), "ReportAwaitingModeration", values, cancellationToken);
                break;
            case EntryStatus.Draft when step.Action == WorkflowAction.Return:
                await SendAsync(pointsOfContact, "ReportReturned", [.. values, ("reason", step.Reason ?? "")], cancellationToken);
                break;
            case EntryStatus.Published:
                await SendAsync(pointsOfContact, "ReportPublished", values, cancellationToken);
                break;
        }
    }

    /// <summary>A need's or offer's working copy, where its owner and the secretariat act: <c>Pages/CapacityWork</c>.</summary>
    public static string CapacityWorkPath(int itemId) => $"/capacity/work/{itemId}";

    /// <summary>A published need's or offer's page.</summary>
    public static string CapacityPath(int itemId) => $"/capacity/{itemId}";

    /// <summary>
    /// The points of contact of a need's or offer's owner: active contributors and approvers bound to the State, or the
    /// active contacts of the organisation. The one definition of who hears about an owner's items (steps, matches).
    /// </summary>
    public IQueryable<PortalUser> CapacityContacts(string? stateIso3, int? organisationId) =>
        Capacity.CapacityContacts.OwnerContacts(db, stateIso3, organisationId);

    private async Task CapacityStepAsync(CapacityStepTaken taken, CancellationToken cancellationToken)
    {
        var step = taken.Step;
        (string, string)[] values = [("title", taken.Title), ("actor", step.ActorName), ("link", CapacityWorkPath(taken.ItemId))];
        var contacts = CapacityContacts(taken.StateIso3, taken.OrganisationId).Where(u => u.Id != step.ActorUserId);
        switch (step.ToStatus)
        {
            case EntryStatus.Submitted:
                // The same rule as the approval's (CapacityWorkflow.AwaitsApprovalBy): a moderator stands in where the State has one point of contact.
                var approvers = taken.Context.StateHasSinglePointOfContact
                    ? UsersInRoles(null, PortalRoles.Moderator)
                    : UsersInRoles(taken.StateIso3, PortalRoles.Approver).Where(u => u.Id != step.ActorUserId);
                await SendAsync(approvers, "CapacitySubmitted", values, cancellationToken);
                break;
            case EntryStatus.AwaitingModeration:
                await SendAsync(UsersInRoles(null, PortalRoles.Moderator), "CapacityAwaitingModeration", values, cancellationToken);
                break;
            case EntryStatus.Draft when step.Action == WorkflowAction.Return:
                await SendAsync(contacts, "CapacityReturned", [.. values, ("reason", step.Reason ?? "")], cancellationToken);
                break;
            case EntryStatus.Published:
                await SendAsync(contacts, "CapacityPublished", [("title", taken.Title), ("actor", step.ActorName), ("link", CapacityPath(taken.ItemId))], cancellationToken);
                break;
        }
    }

    private Task InvitationAsync(InvitationCreated created)
    {
        var invitation = created.Invitation;
        var culture = PortalCultures.OrDefault(created.Language).Culture; // the invitee has no account, and so no language, yet
        var role = ("role", templates.Text($"Role.{invitation.Role}", culture));
        var grant = created.BoundToName is null
            ? templates.Text("Invitation.Grant", culture, role)
            : templates.Text("Invitation.GrantFor", culture, role, ("boundTo", created.BoundToName));
        Enqueue(invitation.Email, templates.Render("Invitation", culture,
            ("name", invitation.DisplayName),
            ("inviter", created.InviterName ?? templates.Text("Invitation.SomeAdministrator", culture)),
            ("grant", grant),
            ("link", mail.Link($"{InvitationLinks.AcceptPath}?token={created.Token}", culture)),
            ("lifetime", templates.Lifetime(Invitation.Lifetime, culture)),
            ("expires", invitation.ExpiresAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture))));
        return Task.CompletedTask;
    }

    private Task PasswordResetAsync(PasswordResetRequested requested)
    {
        var user = requested.User;
        var email = user.Email ?? throw new InvalidOperationException($"User {user.Id} has no e-mail address.");
        var culture = CultureOf(user);
        Enqueue(email, templates.Render("PasswordReset", culture,
            ("name", user.DisplayName),
            ("link", mail.Link($"{ResetPasswordPath}?email={Uri.EscapeDataString(email)}&token={requested.Token}", culture)),
            ("lifetime", templates.Lifetime(resetTokens.Value.TokenLifespan, culture))));
        return Task.CompletedTask;
    }

    /// <summary>The values of an entry's message; its link is a path, made absolute in each recipient's language.</summary>
    private static (string, string)[] Values(EntryStepTaken taken, string linkPath) =>
        [("title", taken.Title), ("actor", taken.Step.ActorName), ("link", linkPath)];

    private async Task SendAsync(
        IQueryable<PortalUser> recipients, string template, (string Name, string Value)[] values, CancellationToken cancellationToken)
    {
        var users = await recipients.Where(u => u.Email != null).AsNoTracking().ToListAsync(cancellationToken);
        foreach (var user in users)
        {
            var culture = CultureOf(user);
            Enqueue(user.Email!, templates.Render(template, culture, [.. values.Select(v => v.Name == "link" ? (v.Name, mail.Link(v.Value, culture)) : v)]));
        }
    }

    private void Enqueue(string to, MailText text) => mail.Enqueue(to, text.Subject, text.Body, text.Language);

    private static CultureInfo CultureOf(PortalUser user) => MailTemplates.CultureOf(user);

    /// <summary>
    /// Who is told that a joint entry waits for review: the group's other coordinators, or the moderators when the
    /// submitter is its only coordinator (either may approve it).
    /// </summary>
    private async Task<IQueryable<PortalUser>> JointReviewersAsync(int groupId, string? submitterId, CancellationToken cancellationToken)
    {
        var otherCoordinators = UsersInRoles(null, PortalRoles.GroupCoordinator).Where(u => u.GroupId == groupId && u.Id != submitterId);
        return await otherCoordinators.AnyAsync(cancellationToken) ? otherCoordinators : UsersInRoles(null, PortalRoles.Moderator);
    }

    /// <summary>
    /// Active users holding any of <paramref name="roles"/> (bound to <paramref name="stateIso3"/> when given). Roles
    /// that count only with two-factor sign-in (<see cref="PortalRoles.NeedsTwoFactor"/>, as in
    /// <see cref="PortalCapabilities"/>) reach only those who have set it up: a moderator without it cannot act on the mail.
    /// </summary>
    internal IQueryable<PortalUser> UsersInRoles(string? stateIso3, params string[] roles)
    {
        var onlyWithTwoFactor = roles.All(PortalRoles.NeedsTwoFactor);
        var normalized = roles.Select(r => r.ToUpperInvariant()).ToList();
        var inRole = from userRole in db.UserRoles
                     join role in db.Roles on userRole.RoleId equals role.Id
                     where normalized.Contains(role.NormalizedName!)
                     select userRole.UserId;
        return db.Users.Where(u => u.IsActive && (!onlyWithTwoFactor || u.TwoFactorEnabled)
                                   && inRole.Contains(u.Id) && (stateIso3 == null || u.StateIso3 == stateIso3));
    }
}

using System.Security.Claims;
using CyberNormPortal.Domain.Entries;
using CyberNormPortal.Web.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace CyberNormPortal.Web.Authorization;

/// <summary>What can be done to one entry beyond reading its published text.</summary>
public static class EntryOperations
{
    /// <summary>See the working copy: drafts, revisions in review, history and review events.</summary>
    public static readonly OperationAuthorizationRequirement ReadWorkingCopy = new() { Name = nameof(ReadWorkingCopy) };

    /// <summary>Save a new revision.</summary>
    public static readonly OperationAuthorizationRequirement Edit = new() { Name = nameof(Edit) };
}

/// <summary>The facts about an entry that decide who may see or change its working copy.</summary>
public sealed record EntryAccess(int Id, string? StateIso3, EntryStatus Status, int? GroupId = null);

/// <summary>
/// Per-entry rules: the entry's own State's contributors and approvers (for a joint entry, its group's coordinators)
/// see and edit its working copy; moderators see every working copy (they moderate, stand in as approvers and withdraw). Nobody else does,
/// whatever URL or form they use. Workflow steps are then decided by <see cref="EntryWorkflow"/>.
/// </summary>
public sealed class EntryAuthorizationHandler : AuthorizationHandler<OperationAuthorizationRequirement, EntryAccess>
{
    protected override Task HandleRequirementAsync(
        AuthorizationHandlerContext context, OperationAuthorizationRequirement requirement, EntryAccess entry)
    {
        var actor = PortalActor.From(context.User);
        if (actor is null)
        {
            return Task.CompletedTask;
        }

        var allowed = requirement.Name switch
        {
            nameof(EntryOperations.ReadWorkingCopy) => actor.SpeaksFor(entry.StateIso3, entry.GroupId) || actor.Has(WorkflowRoles.Moderator),
            nameof(EntryOperations.Edit) => actor.SpeaksFor(entry.StateIso3, entry.GroupId) && entry.Status is EntryStatus.Draft or EntryStatus.Published,
            _ => false,
        };
        if (allowed)
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}

/// <summary>The signed-in user as the workflow sees them.</summary>
public static class PortalActor
{
    public static WorkflowActor? From(ClaimsPrincipal user)
    {
        if (!PortalCapabilities.IsSignedIn(user) || user.FindFirstValue(ClaimTypes.NameIdentifier) is not { } id)
        {
            return null;
        }

        var roles = WorkflowRoles.None;
        if (PortalCapabilities.Contributes(user))
        {
            roles |= WorkflowRoles.Contributor;
        }

        if (PortalCapabilities.Approves(user))
        {
            roles |= WorkflowRoles.Approver;
        }

        // A moderator acts as one only with two-factor sign-in, as everywhere else (PortalCapabilities).
        if (PortalCapabilities.ActsAsModerator(user))
        {
            roles |= WorkflowRoles.Moderator;
        }

        if (PortalCapabilities.Coordinates(user))
        {
            roles |= WorkflowRoles.GroupCoordinator;
        }

        if (PortalCapabilities.RepresentsOrganisation(user))
        {
            roles |= WorkflowRoles.OrganisationContact;
        }

        var name = user.FindFirstValue(PortalClaims.DisplayName) ?? user.Identity?.Name ?? id;
        return new WorkflowActor(id, name, roles, PortalCapabilities.StateOf(user), PortalCapabilities.GroupOf(user), PortalCapabilities.OrganisationOf(user));
    }
}

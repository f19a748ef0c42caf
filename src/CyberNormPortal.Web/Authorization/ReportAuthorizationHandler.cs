using CyberNormPortal.Domain.Entries;
using CyberNormPortal.Web.Reports;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace CyberNormPortal.Web.Authorization;

/// <summary>What can be done to one national report beyond reading its published version.</summary>
public static class ReportOperations
{
    /// <summary>See the working copy: every part as saved, the label, the steps and who took them.</summary>
    public static readonly OperationAuthorizationRequirement ReadWorkingCopy = new() { Name = nameof(ReadWorkingCopy) };

    /// <summary>Save a part or change the label.</summary>
    public static readonly OperationAuthorizationRequirement Edit = new() { Name = nameof(Edit) };
}

/// <summary>
/// Per-report rules, the entries' ones: the report's own State's contributors and approvers see and edit its working
/// copy; acting moderators see every working copy (they moderate, stand in as approvers and withdraw). Nobody else
/// does, whatever URL or form they use. Workflow steps are then decided by <c>ReportWorkflow</c>.
/// </summary>
public sealed class ReportAuthorizationHandler : AuthorizationHandler<OperationAuthorizationRequirement, ReportAccess>
{
    protected override Task HandleRequirementAsync(
        AuthorizationHandlerContext context, OperationAuthorizationRequirement requirement, ReportAccess report)
    {
        var actor = PortalActor.From(context.User);
        if (actor is null)
        {
            return Task.CompletedTask;
        }

        var allowed = requirement.Name switch
        {
            nameof(ReportOperations.ReadWorkingCopy) => actor.SpeaksFor(report.StateIso3) || actor.Has(WorkflowRoles.Moderator),
            nameof(ReportOperations.Edit) => actor.SpeaksFor(report.StateIso3) && report.Status is EntryStatus.Draft or EntryStatus.Published,
            _ => false,
        };
        if (allowed)
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}

using CyberNormPortal.Domain.Entries;
using CyberNormPortal.Web.Entries;
using Microsoft.Extensions.Localization;

namespace CyberNormPortal.Web.Pages.Entries;

/// <summary>What the entry pages tell the user after a save or a workflow step, shown once on the next page (<see cref="Shared.Notices"/>).</summary>
public static class EntryNotices
{
    /// <summary>After the entry form saved the text, and submitted it when asked to.</summary>
    public static string Saved(IStringLocalizer localizer, SaveOutcome outcome, bool submit, Entry entry) => outcome == SaveOutcome.Saved
        ? (submit, entry.GroupId is null) switch
        {
            (true, true) => localizer["Submitted for review. Your State's approvers have been told by e-mail."],
            (true, false) => localizer["Submitted for review. The group's other coordinators have been told by e-mail."],
            (false, true) => localizer["Your draft is saved. Only your State's points of contact and the moderators can see it."],
            (false, false) => localizer["Your draft is saved. Only your group's coordinators and the moderators can see it."],
        }
        : localizer["Your text is saved, but it could not be submitted for review."];

    /// <summary>After a workflow step, with the entry as the step left it.</summary>
    public static string Stepped(IStringLocalizer localizer, WorkflowAction action, Entry entry) => action switch
    {
        WorkflowAction.Submit => localizer["Submitted for review."],
        WorkflowAction.Approve => entry.Status == EntryStatus.Published
            ? localizer["Approved and published."]
            : localizer["Approved. It now waits for a moderator."],
        WorkflowAction.Return => localizer["Returned to the author with your reason."],
        WorkflowAction.Publish => localizer["Published. It now appears on the norm page, the State profile and the synthesis."],
        WorkflowAction.Withdraw => entry.Status == EntryStatus.Withdrawn
            ? localizer["Withdrawn. Readers no longer see it."]
            : localizer["Withdrawn. Readers no longer see it; the revision in progress stays with its authors."],
    };
}

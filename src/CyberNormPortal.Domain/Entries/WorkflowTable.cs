using CyberNormPortal.Domain.Common;

namespace CyberNormPortal.Domain.Entries;

/// <summary>One row of a workflow table: who may take the step (the rule), and whether it needs a reason.</summary>
public sealed record WorkflowTransition<T>(Func<T, WorkflowActor, WorkflowContext, WorkflowDecision> Rule, bool NeedsReason = false);

/// <summary>
/// The mechanics shared by the entries' and the national reports' workflows: a table of (status, action) → rule, asked
/// what one step would do (<see cref="Decide"/>) and which steps an actor may take now (<see cref="StepsFor"/>). Each
/// workflow keeps its own table of rules; only how a table is read is here.
/// </summary>
public sealed class WorkflowTable<T>(
    IReadOnlyDictionary<(EntryStatus, WorkflowAction), WorkflowTransition<T>> transitions, Func<T, EntryStatus> statusOf, string notNow)
{
    public WorkflowDecision Decide(T subject, WorkflowAction action, WorkflowActor actor, WorkflowContext context, string? reason)
    {
        if (!transitions.TryGetValue((statusOf(subject), action), out var transition))
        {
            return WorkflowDecision.Refuse(WorkflowRefusal.NotInThisStatus, notNow);
        }

        var decision = transition.Rule(subject, actor, context);
        return decision.IsAllowed && transition.NeedsReason && string.IsNullOrWhiteSpace(reason)
            ? WorkflowDecision.Refuse(WorkflowRefusal.ReasonRequired, DomainMessages.ReasonRequired)
            : decision;
    }

    public IReadOnlyList<WorkflowStep> StepsFor(T subject, WorkflowActor actor, WorkflowContext context) =>
        Enum.GetValues<WorkflowAction>()
            .Where(action => transitions.ContainsKey((statusOf(subject), action)))
            .Select(action => (Action: action, Transition: transitions[(statusOf(subject), action)]))
            .Select(row => (row.Action, row.Transition.NeedsReason, Decision: row.Transition.Rule(subject, actor, context)))
            .Where(row => row.Decision.IsAllowed)
            .Select(row => new WorkflowStep(row.Action, row.Decision.To!.Value, row.NeedsReason))
            .ToList();
}

using CyberNormPortal.Domain.Common;

namespace CyberNormPortal.Domain.Capacity;

/// <summary>The outcome of asking whether a step on a match is allowed: where it leads, or why not (a <see cref="DomainMessages"/> key).</summary>
public sealed record MatchDecision(bool IsAllowed, MatchStatus? To, string? Why)
{
    public static MatchDecision Allow(MatchStatus to) => new(true, to, null);

    public static MatchDecision Refuse(string why) => new(false, null, why);
}

/// <summary>A step the actor may take on a match now, and whether it needs a note (a reason, or the outcome).</summary>
public sealed record MatchStep(MatchAction Action, MatchStatus To, bool NeedsNote);

/// <summary>
/// The life of a match as one table of (status, action) → rule:
/// <code>
/// Open ─express interest (each side once)→ Open ─introduce (secretariat, both consented)→ InDiscussion
/// InDiscussion ─agree→ Agreed ─start work→ UnderWay ─deliver (outcome)→ Delivered
/// any but Closed ─close (reason)→ Closed    (either side may also close an open or discussed match)
/// </code>
/// The secretariat follows the match; the two sides consent and may step back before anything is agreed.
/// </summary>
public static class MatchWorkflow
{
    private sealed record Transition(Func<CapacityMatch, MatchActor, MatchDecision> Rule, bool NeedsNote = false);

    private static readonly IReadOnlyDictionary<(MatchStatus, MatchAction), Transition> Table = new Dictionary<(MatchStatus, MatchAction), Transition>
    {
        [(MatchStatus.Open, MatchAction.ExpressInterest)] = new(ExpressInterest),
        [(MatchStatus.Open, MatchAction.Introduce)] = new(Introduce),
        [(MatchStatus.InDiscussion, MatchAction.Agree)] = new(Secretariat(MatchStatus.Agreed)),
        [(MatchStatus.Agreed, MatchAction.StartWork)] = new(Secretariat(MatchStatus.UnderWay)),
        [(MatchStatus.UnderWay, MatchAction.Deliver)] = new(Secretariat(MatchStatus.Delivered), NeedsNote: true),
        [(MatchStatus.Open, MatchAction.Close)] = new(SecretariatOrEitherSide, NeedsNote: true),
        [(MatchStatus.InDiscussion, MatchAction.Close)] = new(SecretariatOrEitherSide, NeedsNote: true),
        [(MatchStatus.Agreed, MatchAction.Close)] = new(Secretariat(MatchStatus.Closed), NeedsNote: true),
        [(MatchStatus.UnderWay, MatchAction.Close)] = new(Secretariat(MatchStatus.Closed), NeedsNote: true),
        [(MatchStatus.Delivered, MatchAction.Close)] = new(Secretariat(MatchStatus.Closed), NeedsNote: true),
    };

    public static MatchDecision Decide(CapacityMatch match, MatchAction action, MatchActor actor, string? note = null)
    {
        if (!Table.TryGetValue((match.Status, action), out var transition))
        {
            return MatchDecision.Refuse(DomainMessages.MatchStepNotPossibleNow);
        }

        var decision = transition.Rule(match, actor);
        return decision.IsAllowed && transition.NeedsNote && string.IsNullOrWhiteSpace(note)
            ? MatchDecision.Refuse(action == MatchAction.Deliver ? DomainMessages.MatchOutcomeRequired : DomainMessages.ReasonRequired)
            : decision;
    }

    public static IReadOnlyList<MatchStep> StepsFor(CapacityMatch match, MatchActor actor) =>
        Enum.GetValues<MatchAction>()
            .Where(action => Table.ContainsKey((match.Status, action)))
            .Select(action => (Action: action, Transition: Table[(match.Status, action)]))
            .Select(row => (row.Action, row.Transition.NeedsNote, Decision: row.Transition.Rule(match, actor)))
            .Where(row => row.Decision.IsAllowed)
            .Select(row => new MatchStep(row.Action, row.Decision.To!.Value, row.NeedsNote))
            .ToList();

    private static MatchDecision ExpressInterest(CapacityMatch match, MatchActor actor) =>
        !actor.Is(MatchParty.NeedSide) && !actor.Is(MatchParty.OfferSide) ? MatchDecision.Refuse(DomainMessages.MatchNotASide)
        : (actor.Is(MatchParty.NeedSide) && !match.HasConsented(MatchParty.NeedSide))
            || (actor.Is(MatchParty.OfferSide) && !match.HasConsented(MatchParty.OfferSide)) ? MatchDecision.Allow(MatchStatus.Open)
        : MatchDecision.Refuse(DomainMessages.MatchAlreadyInterested);

    private static MatchDecision Introduce(CapacityMatch match, MatchActor actor) =>
        !actor.Is(MatchParty.Secretariat) ? MatchDecision.Refuse(DomainMessages.MatchNotTheSecretariat)
        : !match.BothConsented ? MatchDecision.Refuse(DomainMessages.MatchConsentMissing)
        : MatchDecision.Allow(MatchStatus.InDiscussion);

    private static Func<CapacityMatch, MatchActor, MatchDecision> Secretariat(MatchStatus to) =>
        (_, actor) => actor.Is(MatchParty.Secretariat) ? MatchDecision.Allow(to) : MatchDecision.Refuse(DomainMessages.MatchNotTheSecretariat);

    private static MatchDecision SecretariatOrEitherSide(CapacityMatch match, MatchActor actor) =>
        actor.Parties != MatchParty.None ? MatchDecision.Allow(MatchStatus.Closed) : MatchDecision.Refuse(DomainMessages.MatchNotASide);
}

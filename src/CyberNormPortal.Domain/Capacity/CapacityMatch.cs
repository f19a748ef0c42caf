using CyberNormPortal.Domain.Common;

namespace CyberNormPortal.Domain.Capacity;

/// <summary>
/// Who takes a step on a match: an account and whom it speaks for on this match (the need's side, the offer's side,
/// the secretariat). The web layer works the parties out from the account's State, organisation and role.
/// </summary>
public sealed record MatchActor(string UserId, string DisplayName, MatchParty Parties)
{
    public bool Is(MatchParty party) => (Parties & party) == party;
}

/// <summary>
/// A need and an offer brought together. It comes to exist when one side expresses interest in a suggestion; the
/// secretariat introduces the two sides once both have consented, then follows it through
/// <see cref="MatchStatus"/> (<see cref="MatchWorkflow"/>).
/// </summary>
public sealed class CapacityMatch
{
    private readonly List<MatchEvent> events = [];

    private CapacityMatch()
    {
    }

    public int Id { get; private set; }

    public int NeedId { get; private set; }

    public int OfferId { get; private set; }

    public MatchStatus Status { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public DateTimeOffset? NeedSideConsentedAt { get; private set; }

    public string? NeedSideConsentedBy { get; private set; }

    public DateTimeOffset? OfferSideConsentedAt { get; private set; }

    public string? OfferSideConsentedBy { get; private set; }

    public DateTimeOffset? IntroducedAt { get; private set; }

    public string? ClosedReason { get; private set; }

    public string? Outcome { get; private set; }

    public IReadOnlyList<MatchEvent> Events => events;

    public bool BothConsented => NeedSideConsentedAt is not null && OfferSideConsentedAt is not null;

    /// <summary>Whether <paramref name="party"/> (one side) has expressed interest.</summary>
    public bool HasConsented(MatchParty party) => party switch
    {
        MatchParty.NeedSide => NeedSideConsentedAt is not null,
        MatchParty.OfferSide => OfferSideConsentedAt is not null,
        _ => false,
    };

    /// <summary>A match begun by <paramref name="actor"/>'s interest: one side of it must be theirs.</summary>
    public static CapacityMatch Begin(int needId, int offerId, MatchActor actor, DateTimeOffset now)
    {
        var match = new CapacityMatch { NeedId = needId, OfferId = offerId, Status = MatchStatus.Open, CreatedAt = now, UpdatedAt = now };
        match.Apply(MatchAction.ExpressInterest, actor, now);
        return match;
    }

    public MatchEvent Apply(MatchAction action, MatchActor actor, DateTimeOffset now, string? note = null)
    {
        var decision = MatchWorkflow.Decide(this, action, actor, note);
        if (!decision.IsAllowed)
        {
            throw new DomainException(decision.Why!);
        }

        var trimmed = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        var step = new MatchEvent(action, Status, decision.To!.Value, actor, trimmed, now);
        switch (action)
        {
            case MatchAction.ExpressInterest when actor.Is(MatchParty.NeedSide) && NeedSideConsentedAt is null:
                NeedSideConsentedAt = now;
                NeedSideConsentedBy = actor.DisplayName;
                break;
            case MatchAction.ExpressInterest:
                OfferSideConsentedAt = now;
                OfferSideConsentedBy = actor.DisplayName;
                break;
            case MatchAction.Introduce:
                IntroducedAt = now;
                break;
            case MatchAction.Deliver:
                Outcome = trimmed;
                break;
            case MatchAction.Close:
                ClosedReason = trimmed;
                break;
        }

        Status = decision.To.Value;
        UpdatedAt = now;
        events.Add(step);
        return step;
    }
}

/// <summary>One step on a match: who, when, from which status to which, and the reason or outcome note given.</summary>
public sealed class MatchEvent
{
    private MatchEvent()
    {
    }

    internal MatchEvent(MatchAction action, MatchStatus from, MatchStatus to, MatchActor actor, string? note, DateTimeOffset at)
    {
        Action = action;
        FromStatus = from;
        ToStatus = to;
        ActorUserId = actor.UserId;
        ActorName = actor.DisplayName;
        Note = note;
        At = at;
    }

    public int Id { get; private set; }

    public int MatchId { get; private set; }

    public MatchAction Action { get; private set; }

    public MatchStatus FromStatus { get; private set; }

    public MatchStatus ToStatus { get; private set; }

    public string ActorUserId { get; private set; } = "";

    public string ActorName { get; private set; } = "";

    public string? Note { get; private set; }

    public DateTimeOffset At { get; private set; }
}

using CyberNormPortal.Domain.Capacity;
using CyberNormPortal.Domain.Common;

namespace CyberNormPortal.Domain.Tests.Capacity;

/// <summary>The workflow of a match, over every status × action × actor.</summary>
public sealed class MatchWorkflowTests
{
    public enum Actor
    {
        NeedSide,
        OfferSide,
        Secretariat,
        Nobody,

        /// <summary>One account on both sides, e.g. a State matching its own need with its own offer.</summary>
        BothSides,
    }

    /// <summary>Where a match stands; an open match differs by who has consented so far.</summary>
    public enum Stage
    {
        OpenNeedSideConsented,
        OpenOfferSideConsented,
        OpenBothConsented,
        InDiscussion,
        Agreed,
        UnderWay,
        Delivered,
        Closed,
    }

    private const int NeedId = 11;
    private const int OfferId = 22;
    private const string Note = "  Two trainers, three weeks in Nairobi.  ";
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Later = Now.AddDays(2);

    private static readonly Actor[] AnyParty = [Actor.NeedSide, Actor.OfferSide, Actor.Secretariat, Actor.BothSides];

    public static TheoryData<Stage, MatchAction, Actor> EveryCombination()
    {
        var data = new TheoryData<Stage, MatchAction, Actor>();
        foreach (var stage in Enum.GetValues<Stage>())
        {
            foreach (var action in Enum.GetValues<MatchAction>())
            {
                foreach (var actor in Enum.GetValues<Actor>())
                {
                    data.Add(stage, action, actor);
                }
            }
        }

        return data;
    }

    /// <summary>Where a match goes, for every step allowed; every other combination is refused.</summary>
    private static MatchStatus? Expected(Stage stage, MatchAction action, Actor actor) => (stage, action) switch
    {
        (Stage.OpenNeedSideConsented, MatchAction.ExpressInterest) when actor is Actor.OfferSide or Actor.BothSides => MatchStatus.Open,
        (Stage.OpenOfferSideConsented, MatchAction.ExpressInterest) when actor is Actor.NeedSide or Actor.BothSides => MatchStatus.Open,
        (Stage.OpenBothConsented, MatchAction.Introduce) when actor == Actor.Secretariat => MatchStatus.InDiscussion,
        (Stage.OpenNeedSideConsented or Stage.OpenOfferSideConsented or Stage.OpenBothConsented or Stage.InDiscussion, MatchAction.Close)
            when AnyParty.Contains(actor) => MatchStatus.Closed,
        (Stage.InDiscussion, MatchAction.Agree) when actor == Actor.Secretariat => MatchStatus.Agreed,
        (Stage.Agreed, MatchAction.StartWork) when actor == Actor.Secretariat => MatchStatus.UnderWay,
        (Stage.UnderWay, MatchAction.Deliver) when actor == Actor.Secretariat => MatchStatus.Delivered,
        (Stage.Agreed or Stage.UnderWay or Stage.Delivered, MatchAction.Close) when actor == Actor.Secretariat => MatchStatus.Closed,
        _ => null,
    };

    [Theory]
    [MemberData(nameof(EveryCombination))]
    public void Step_IsAllowedExactlyWhenTheTableSaysSo_AndARefusalChangesNothing(Stage stage, MatchAction action, Actor actor)
    {
        var match = MatchAt(stage);
        var status = match.Status;
        var events = match.Events.Count;
        var consents = (match.NeedSideConsentedAt, match.OfferSideConsentedAt);
        var expected = Expected(stage, action, actor);

        var decision = MatchWorkflow.Decide(match, action, As(actor), Note);

        Assert.Equal(expected is not null, decision.IsAllowed);
        Assert.Equal(expected, decision.To);
        Assert.Equal(expected, MatchWorkflow.StepsFor(match, As(actor)).SingleOrDefault(s => s.Action == action)?.To);
        if (expected is { } to)
        {
            var step = match.Apply(action, As(actor), Later, Note);
            Assert.Equal(to, match.Status);
            Assert.Equal(events + 1, match.Events.Count);
            Assert.Same(step, match.Events[^1]);
            Assert.Equal((action, status, to, As(actor).UserId, As(actor).DisplayName, "Two trainers, three weeks in Nairobi.", Later),
                (step.Action, step.FromStatus, step.ToStatus, step.ActorUserId, step.ActorName, step.Note, step.At));
            Assert.Equal(Later, match.UpdatedAt);
        }
        else
        {
            Assert.False(string.IsNullOrWhiteSpace(decision.Why));
            var error = Assert.Throws<DomainException>(() => match.Apply(action, As(actor), Later, Note));
            Assert.Equal(decision.Why, error.Message);
            Assert.Equal(status, match.Status);
            Assert.Equal(events, match.Events.Count);
            Assert.Equal(consents, (match.NeedSideConsentedAt, match.OfferSideConsentedAt));
            Assert.Equal(Now, match.UpdatedAt);
        }
    }

    [Theory]
    [InlineData(Actor.NeedSide)]
    [InlineData(Actor.OfferSide)]
    public void Begin_RecordsTheFirstSidesConsent(Actor actor)
    {
        var match = CapacityMatch.Begin(NeedId, OfferId, As(actor), Now);

        Assert.Equal((NeedId, OfferId, MatchStatus.Open, Now, Now), (match.NeedId, match.OfferId, match.Status, match.CreatedAt, match.UpdatedAt));
        Assert.Equal(actor == Actor.NeedSide, match.HasConsented(MatchParty.NeedSide));
        Assert.Equal(actor == Actor.OfferSide, match.HasConsented(MatchParty.OfferSide));
        Assert.False(match.BothConsented);
        Assert.Equal(actor == Actor.NeedSide ? Now : null, match.NeedSideConsentedAt);
        Assert.Equal(actor == Actor.NeedSide ? "Wanjiru" : null, match.NeedSideConsentedBy);
        Assert.Equal(actor == Actor.OfferSide ? Now : null, match.OfferSideConsentedAt);
        Assert.Equal(actor == Actor.OfferSide ? "Ada" : null, match.OfferSideConsentedBy);
        var begun = Assert.Single(match.Events);
        Assert.Equal((MatchAction.ExpressInterest, MatchStatus.Open, MatchStatus.Open, As(actor).UserId, (string?)null),
            (begun.Action, begun.FromStatus, begun.ToStatus, begun.ActorUserId, begun.Note));
        Assert.Null(match.IntroducedAt);
    }

    [Theory]
    [InlineData(Actor.Secretariat)]
    [InlineData(Actor.Nobody)]
    public void Begin_NeedsOneSide(Actor actor)
    {
        var error = Assert.Throws<DomainException>(() => CapacityMatch.Begin(NeedId, OfferId, As(actor), Now));
        Assert.Equal(DomainMessages.MatchNotASide, error.Message);
    }

    [Fact]
    public void ASideThatAlreadyConsented_IsToldSo()
    {
        var match = MatchAt(Stage.OpenNeedSideConsented);
        Assert.Equal(DomainMessages.MatchAlreadyInterested, MatchWorkflow.Decide(match, MatchAction.ExpressInterest, As(Actor.NeedSide)).Why);
        Assert.Equal(DomainMessages.MatchNotASide, MatchWorkflow.Decide(match, MatchAction.ExpressInterest, As(Actor.Secretariat)).Why);
        Assert.Equal(DomainMessages.MatchNotASide, MatchWorkflow.Decide(match, MatchAction.ExpressInterest, As(Actor.Nobody)).Why);
    }

    [Fact]
    public void Introduce_IsRefusedUntilBothSidesConsented_ThenAllowed()
    {
        var match = CapacityMatch.Begin(NeedId, OfferId, As(Actor.NeedSide), Now);

        var early = MatchWorkflow.Decide(match, MatchAction.Introduce, As(Actor.Secretariat));
        Assert.False(early.IsAllowed);
        Assert.Equal(DomainMessages.MatchConsentMissing, early.Why);
        Assert.Equal(DomainMessages.MatchConsentMissing, Assert.Throws<DomainException>(() => match.Apply(MatchAction.Introduce, As(Actor.Secretariat), Now)).Message);
        Assert.DoesNotContain(MatchWorkflow.StepsFor(match, As(Actor.Secretariat)), s => s.Action == MatchAction.Introduce);
        Assert.Null(match.IntroducedAt);

        match.Apply(MatchAction.ExpressInterest, As(Actor.OfferSide), Later);
        Assert.True(match.BothConsented);
        Assert.Equal(Later, match.OfferSideConsentedAt);
        Assert.Equal("Ada", match.OfferSideConsentedBy);
        Assert.Equal(Now, match.NeedSideConsentedAt);
        Assert.Equal("Wanjiru", match.NeedSideConsentedBy);

        Assert.Equal(DomainMessages.MatchNotTheSecretariat, MatchWorkflow.Decide(match, MatchAction.Introduce, As(Actor.NeedSide)).Why);
        var introducedAt = Later.AddHours(1);
        var step = match.Apply(MatchAction.Introduce, As(Actor.Secretariat), introducedAt);
        Assert.Equal(MatchStatus.InDiscussion, match.Status);
        Assert.Equal(introducedAt, match.IntroducedAt);
        Assert.Equal((MatchStatus.Open, MatchStatus.InDiscussion, "secretariat"), (step.FromStatus, step.ToStatus, step.ActorUserId));
        Assert.Equal(3, match.Events.Count);
    }

    [Fact]
    public void OneAccountOnBothSides_ConsentsForEachSideInTurn()
    {
        var match = CapacityMatch.Begin(NeedId, OfferId, As(Actor.BothSides), Now);
        Assert.True(match.HasConsented(MatchParty.NeedSide));
        Assert.False(match.HasConsented(MatchParty.OfferSide));

        match.Apply(MatchAction.ExpressInterest, As(Actor.BothSides), Later);
        Assert.True(match.BothConsented);
        Assert.Equal(Later, match.OfferSideConsentedAt);
        Assert.Equal(Now, match.NeedSideConsentedAt);
        Assert.Equal(DomainMessages.MatchAlreadyInterested, MatchWorkflow.Decide(match, MatchAction.ExpressInterest, As(Actor.BothSides)).Why);
    }

    public static TheoryData<string?> NoNotes() => new() { null, "", "  " };

    [Theory]
    [MemberData(nameof(NoNotes))]
    public void Deliver_NeedsAnOutcomeNote(string? noNote)
    {
        var match = MatchAt(Stage.UnderWay);
        var decision = MatchWorkflow.Decide(match, MatchAction.Deliver, As(Actor.Secretariat), noNote);
        Assert.False(decision.IsAllowed);
        Assert.Equal(DomainMessages.MatchOutcomeRequired, decision.Why);
        Assert.Equal(DomainMessages.MatchOutcomeRequired, Assert.Throws<DomainException>(() => match.Apply(MatchAction.Deliver, As(Actor.Secretariat), Later, noNote)).Message);
        Assert.Equal(MatchStatus.UnderWay, match.Status);
        Assert.Null(match.Outcome);
        Assert.True(MatchWorkflow.StepsFor(match, As(Actor.Secretariat)).Single(s => s.Action == MatchAction.Deliver).NeedsNote);
    }

    [Theory]
    [MemberData(nameof(NoNotes))]
    public void Close_NeedsAReason(string? noReason)
    {
        foreach (var (stage, actor) in new[] { (Stage.OpenNeedSideConsented, Actor.NeedSide), (Stage.InDiscussion, Actor.OfferSide), (Stage.Delivered, Actor.Secretariat) })
        {
            var match = MatchAt(stage);
            var status = match.Status;
            var decision = MatchWorkflow.Decide(match, MatchAction.Close, As(actor), noReason);
            Assert.False(decision.IsAllowed);
            Assert.Equal(DomainMessages.ReasonRequired, decision.Why);
            Assert.Equal(DomainMessages.ReasonRequired, Assert.Throws<DomainException>(() => match.Apply(MatchAction.Close, As(actor), Later, noReason)).Message);
            Assert.Equal(status, match.Status);
            Assert.Null(match.ClosedReason);
            Assert.True(MatchWorkflow.StepsFor(match, As(actor)).Single(s => s.Action == MatchAction.Close).NeedsNote);
        }
    }

    [Fact]
    public void AMatchFollowedThrough_KeepsItsOutcomeAndClosingReason()
    {
        var match = MatchAt(Stage.UnderWay);
        var delivered = match.Apply(MatchAction.Deliver, As(Actor.Secretariat), Later, "  Forty analysts trained.  ");
        Assert.Equal(MatchStatus.Delivered, match.Status);
        Assert.Equal("Forty analysts trained.", match.Outcome);
        Assert.Equal("Forty analysts trained.", delivered.Note);
        Assert.Null(match.ClosedReason);

        match.Apply(MatchAction.Close, As(Actor.Secretariat), Later.AddDays(1), "  Done.  ");
        Assert.Equal(MatchStatus.Closed, match.Status);
        Assert.Equal("Done.", match.ClosedReason);
        Assert.Equal("Forty analysts trained.", match.Outcome);
        Assert.Equal(Later.AddDays(1), match.UpdatedAt);
        Assert.Equal(
            new[] { MatchAction.ExpressInterest, MatchAction.ExpressInterest, MatchAction.Introduce, MatchAction.Agree, MatchAction.StartWork, MatchAction.Deliver, MatchAction.Close },
            match.Events.Select(e => e.Action));
    }

    [Fact]
    public void ASideMayStepBackBeforeAnythingIsAgreed_NotAfter()
    {
        var open = MatchAt(Stage.OpenNeedSideConsented);
        open.Apply(MatchAction.Close, As(Actor.OfferSide), Later, "Not our region after all.");
        Assert.Equal(MatchStatus.Closed, open.Status);
        Assert.Equal("Not our region after all.", open.ClosedReason);
        Assert.Null(open.Outcome);

        var agreed = MatchAt(Stage.Agreed);
        Assert.Equal(DomainMessages.MatchNotTheSecretariat, MatchWorkflow.Decide(agreed, MatchAction.Close, As(Actor.NeedSide), "Changed our mind.").Why);
        Assert.Equal(DomainMessages.MatchNotASide, MatchWorkflow.Decide(MatchAt(Stage.InDiscussion), MatchAction.Close, As(Actor.Nobody), "x").Why);
    }

    [Fact]
    public void StepsNotInTheTable_AreNotPossibleNow()
    {
        Assert.Equal(DomainMessages.MatchStepNotPossibleNow, MatchWorkflow.Decide(MatchAt(Stage.OpenBothConsented), MatchAction.Agree, As(Actor.Secretariat)).Why);
        Assert.Equal(DomainMessages.MatchStepNotPossibleNow, MatchWorkflow.Decide(MatchAt(Stage.InDiscussion), MatchAction.ExpressInterest, As(Actor.NeedSide)).Why);
        Assert.Equal(DomainMessages.MatchStepNotPossibleNow, MatchWorkflow.Decide(MatchAt(Stage.Closed), MatchAction.Close, As(Actor.Secretariat), "Again.").Why);
        Assert.Empty(MatchWorkflow.StepsFor(MatchAt(Stage.Closed), As(Actor.Secretariat)));
    }

    [Fact]
    public void MatchActor_IsEachOfItsParties()
    {
        var both = As(Actor.BothSides);
        Assert.True(both.Is(MatchParty.NeedSide));
        Assert.True(both.Is(MatchParty.OfferSide));
        Assert.False(both.Is(MatchParty.Secretariat));
        Assert.True(As(Actor.Nobody).Is(MatchParty.None));
        Assert.False(As(Actor.Nobody).Is(MatchParty.NeedSide));
    }

    private static MatchActor As(Actor actor) => actor switch
    {
        Actor.NeedSide => new("kenya-1", "Wanjiru", MatchParty.NeedSide),
        Actor.OfferSide => new("org-1", "Ada", MatchParty.OfferSide),
        Actor.Secretariat => new("secretariat", "Secretariat", MatchParty.Secretariat),
        Actor.Nobody => new("nobody", "Visitor", MatchParty.None),
        Actor.BothSides => new("france-1", "Camille", MatchParty.NeedSide | MatchParty.OfferSide),
    };

    /// <summary>A match brought to <paramref name="stage"/> through the workflow's own steps, all at <see cref="Now"/>.</summary>
    private static CapacityMatch MatchAt(Stage stage)
    {
        if (stage == Stage.OpenOfferSideConsented)
        {
            return CapacityMatch.Begin(NeedId, OfferId, As(Actor.OfferSide), Now);
        }

        var match = CapacityMatch.Begin(NeedId, OfferId, As(Actor.NeedSide), Now);
        if (stage == Stage.OpenNeedSideConsented)
        {
            return match;
        }

        match.Apply(MatchAction.ExpressInterest, As(Actor.OfferSide), Now);
        var steps = new (Stage Reached, MatchAction Action, string? Note)[]
        {
            (Stage.InDiscussion, MatchAction.Introduce, null),
            (Stage.Agreed, MatchAction.Agree, null),
            (Stage.UnderWay, MatchAction.StartWork, null),
            (Stage.Delivered, MatchAction.Deliver, "Delivered."),
            (Stage.Closed, MatchAction.Close, "Finished."),
        };
        foreach (var (reached, action, note) in steps)
        {
            if (stage < reached)
            {
                break;
            }

            match.Apply(action, As(Actor.Secretariat), Now, note);
        }

        return match;
    }
}

using CyberNormPortal.Domain.Capacity;
using CyberNormPortal.Domain.Common;
using CyberNormPortal.Domain.Entries;
using CyberNormPortal.Domain.States;

namespace CyberNormPortal.Domain.Tests.Capacity;

/// <summary>The workflow of needs and offers, over every status × action × actor, as for entries and reports.</summary>
public sealed class CapacityWorkflowTests
{
    public enum Actor
    {
        ContributorOfTheState,
        ApproverOfTheState,

        /// <summary>An approver of the owning State who saved the item last: may not approve it (four eyes).</summary>
        ApproverWhoSavedLast,
        ContributorOfAnotherState,
        ApproverOfAnotherState,
        ContactOfTheOrganisation,
        ContactOfAnotherOrganisation,
        Moderator,
        Nobody,
    }

    public enum Context
    {
        Member,
        Partner,

        /// <summary>A partner State with a single point of contact: a moderator stands in as its approver.</summary>
        SinglePointOfContact,
    }

    private const int Organisation = 5;
    private const int AnotherOrganisation = 6;
    private const string Reason = "  No longer needed.  ";
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Later = Now.AddHours(3);

    private static readonly Actor[] OwnersOfTheState = [Actor.ContributorOfTheState, Actor.ApproverOfTheState, Actor.ApproverWhoSavedLast];

    public static TheoryData<CapacitySide, EntryStatus, WorkflowAction, Actor, Context> EveryCombinationOfAStatesItem()
    {
        var data = new TheoryData<CapacitySide, EntryStatus, WorkflowAction, Actor, Context>();
        foreach (var side in Enum.GetValues<CapacitySide>())
        {
            foreach (var status in Enum.GetValues<EntryStatus>())
            {
                foreach (var action in Enum.GetValues<WorkflowAction>())
                {
                    foreach (var actor in Enum.GetValues<Actor>())
                    {
                        foreach (var context in Enum.GetValues<Context>())
                        {
                            data.Add(side, status, action, actor, context);
                        }
                    }
                }
            }
        }

        return data;
    }

    /// <summary>An organisation's offer never is <see cref="EntryStatus.Submitted"/>: it goes from draft to moderation.</summary>
    public static TheoryData<EntryStatus, WorkflowAction, Actor, Context> EveryCombinationOfAnOrganisationsOffer()
    {
        var data = new TheoryData<EntryStatus, WorkflowAction, Actor, Context>();
        foreach (var status in Enum.GetValues<EntryStatus>().Where(s => s != EntryStatus.Submitted))
        {
            foreach (var action in Enum.GetValues<WorkflowAction>())
            {
                foreach (var actor in Enum.GetValues<Actor>())
                {
                    foreach (var context in Enum.GetValues<Context>())
                    {
                        data.Add(status, action, actor, context);
                    }
                }
            }
        }

        return data;
    }

    /// <summary>Where a State's item goes, for every step allowed; every other combination is refused.</summary>
    private static EntryStatus? ExpectedForAStatesItem(EntryStatus status, WorkflowAction action, Actor actor, Context context)
    {
        var reviewer = actor == Actor.ApproverOfTheState || (actor == Actor.Moderator && context == Context.SinglePointOfContact);
        return (status, action) switch
        {
            (EntryStatus.Draft, WorkflowAction.Submit) when OwnersOfTheState.Contains(actor) => EntryStatus.Submitted,
            (EntryStatus.Submitted, WorkflowAction.Approve) when reviewer =>
                context == Context.Member ? EntryStatus.Published : EntryStatus.AwaitingModeration,
            (EntryStatus.Submitted, WorkflowAction.Return) when reviewer || actor == Actor.ApproverWhoSavedLast => EntryStatus.Draft,
            (EntryStatus.AwaitingModeration, WorkflowAction.Publish) when actor == Actor.Moderator => EntryStatus.Published,
            (EntryStatus.AwaitingModeration, WorkflowAction.Return) when actor == Actor.Moderator => EntryStatus.Draft,
            (EntryStatus.Published, WorkflowAction.Withdraw) when OwnersOfTheState.Contains(actor) || actor == Actor.Moderator => EntryStatus.Withdrawn,
            _ => null,
        };
    }

    private static EntryStatus? ExpectedForAnOrganisationsOffer(EntryStatus status, WorkflowAction action, Actor actor) => (status, action) switch
    {
        (EntryStatus.Draft, WorkflowAction.Submit) when actor == Actor.ContactOfTheOrganisation => EntryStatus.AwaitingModeration,
        (EntryStatus.AwaitingModeration, WorkflowAction.Publish) when actor == Actor.Moderator => EntryStatus.Published,
        (EntryStatus.AwaitingModeration, WorkflowAction.Return) when actor == Actor.Moderator => EntryStatus.Draft,
        (EntryStatus.Published, WorkflowAction.Withdraw) when actor is Actor.ContactOfTheOrganisation or Actor.Moderator => EntryStatus.Withdrawn,
        _ => null,
    };

    [Theory]
    [MemberData(nameof(EveryCombinationOfAStatesItem))]
    public void StatesItemStep_IsAllowedExactlyWhenTheTableSaysSo_AndARefusalChangesNothing(
        CapacitySide side, EntryStatus status, WorkflowAction action, Actor actor, Context context)
    {
        var item = StatesItemIn(side, status, savedBy: actor == Actor.ApproverWhoSavedLast ? Actor.ApproverWhoSavedLast : Actor.ContributorOfTheState);
        AssertStep(item, status, action, actor, context, ExpectedForAStatesItem(status, action, actor, context));
    }

    [Theory]
    [MemberData(nameof(EveryCombinationOfAnOrganisationsOffer))]
    public void OrganisationsOfferStep_IsAllowedExactlyWhenTheTableSaysSo_AndARefusalChangesNothing(
        EntryStatus status, WorkflowAction action, Actor actor, Context context) =>
        AssertStep(OrganisationsOfferIn(status), status, action, actor, context, ExpectedForAnOrganisationsOffer(status, action, actor));

    [Theory]
    [InlineData(Context.Member)]
    [InlineData(Context.Partner)]
    [InlineData(Context.SinglePointOfContact)]
    public void TheApproverWhoSavedLast_CannotApprove_FourEyes(Context context)
    {
        var item = StatesItemIn(CapacitySide.Need, EntryStatus.Submitted, savedBy: Actor.ApproverWhoSavedLast);

        var decision = CapacityWorkflow.Decide(item, WorkflowAction.Approve, As(Actor.ApproverWhoSavedLast), ContextOf(context));

        Assert.False(decision.IsAllowed);
        Assert.Equal(WorkflowRefusal.FourEyes, decision.Refusal);
        Assert.Equal(DomainMessages.CapacityFourEyes, decision.Why);
    }

    [Fact]
    public void AnApproverWhoEditedADraft_CannotApproveIt_AnotherApproverCan()
    {
        var item = Drafted(CapacitySide.Need, Actor.ContributorOfTheState);
        item.Edit(Content(CapacitySide.Need) with { Title = "Incident response training, revised" }, As(Actor.ApproverOfTheState), Now);
        item.Apply(WorkflowAction.Submit, As(Actor.ContributorOfTheState), ContextOf(Context.Member), Now);

        Assert.Equal(DomainMessages.CapacityFourEyes, CapacityWorkflow.Decide(item, WorkflowAction.Approve, As(Actor.ApproverOfTheState), ContextOf(Context.Member)).Why);
        Assert.True(CapacityWorkflow.Decide(item, WorkflowAction.Approve, As(Actor.ApproverWhoSavedLast), ContextOf(Context.Member)).IsAllowed);
    }

    [Fact]
    public void RefusalsSayWhy()
    {
        var member = ContextOf(Context.Member);
        Assert.Equal(DomainMessages.CapacityStepNotPossibleNow, CapacityWorkflow.Decide(Drafted(CapacitySide.Need, Actor.ContributorOfTheState), WorkflowAction.Approve, As(Actor.ApproverOfTheState), member).Why);
        Assert.Equal(DomainMessages.CapacityNotAPointOfContact, CapacityWorkflow.Decide(Drafted(CapacitySide.Need, Actor.ContributorOfTheState), WorkflowAction.Submit, As(Actor.ContributorOfAnotherState), member).Why);
        Assert.Equal(DomainMessages.CapacityNotAnApprover, CapacityWorkflow.Decide(StatesItemIn(CapacitySide.Need, EntryStatus.Submitted, Actor.ContributorOfTheState), WorkflowAction.Approve, As(Actor.ContributorOfTheState), member).Why);
        Assert.Equal(DomainMessages.CapacityNotAnApprover, CapacityWorkflow.Decide(StatesItemIn(CapacitySide.Need, EntryStatus.Submitted, Actor.ContributorOfTheState), WorkflowAction.Approve, As(Actor.Moderator), member).Why);
        Assert.Equal(DomainMessages.CapacityPublishNotAModerator, CapacityWorkflow.Decide(OrganisationsOfferIn(EntryStatus.AwaitingModeration), WorkflowAction.Publish, As(Actor.ContactOfTheOrganisation), member).Why);
        Assert.Equal(DomainMessages.CapacityReturnNotAModerator, CapacityWorkflow.Decide(OrganisationsOfferIn(EntryStatus.AwaitingModeration), WorkflowAction.Return, As(Actor.ContactOfTheOrganisation), member, Reason).Why);
        Assert.Equal(DomainMessages.CapacityWithdrawNotAllowed, CapacityWorkflow.Decide(OrganisationsOfferIn(EntryStatus.Published), WorkflowAction.Withdraw, As(Actor.ContactOfAnotherOrganisation), member, Reason).Why);
    }

    public static TheoryData<string?> NoReasons() => new() { null, "", "   " };

    [Theory]
    [MemberData(nameof(NoReasons))]
    public void AStepThatNeedsAReason_IsRefusedWithoutOne(string? noReason)
    {
        var steps = new (CapacityItem Item, WorkflowAction Action, Actor Actor)[]
        {
            (StatesItemIn(CapacitySide.Need, EntryStatus.Submitted, Actor.ContributorOfTheState), WorkflowAction.Return, Actor.ApproverOfTheState),
            (StatesItemIn(CapacitySide.Offer, EntryStatus.AwaitingModeration, Actor.ContributorOfTheState), WorkflowAction.Return, Actor.Moderator),
            (OrganisationsOfferIn(EntryStatus.AwaitingModeration), WorkflowAction.Return, Actor.Moderator),
            (StatesItemIn(CapacitySide.Need, EntryStatus.Published, Actor.ContributorOfTheState), WorkflowAction.Withdraw, Actor.ContributorOfTheState),
            (OrganisationsOfferIn(EntryStatus.Published), WorkflowAction.Withdraw, Actor.Moderator),
        };
        foreach (var (item, action, actor) in steps)
        {
            var status = item.Status;
            var events = item.Events.Count;
            var decision = CapacityWorkflow.Decide(item, action, As(actor), ContextOf(Context.Partner), noReason);
            Assert.False(decision.IsAllowed);
            Assert.Equal(WorkflowRefusal.ReasonRequired, decision.Refusal);
            Assert.Equal(DomainMessages.ReasonRequired, decision.Why);

            var error = Assert.Throws<DomainException>(() => item.Apply(action, As(actor), ContextOf(Context.Partner), Now, noReason));
            Assert.Equal(DomainMessages.ReasonRequired, error.Message);
            Assert.Equal(status, item.Status);
            Assert.Equal(events, item.Events.Count);
            Assert.True(CapacityWorkflow.StepsFor(item, As(actor), ContextOf(Context.Partner)).Single(s => s.Action == action).NeedsReason);
        }
    }

    [Fact]
    public void StepsWithoutAReason_NeedNone()
    {
        var item = Drafted(CapacitySide.Need, Actor.ContributorOfTheState);
        Assert.False(CapacityWorkflow.StepsFor(item, As(Actor.ContributorOfTheState), ContextOf(Context.Member)).Single().NeedsReason);
        item.Apply(WorkflowAction.Submit, As(Actor.ContributorOfTheState), ContextOf(Context.Member), Now);
        Assert.Null(item.Events.Single().Reason);
        Assert.False(CapacityWorkflow.StepsFor(item, As(Actor.ApproverOfTheState), ContextOf(Context.Member)).Single(s => s.Action == WorkflowAction.Approve).NeedsReason);
    }

    [Fact]
    public void Apply_RecordsEachStep_AndSetsPublishedAtAndWithdrawnAt()
    {
        var item = Drafted(CapacitySide.Need, Actor.ContributorOfTheState);
        Assert.Null(item.PublishedAt);
        Assert.Null(item.WithdrawnAt);

        var submitted = item.Apply(WorkflowAction.Submit, As(Actor.ContributorOfTheState), ContextOf(Context.Member), Now);
        var approved = item.Apply(WorkflowAction.Approve, As(Actor.ApproverOfTheState), ContextOf(Context.Member), Later);

        Assert.Equal(EntryStatus.Published, item.Status);
        Assert.Equal(Later, item.PublishedAt);
        Assert.Equal(Later, item.UpdatedAt);
        Assert.Null(item.WithdrawnAt);
        Assert.Equal((WorkflowAction.Approve, EntryStatus.Submitted, EntryStatus.Published, "kenya-approver", "Kamau", Later),
            (approved.Action, approved.FromStatus, approved.ToStatus, approved.ActorUserId, approved.ActorName, approved.At));
        Assert.Equal((WorkflowAction.Submit, EntryStatus.Draft, EntryStatus.Submitted), (submitted.Action, submitted.FromStatus, submitted.ToStatus));

        var withdrawnAt = Later.AddDays(1);
        var withdrawn = item.Apply(WorkflowAction.Withdraw, As(Actor.ContributorOfTheState), ContextOf(Context.Member), withdrawnAt, Reason);

        Assert.Equal(EntryStatus.Withdrawn, item.Status);
        Assert.Equal(withdrawnAt, item.WithdrawnAt);
        Assert.Equal(Later, item.PublishedAt);
        Assert.Equal("No longer needed.", withdrawn.Reason);
        Assert.Equal(new[] { submitted, approved, withdrawn }, item.Events);
    }

    [Fact]
    public void APartnersItem_IsPublishedWhenTheModeratorPublishes_AndAReturnedOneStartsAgainAsADraft()
    {
        var item = StatesItemIn(CapacitySide.Offer, EntryStatus.AwaitingModeration, Actor.ContributorOfTheState);
        Assert.Null(item.PublishedAt);

        var returned = item.Apply(WorkflowAction.Return, As(Actor.Moderator), ContextOf(Context.Partner), Now, "Name the trainers.");
        Assert.Equal(EntryStatus.Draft, item.Status);
        Assert.Equal("Name the trainers.", returned.Reason);
        item.Edit(Content(CapacitySide.Offer) with { Title = "Trainers named" }, As(Actor.ContributorOfTheState), Now);

        item.Apply(WorkflowAction.Submit, As(Actor.ContributorOfTheState), ContextOf(Context.Partner), Now);
        item.Apply(WorkflowAction.Approve, As(Actor.ApproverOfTheState), ContextOf(Context.Partner), Now);
        item.Apply(WorkflowAction.Publish, As(Actor.Moderator), ContextOf(Context.Partner), Later);

        Assert.Equal(EntryStatus.Published, item.Status);
        Assert.Equal(Later, item.PublishedAt);
        Assert.Null(item.WithdrawnAt);
    }

    [Fact]
    public void AnOrganisationsOffer_GoesFromDraftToModeration_AndIsPublishedByAModerator()
    {
        var offer = OrganisationsOfferIn(EntryStatus.Draft);
        offer.Apply(WorkflowAction.Submit, As(Actor.ContactOfTheOrganisation), ContextOf(Context.Member), Now);
        Assert.Equal(EntryStatus.AwaitingModeration, offer.Status);

        offer.Apply(WorkflowAction.Publish, As(Actor.Moderator), ContextOf(Context.Member), Later);
        Assert.Equal(EntryStatus.Published, offer.Status);
        Assert.Equal(Later, offer.PublishedAt);
        Assert.True(offer.IsOrganisations);
    }

    [Fact]
    public void AwaitsApprovalBy_TheStatesApprovers_OrAModeratorWhereTheStateHasASinglePointOfContact()
    {
        var item = StatesItemIn(CapacitySide.Need, EntryStatus.Submitted, Actor.ContributorOfTheState);
        Assert.True(CapacityWorkflow.AwaitsApprovalBy(item, As(Actor.ApproverOfTheState), stateHasSinglePointOfContact: false));
        Assert.False(CapacityWorkflow.AwaitsApprovalBy(item, As(Actor.ApproverOfAnotherState), stateHasSinglePointOfContact: false));
        Assert.False(CapacityWorkflow.AwaitsApprovalBy(item, As(Actor.ContributorOfTheState), stateHasSinglePointOfContact: false));
        Assert.False(CapacityWorkflow.AwaitsApprovalBy(item, As(Actor.Moderator), stateHasSinglePointOfContact: false));
        Assert.True(CapacityWorkflow.AwaitsApprovalBy(item, As(Actor.Moderator), stateHasSinglePointOfContact: true));
        Assert.False(CapacityWorkflow.AwaitsApprovalBy(Drafted(CapacitySide.Need, Actor.ContributorOfTheState), As(Actor.ApproverOfTheState), stateHasSinglePointOfContact: true));
        Assert.False(CapacityWorkflow.AwaitsApprovalBy(OrganisationsOfferIn(EntryStatus.AwaitingModeration), As(Actor.Moderator), stateHasSinglePointOfContact: true));
    }

    public static TheoryData<EntryStatus, Actor> EveryStatusAndActor()
    {
        var data = new TheoryData<EntryStatus, Actor>();
        foreach (var status in Enum.GetValues<EntryStatus>())
        {
            foreach (var actor in Enum.GetValues<Actor>())
            {
                data.Add(status, actor);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryStatusAndActor))]
    public void Edit_OnlyInDraft_AndOnlyByTheOwner(EntryStatus status, Actor actor)
    {
        AssertEdit(StatesItemIn(CapacitySide.Need, status, Actor.ContributorOfTheState), CapacitySide.Need, status, actor, OwnersOfTheState.Contains(actor));
        AssertEdit(StatesItemIn(CapacitySide.Offer, status, Actor.ContributorOfTheState), CapacitySide.Offer, status, actor, OwnersOfTheState.Contains(actor));
        if (status != EntryStatus.Submitted)
        {
            AssertEdit(OrganisationsOfferIn(status), CapacitySide.Offer, status, actor, actor == Actor.ContactOfTheOrganisation);
        }
    }

    [Fact]
    public void Draft_RefusesANeedOwnedByAnOrganisation()
    {
        var error = Assert.Throws<DomainException>(() =>
            CapacityItem.Draft(CapacitySide.Need, null, Organisation, Content(CapacitySide.Need), As(Actor.ContactOfTheOrganisation), Now));
        Assert.Equal(DomainMessages.CapacityNeedIsAStates, error.Message);
    }

    [Theory]
    [InlineData(CapacitySide.Need)]
    [InlineData(CapacitySide.Offer)]
    public void Draft_RefusesBothOwnersAndNeither(CapacitySide side)
    {
        var both = Assert.Throws<DomainException>(() =>
            CapacityItem.Draft(side, "KEN", Organisation, Content(side), As(Actor.ContributorOfTheState), Now));
        var neither = Assert.Throws<DomainException>(() =>
            CapacityItem.Draft(side, null, null, Content(side), As(Actor.ContributorOfTheState), Now));
        Assert.Equal(DomainMessages.CapacityOwnerRequired, both.Message);
        Assert.Equal(DomainMessages.CapacityOwnerRequired, neither.Message);
    }

    [Theory]
    [InlineData(CapacitySide.Need, Actor.ContributorOfTheState, true)]
    [InlineData(CapacitySide.Need, Actor.ApproverOfTheState, true)]
    [InlineData(CapacitySide.Need, Actor.ContributorOfAnotherState, false)]
    [InlineData(CapacitySide.Need, Actor.ApproverOfAnotherState, false)]
    [InlineData(CapacitySide.Need, Actor.ContactOfTheOrganisation, false)]
    [InlineData(CapacitySide.Need, Actor.Moderator, false)]
    [InlineData(CapacitySide.Need, Actor.Nobody, false)]
    [InlineData(CapacitySide.Offer, Actor.ContributorOfTheState, true)]
    [InlineData(CapacitySide.Offer, Actor.ContributorOfAnotherState, false)]
    [InlineData(CapacitySide.Offer, Actor.ContactOfTheOrganisation, false)]
    [InlineData(CapacitySide.Offer, Actor.Moderator, false)]
    public void Draft_ForAState_OnlyByItsPointsOfContact(CapacitySide side, Actor actor, bool allowed)
    {
        if (allowed)
        {
            var item = CapacityItem.Draft(side, "KEN", null, Content(side), As(actor), Now);
            Assert.Equal(EntryStatus.Draft, item.Status);
            Assert.Equal("KEN", item.StateIso3);
            Assert.Null(item.OrganisationId);
            Assert.Equal(As(actor).UserId, item.LastSavedByUserId);
            Assert.Empty(item.Events);
        }
        else
        {
            var error = Assert.Throws<DomainException>(() => CapacityItem.Draft(side, "KEN", null, Content(side), As(actor), Now));
            Assert.Equal(DomainMessages.CapacityNotAPointOfContact, error.Message);
        }
    }

    [Theory]
    [InlineData(Actor.ContactOfTheOrganisation, true)]
    [InlineData(Actor.ContactOfAnotherOrganisation, false)]
    [InlineData(Actor.ContributorOfTheState, false)]
    [InlineData(Actor.ApproverOfTheState, false)]
    [InlineData(Actor.Moderator, false)]
    [InlineData(Actor.Nobody, false)]
    public void Draft_ForAnOrganisation_OnlyByItsContacts(Actor actor, bool allowed)
    {
        if (allowed)
        {
            var item = CapacityItem.Draft(CapacitySide.Offer, null, Organisation, Content(CapacitySide.Offer), As(actor), Now);
            Assert.Equal(Organisation, item.OrganisationId);
            Assert.Null(item.StateIso3);
        }
        else
        {
            var error = Assert.Throws<DomainException>(() =>
                CapacityItem.Draft(CapacitySide.Offer, null, Organisation, Content(CapacitySide.Offer), As(actor), Now));
            Assert.Equal(DomainMessages.CapacityNotAPointOfContact, error.Message);
        }
    }

    [Fact]
    public void Draft_KeepsWhereANeedCameFrom()
    {
        var item = CapacityItem.Draft(CapacitySide.Need, "KEN", null, Content(CapacitySide.Need), As(Actor.ContributorOfTheState), Now, new CapacitySource(42, "norm-3-action-2"));
        Assert.Equal(42, item.SourceReportId);
        Assert.Equal("norm-3-action-2", item.SourceActionKey);
        Assert.Equal(Now, item.CreatedAt);
    }

    public static TheoryData<CapacitySide, string, string> InvalidContent()
    {
        var data = new TheoryData<CapacitySide, string, string>();
        foreach (var side in Enum.GetValues<CapacitySide>())
        {
            foreach (var invalid in new[] { "empty title", "blank title", "no norm", "norm 0", "norm 12", "no kind", "no language" })
            {
                data.Add(side, invalid, MessageFor(invalid));
            }
        }

        data.Add(CapacitySide.Offer, "no region", DomainMessages.CapacityRegionRequired);
        data.Add(CapacitySide.Offer, "period backwards", DomainMessages.CapacityPeriodBackwards);
        return data;
    }

    [Theory]
    [MemberData(nameof(InvalidContent))]
    public void InvalidContent_IsRefusedWithItsMessage_OnDraftAndOnEdit(CapacitySide side, string invalid, string message)
    {
        var content = Invalid(Content(side), invalid);

        var onDraft = Assert.Throws<DomainException>(() => CapacityItem.Draft(side, "KEN", null, content, As(Actor.ContributorOfTheState), Now));
        Assert.Equal(message, onDraft.Message);

        var item = Drafted(side, Actor.ContributorOfTheState);
        var onEdit = Assert.Throws<DomainException>(() => item.Edit(content, As(Actor.ApproverOfTheState), Later));
        Assert.Equal(message, onEdit.Message);
        Assert.Equal(Content(side).Title, item.Title);
        Assert.Equal("kenya-1", item.LastSavedByUserId);
        Assert.Equal(Now, item.UpdatedAt);
    }

    [Fact]
    public void ANeedWithoutRegions_IsValid_ItsRegionIsItsStates()
    {
        var item = CapacityItem.Draft(CapacitySide.Need, "KEN", null, Content(CapacitySide.Need) with { Regions = [] }, As(Actor.ContributorOfTheState), Now);
        Assert.Empty(item.Regions);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(11)]
    public void TheFirstAndLastNorms_AreValid(int norm)
    {
        var item = CapacityItem.Draft(CapacitySide.Need, "KEN", null, Content(CapacitySide.Need) with { Norms = [norm] }, As(Actor.ContributorOfTheState), Now);
        Assert.Equal(new[] { norm }, item.Norms);
    }

    [Fact]
    public void APeriodOfOneDay_IsValid()
    {
        var day = new DateOnly(2027, 3, 1);
        var item = CapacityItem.Draft(CapacitySide.Offer, "KEN", null, Content(CapacitySide.Offer) with { AvailableFrom = day, AvailableUntil = day }, As(Actor.ContributorOfTheState), Now);
        Assert.Equal(day, item.AvailableFrom);
        Assert.Equal(day, item.AvailableUntil);
    }

    [Fact]
    public void ContentIsTidied_ANeedKeepsItsTiming_AnOfferItsRegionsAndPeriod()
    {
        var messy = new CapacityContent(
            "  Incident response training  ",
            "  Two weeks for our CERT.  ",
            [10, 3, 10],
            ["b", " ", "a", "b"],
            [PracticeCategory.Awareness, PracticeCategory.CapacityBuilding, PracticeCategory.Awareness],
            [KindOfHelp.Mentoring, KindOfHelp.Training, KindOfHelp.Mentoring],
            ["fr", "en", "fr"],
            [RegionalGroup.WesternEuropeanAndOthers, RegionalGroup.African, RegionalGroup.African],
            "  First half of 2027  ",
            new DateOnly(2027, 1, 1),
            new DateOnly(2027, 6, 30),
            TlpLabel.Green);

        var need = CapacityItem.Draft(CapacitySide.Need, "KEN", null, messy, As(Actor.ContributorOfTheState), Now);
        Assert.Equal("Incident response training", need.Title);
        Assert.Equal("Two weeks for our CERT.", need.Description);
        Assert.Equal(new[] { 3, 10 }, need.Norms);
        Assert.Equal(new[] { "a", "b" }, need.ActionKeys);
        Assert.Equal(new[] { PracticeCategory.CapacityBuilding, PracticeCategory.Awareness }, need.Categories);
        Assert.Equal(new[] { KindOfHelp.Training, KindOfHelp.Mentoring }, need.Kinds);
        Assert.Equal(new[] { "en", "fr" }, need.Languages);
        Assert.Empty(need.Regions);
        Assert.Equal("First half of 2027", need.Timing);
        Assert.Null(need.AvailableFrom);
        Assert.Null(need.AvailableUntil);
        Assert.Equal(TlpLabel.Green, need.Visibility);

        var offer = CapacityItem.Draft(CapacitySide.Offer, "KEN", null, messy, As(Actor.ContributorOfTheState), Now);
        Assert.Equal(new[] { RegionalGroup.African, RegionalGroup.WesternEuropeanAndOthers }, offer.Regions);
        Assert.Null(offer.Timing);
        Assert.Equal(new DateOnly(2027, 1, 1), offer.AvailableFrom);
        Assert.Equal(new DateOnly(2027, 6, 30), offer.AvailableUntil);
    }

    [Fact]
    public void IsOwnedBy_TheStatesPointsOfContact_OrTheOrganisationsContacts()
    {
        var need = Drafted(CapacitySide.Need, Actor.ContributorOfTheState);
        var offer = OrganisationsOfferIn(EntryStatus.Draft);
        foreach (var actor in Enum.GetValues<Actor>())
        {
            Assert.Equal(OwnersOfTheState.Contains(actor), need.IsOwnedBy(As(actor)));
            Assert.Equal(actor == Actor.ContactOfTheOrganisation, offer.IsOwnedBy(As(actor)));
        }
    }

    [Fact]
    public void MarkMatched_KeepsTheFirstIntroduction()
    {
        var item = StatesItemIn(CapacitySide.Need, EntryStatus.Published, Actor.ContributorOfTheState);
        Assert.Null(item.MatchedAt);
        item.MarkMatched(Now);
        item.MarkMatched(Later);
        Assert.Equal(Now, item.MatchedAt);
    }

    private static void AssertStep(CapacityItem item, EntryStatus status, WorkflowAction action, Actor actor, Context context, EntryStatus? expected)
    {
        Assert.Equal(status, item.Status);
        var eventsBefore = item.Events.Count;
        var publishedAt = item.PublishedAt;
        var decision = CapacityWorkflow.Decide(item, action, As(actor), ContextOf(context), Reason);

        Assert.Equal(expected is not null, decision.IsAllowed);
        Assert.Equal(expected, decision.To);
        Assert.Equal(expected, CapacityWorkflow.StepsFor(item, As(actor), ContextOf(context)).SingleOrDefault(s => s.Action == action)?.To);
        if (expected is { } to)
        {
            var step = item.Apply(action, As(actor), ContextOf(context), Later, Reason);
            Assert.Equal(to, item.Status);
            Assert.Equal(eventsBefore + 1, item.Events.Count);
            Assert.Same(step, item.Events[^1]);
            Assert.Equal((action, status, to, As(actor).UserId, Later), (step.Action, step.FromStatus, step.ToStatus, step.ActorUserId, step.At));
            Assert.Equal(to == EntryStatus.Published ? Later : publishedAt, item.PublishedAt);
            Assert.Equal(to == EntryStatus.Withdrawn ? Later : null, item.WithdrawnAt);
        }
        else
        {
            Assert.False(string.IsNullOrWhiteSpace(decision.Why));
            Assert.NotNull(decision.Refusal);
            var error = Assert.Throws<DomainException>(() => item.Apply(action, As(actor), ContextOf(context), Later, Reason));
            Assert.Equal(decision.Why, error.Message);
            Assert.Equal(status, item.Status);
            Assert.Equal(eventsBefore, item.Events.Count);
            Assert.Equal(publishedAt, item.PublishedAt);
        }
    }

    private static void AssertEdit(CapacityItem item, CapacitySide side, EntryStatus status, Actor actor, bool owner)
    {
        var edited = Content(side) with { Title = "Edited title" };
        if (owner && status == EntryStatus.Draft)
        {
            item.Edit(edited, As(actor), Later);
            Assert.Equal("Edited title", item.Title);
            Assert.Equal(As(actor).UserId, item.LastSavedByUserId);
            Assert.Equal(As(actor).DisplayName, item.LastSavedByName);
            Assert.Equal(Later, item.UpdatedAt);
            return;
        }

        var title = item.Title;
        var savedBy = item.LastSavedByUserId;
        var error = Assert.Throws<DomainException>(() => item.Edit(edited, As(actor), Later));
        Assert.Equal(owner ? DomainMessages.CapacityEditOnlyDraft : DomainMessages.CapacityNotAPointOfContact, error.Message);
        Assert.Equal(title, item.Title);
        Assert.Equal(savedBy, item.LastSavedByUserId);
        Assert.Equal(status, item.Status);
    }

    private static WorkflowContext ContextOf(Context context) => context switch
    {
        Context.Member => new(StateIsInitiativeMember: true, StateHasSinglePointOfContact: false),
        Context.Partner => new(StateIsInitiativeMember: false, StateHasSinglePointOfContact: false),
        Context.SinglePointOfContact => new(StateIsInitiativeMember: false, StateHasSinglePointOfContact: true),
    };

    private static WorkflowActor As(Actor actor) => actor switch
    {
        Actor.ContributorOfTheState => new("kenya-1", "Wanjiru", WorkflowRoles.Contributor, "KEN"),
        Actor.ApproverOfTheState => new("kenya-approver", "Kamau", WorkflowRoles.Approver, "KEN"),
        Actor.ApproverWhoSavedLast => new("kenya-approver-2", "Achieng", WorkflowRoles.Approver, "KEN"),
        Actor.ContributorOfAnotherState => new("france-1", "Camille", WorkflowRoles.Contributor, "FRA"),
        Actor.ApproverOfAnotherState => new("france-approver", "Claire", WorkflowRoles.Approver, "FRA"),
        Actor.ContactOfTheOrganisation => new("org-1", "Ada", WorkflowRoles.OrganisationContact, null, OrganisationId: Organisation),
        Actor.ContactOfAnotherOrganisation => new("org-2", "Grace", WorkflowRoles.OrganisationContact, null, OrganisationId: AnotherOrganisation),
        Actor.Moderator => new("moderator", "Secretariat", WorkflowRoles.Moderator, null),
        Actor.Nobody => new("nobody", "Visitor", WorkflowRoles.None, null),
    };

    private static string MessageFor(string invalid) => invalid switch
    {
        "empty title" or "blank title" => DomainMessages.CapacityTitleRequired,
        "no norm" or "norm 0" or "norm 12" => DomainMessages.CapacityNormRequired,
        "no kind" => DomainMessages.CapacityKindRequired,
        "no language" => DomainMessages.CapacityLanguageRequired,
        "period backwards" => DomainMessages.CapacityPeriodBackwards,
        _ => throw new ArgumentOutOfRangeException(nameof(invalid)),
    };

    private static CapacityContent Invalid(CapacityContent content, string invalid) => invalid switch
    {
        "empty title" => content with { Title = "" },
        "blank title" => content with { Title = "   " },
        "no norm" => content with { Norms = [] },
        "norm 0" => content with { Norms = [3, 0] },
        "norm 12" => content with { Norms = [12] },
        "no kind" => content with { Kinds = [] },
        "no language" => content with { Languages = [] },
        "no region" => content with { Regions = [] },
        "period backwards" => content with { AvailableFrom = new DateOnly(2027, 6, 1), AvailableUntil = new DateOnly(2027, 5, 31) },
        _ => throw new ArgumentOutOfRangeException(nameof(invalid)),
    };

    internal static CapacityContent Content(CapacitySide side) => new(
        side == CapacitySide.Need ? "Incident response training" : "CERT mentoring",
        "Two weeks on site.",
        [3, 10],
        [],
        [PracticeCategory.InstitutionsAndCerts],
        [KindOfHelp.Training],
        ["en"],
        side == CapacitySide.Offer ? [RegionalGroup.African] : [],
        side == CapacitySide.Need ? "2027" : null,
        null,
        null,
        TlpLabel.Clear);

    private static CapacityItem Drafted(CapacitySide side, Actor savedBy) =>
        CapacityItem.Draft(side, "KEN", null, Content(side), As(savedBy), Now);

    /// <summary>A State's item brought to <paramref name="status"/> through the workflow's own steps.</summary>
    private static CapacityItem StatesItemIn(CapacitySide side, EntryStatus status, Actor savedBy)
    {
        var item = Drafted(side, savedBy);
        if (status == EntryStatus.Draft)
        {
            return item;
        }

        item.Apply(WorkflowAction.Submit, As(savedBy), ContextOf(Context.Partner), Now);
        if (status == EntryStatus.Submitted)
        {
            return item;
        }

        var approver = As(savedBy == Actor.ApproverOfTheState ? Actor.ApproverWhoSavedLast : Actor.ApproverOfTheState);
        if (status == EntryStatus.AwaitingModeration)
        {
            item.Apply(WorkflowAction.Approve, approver, ContextOf(Context.Partner), Now);
            return item;
        }

        item.Apply(WorkflowAction.Approve, approver, ContextOf(Context.Member), Now);
        if (status == EntryStatus.Withdrawn)
        {
            item.Apply(WorkflowAction.Withdraw, As(Actor.Moderator), ContextOf(Context.Member), Now, "Posted twice.");
        }

        return item;
    }

    /// <summary>An organisation's offer brought to <paramref name="status"/> through the workflow's own steps.</summary>
    private static CapacityItem OrganisationsOfferIn(EntryStatus status)
    {
        var offer = CapacityItem.Draft(CapacitySide.Offer, null, Organisation, Content(CapacitySide.Offer), As(Actor.ContactOfTheOrganisation), Now);
        if (status == EntryStatus.Draft)
        {
            return offer;
        }

        offer.Apply(WorkflowAction.Submit, As(Actor.ContactOfTheOrganisation), ContextOf(Context.Partner), Now);
        if (status == EntryStatus.AwaitingModeration)
        {
            return offer;
        }

        Assert.NotEqual(EntryStatus.Submitted, status);
        offer.Apply(WorkflowAction.Publish, As(Actor.Moderator), ContextOf(Context.Partner), Now);
        if (status == EntryStatus.Withdrawn)
        {
            offer.Apply(WorkflowAction.Withdraw, As(Actor.Moderator), ContextOf(Context.Partner), Now, "Posted twice.");
        }

        return offer;
    }
}

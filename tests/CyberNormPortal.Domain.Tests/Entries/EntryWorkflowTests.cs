using CyberNormPortal.Domain.Common;
using CyberNormPortal.Domain.Entries;

namespace CyberNormPortal.Domain.Tests.Entries;

public sealed class EntryWorkflowTests
{
    public enum Actor
    {
        AuthoringContributor,
        ApproverOfTheState,
        ContributorOfAnotherState,
        ApproverOfAnotherState,
        Moderator,
        Analyst,
        AuthoringCoordinator,
        SecondCoordinatorOfTheGroup,
        CoordinatorOfAnotherGroup,
    }

    private const int G7 = 7;
    private const int AnotherGroup = 8;

    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private static readonly WorkflowContext Partner = new(StateIsInitiativeMember: false, StateHasSinglePointOfContact: false);
    private static readonly WorkflowContext Member = new(StateIsInitiativeMember: true, StateHasSinglePointOfContact: false);

    /// <summary>The only (status, action, actor) steps the portal allows; every other combination is refused.</summary>
    private static readonly HashSet<(EntryStatus, WorkflowAction, Actor)> AllowedSteps =
    [
        (EntryStatus.Draft, WorkflowAction.Submit, Actor.AuthoringContributor),
        (EntryStatus.Draft, WorkflowAction.Submit, Actor.ApproverOfTheState),
        (EntryStatus.Submitted, WorkflowAction.Approve, Actor.ApproverOfTheState),
        (EntryStatus.Submitted, WorkflowAction.Return, Actor.ApproverOfTheState),
        (EntryStatus.AwaitingModeration, WorkflowAction.Publish, Actor.Moderator),
        (EntryStatus.AwaitingModeration, WorkflowAction.Return, Actor.Moderator),
        (EntryStatus.Published, WorkflowAction.Withdraw, Actor.Moderator),
    ];

    /// <summary>
    /// The steps allowed while a new revision of a published entry is in progress (the status is the new revision's):
    /// the same as for a first revision, and a moderator may withdraw the published one at every stage.
    /// </summary>
    private static readonly HashSet<(EntryStatus, WorkflowAction, Actor)> AllowedStepsBehindAPublishedRevision =
    [
        (EntryStatus.Draft, WorkflowAction.Submit, Actor.AuthoringContributor),
        (EntryStatus.Draft, WorkflowAction.Submit, Actor.ApproverOfTheState),
        (EntryStatus.Draft, WorkflowAction.Withdraw, Actor.Moderator),
        (EntryStatus.Submitted, WorkflowAction.Approve, Actor.ApproverOfTheState),
        (EntryStatus.Submitted, WorkflowAction.Return, Actor.ApproverOfTheState),
        (EntryStatus.Submitted, WorkflowAction.Withdraw, Actor.Moderator),
        (EntryStatus.AwaitingModeration, WorkflowAction.Publish, Actor.Moderator),
        (EntryStatus.AwaitingModeration, WorkflowAction.Return, Actor.Moderator),
        (EntryStatus.AwaitingModeration, WorkflowAction.Withdraw, Actor.Moderator),
    ];

    public static TheoryData<EntryStatus, WorkflowAction, Actor> EveryCombinationBehindAPublishedRevision()
    {
        var data = new TheoryData<EntryStatus, WorkflowAction, Actor>();
        foreach (var status in new[] { EntryStatus.Draft, EntryStatus.Submitted, EntryStatus.AwaitingModeration })
        {
            foreach (var action in Enum.GetValues<WorkflowAction>())
            {
                foreach (var actor in Enum.GetValues<Actor>())
                {
                    data.Add(status, action, actor);
                }
            }
        }

        return data;
    }

    /// <summary>
    /// The same for a joint entry of a group (the G7): its coordinators draft and submit it; another coordinator or a
    /// moderator approves (never the coordinator who saved the revision); the rest is the moderators', as for a State.
    /// </summary>
    private static readonly HashSet<(EntryStatus, WorkflowAction, Actor)> AllowedJointSteps =
    [
        (EntryStatus.Draft, WorkflowAction.Submit, Actor.AuthoringCoordinator),
        (EntryStatus.Draft, WorkflowAction.Submit, Actor.SecondCoordinatorOfTheGroup),
        (EntryStatus.Submitted, WorkflowAction.Approve, Actor.SecondCoordinatorOfTheGroup),
        (EntryStatus.Submitted, WorkflowAction.Approve, Actor.Moderator),
        (EntryStatus.Submitted, WorkflowAction.Return, Actor.AuthoringCoordinator),
        (EntryStatus.Submitted, WorkflowAction.Return, Actor.SecondCoordinatorOfTheGroup),
        (EntryStatus.Submitted, WorkflowAction.Return, Actor.Moderator),
        (EntryStatus.AwaitingModeration, WorkflowAction.Publish, Actor.Moderator),
        (EntryStatus.AwaitingModeration, WorkflowAction.Return, Actor.Moderator),
        (EntryStatus.Published, WorkflowAction.Withdraw, Actor.Moderator),
    ];

    public static TheoryData<EntryStatus, WorkflowAction, Actor> EveryCombination()
    {
        var data = new TheoryData<EntryStatus, WorkflowAction, Actor>();
        foreach (var status in Enum.GetValues<EntryStatus>())
        {
            foreach (var action in Enum.GetValues<WorkflowAction>())
            {
                foreach (var actor in Enum.GetValues<Actor>())
                {
                    data.Add(status, action, actor);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryCombination))]
    public void Step_IsAllowedExactlyWhenTheRulesSaySo_AndARefusalChangesNothing(EntryStatus status, WorkflowAction action, Actor actor)
    {
        var entry = EntryIn(status);
        var eventsBefore = entry.ReviewEvents.Count;
        var allowed = AllowedSteps.Contains((status, action, actor));

        var decision = EntryWorkflow.Decide(entry, action, As(actor), Partner, "Please cite the law.");

        Assert.Equal(allowed, decision.IsAllowed);
        if (allowed)
        {
            entry.Apply(action, As(actor), Partner, Now, "Please cite the law.");
            Assert.Equal(decision.To, entry.Status);
            Assert.Equal(eventsBefore + 1, entry.ReviewEvents.Count);
        }
        else
        {
            var error = Assert.Throws<DomainException>(() => entry.Apply(action, As(actor), Partner, Now, "Please cite the law."));
            Assert.False(string.IsNullOrWhiteSpace(error.Message));
            Assert.Equal(status, entry.Status);
            Assert.Equal(eventsBefore, entry.ReviewEvents.Count);
        }
    }

    [Theory]
    [MemberData(nameof(EveryCombinationBehindAPublishedRevision))]
    public void StepBehindAPublishedRevision_IsAllowedExactlyWhenTheRulesSaySo_AndARefusalChangesNothing(
        EntryStatus status, WorkflowAction action, Actor actor)
    {
        var entry = EntryWithNewRevisionIn(status);
        var allowed = AllowedStepsBehindAPublishedRevision.Contains((status, action, actor));

        var decision = EntryWorkflow.Decide(entry, action, As(actor), Partner, "Please cite the law.");

        Assert.Equal(allowed, decision.IsAllowed);
        if (allowed)
        {
            entry.Apply(action, As(actor), Partner, Now, "Please cite the law.");
            Assert.Equal(decision.To, entry.Status);
        }
        else
        {
            Assert.Throws<DomainException>(() => entry.Apply(action, As(actor), Partner, Now, "Please cite the law."));
            Assert.Equal(status, entry.Status);
            Assert.Equal(1, entry.PublishedRevisionNumber);
        }
    }

    [Theory]
    [MemberData(nameof(EveryCombination))]
    public void StepsFor_ListsExactlyTheStepsDecideAllows_AndWhichNeedAReason(EntryStatus status, WorkflowAction action, Actor actor)
    {
        foreach (var entry in status is EntryStatus.Published or EntryStatus.Withdrawn ? [EntryIn(status)] : new[] { EntryIn(status), EntryWithNewRevisionIn(status) })
        {
            var step = EntryWorkflow.StepsFor(entry, As(actor), Partner).SingleOrDefault(s => s.Action == action);
            var withReason = EntryWorkflow.Decide(entry, action, As(actor), Partner, "Please cite the law.");
            var withoutReason = EntryWorkflow.Decide(entry, action, As(actor), Partner);

            Assert.Equal(withReason.IsAllowed, step is not null);
            if (step is not null)
            {
                Assert.Equal(withReason.To, step.To);
                Assert.Equal(!withoutReason.IsAllowed, step.NeedsReason);
                Assert.Equal(step.NeedsReason ? WorkflowRefusal.ReasonRequired : null, withoutReason.Refusal);
            }
            else
            {
                Assert.NotNull(withReason.Refusal);
            }
        }
    }

    [Fact]
    public void Refusals_SayWhyAsACode()
    {
        var draft = EntryIn(EntryStatus.Draft);
        var submittedByApprover = Entry.CreateDraft(3, 1, "KEN", Content("v1"), As(Actor.ApproverOfTheState), Now);
        submittedByApprover.Apply(WorkflowAction.Submit, As(Actor.ApproverOfTheState), Partner, Now);

        Assert.Equal(WorkflowRefusal.NotInThisStatus, EntryWorkflow.Decide(draft, WorkflowAction.Publish, As(Actor.Moderator), Partner).Refusal);
        Assert.Equal(WorkflowRefusal.NotAPointOfContact, EntryWorkflow.Decide(draft, WorkflowAction.Submit, As(Actor.ContributorOfAnotherState), Partner).Refusal);
        Assert.Equal(WorkflowRefusal.NothingPublished, EntryWorkflow.Decide(draft, WorkflowAction.Withdraw, As(Actor.Moderator), Partner, "Why").Refusal);
        Assert.Equal(WorkflowRefusal.NotAReviewer, EntryWorkflow.Decide(EntryIn(EntryStatus.Submitted), WorkflowAction.Approve, As(Actor.ApproverOfAnotherState), Partner).Refusal);
        Assert.Equal(WorkflowRefusal.FourEyes, EntryWorkflow.Decide(submittedByApprover, WorkflowAction.Approve, As(Actor.ApproverOfTheState), Partner).Refusal);
        Assert.Equal(WorkflowRefusal.NotAModerator, EntryWorkflow.Decide(EntryIn(EntryStatus.Published), WorkflowAction.Withdraw, As(Actor.ApproverOfTheState), Partner, "Why").Refusal);
        Assert.Equal(WorkflowRefusal.ReasonRequired, EntryWorkflow.Decide(EntryIn(EntryStatus.Published), WorkflowAction.Withdraw, As(Actor.Moderator), Partner, " ").Refusal);
    }

    [Fact]
    public void Withdraw_WhileANewRevisionIsInProgress_TakesThePublishedRevisionAway_AndTheDraftGoesOnToPublication()
    {
        var entry = EntryIn(EntryStatus.Published);
        entry.Edit(Content("v2", TlpLabel.Green), As(Actor.AuthoringContributor), Now);

        entry.Apply(WorkflowAction.Withdraw, As(Actor.Moderator), Partner, Now, "The published text names the wrong agency.");

        Assert.Equal(EntryStatus.Draft, entry.Status);
        Assert.False(entry.IsPublic);
        Assert.Null(entry.PublishedRevisionNumber);
        Assert.Equal(TlpLabel.Green, entry.Visibility);
        Assert.Equal(2, entry.Revisions.Count);
        var withdrawal = entry.ReviewEvents.Last();
        Assert.Equal((WorkflowAction.Withdraw, EntryStatus.Draft, EntryStatus.Draft, 2, "The published text names the wrong agency."),
            (withdrawal.Action, withdrawal.FromStatus, withdrawal.ToStatus, withdrawal.RevisionNumber, withdrawal.Reason));
        Assert.False(EntryWorkflow.Decide(entry, WorkflowAction.Withdraw, As(Actor.Moderator), Partner, "Again").IsAllowed);

        // The draft is still the authors' to edit and to take through review again.
        entry.Edit(Content("v3", TlpLabel.Clear), As(Actor.AuthoringContributor), Now);
        entry.Apply(WorkflowAction.Submit, As(Actor.AuthoringContributor), Partner, Now);
        entry.Apply(WorkflowAction.Approve, As(Actor.ApproverOfTheState), Partner, Now);
        entry.Apply(WorkflowAction.Publish, As(Actor.Moderator), Partner, Now);
        Assert.Equal(3, entry.PublishedRevisionNumber);
        Assert.Equal(TlpLabel.Clear, entry.Visibility);
    }

    [Theory]
    [InlineData(EntryStatus.Submitted)]
    [InlineData(EntryStatus.AwaitingModeration)]
    public void Withdraw_WhileANewRevisionIsInReview_LeavesItInReview(EntryStatus status)
    {
        var entry = EntryWithNewRevisionIn(status);

        entry.Apply(WorkflowAction.Withdraw, As(Actor.Moderator), Partner, Now, "Superseded.");

        Assert.Equal(status, entry.Status);
        Assert.False(entry.IsPublic);
    }

    [Fact]
    public void AwaitsReviewBy_IsTheRuleApproveAndReturnUse()
    {
        var rule = EntryWorkflow.AwaitsReviewBy.Compile();
        var single = Partner with { StateHasSinglePointOfContact = true };
        foreach (var status in Enum.GetValues<EntryStatus>())
        {
            foreach (var actor in Enum.GetValues<Actor>())
            {
                foreach (var context in new[] { Partner, single })
                {
                    var entry = EntryIn(status);
                    var mayReturn = EntryWorkflow.Decide(entry, WorkflowAction.Return, As(actor), context, "Why").IsAllowed;
                    Assert.Equal(status == EntryStatus.Submitted && mayReturn, rule(entry, As(actor), context.StateHasSinglePointOfContact));
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(EveryCombination))]
    public void JointStep_IsAllowedExactlyWhenTheRulesSaySo_AndARefusalChangesNothing(EntryStatus status, WorkflowAction action, Actor actor)
    {
        var entry = JointEntryIn(status);
        var eventsBefore = entry.ReviewEvents.Count;
        var allowed = AllowedJointSteps.Contains((status, action, actor));

        var decision = EntryWorkflow.Decide(entry, action, As(actor), Partner, "Please cite the communiqué.");

        Assert.Equal(allowed, decision.IsAllowed);
        if (allowed)
        {
            entry.Apply(action, As(actor), Partner, Now, "Please cite the communiqué.");
            Assert.Equal(decision.To, entry.Status);
            Assert.Equal(eventsBefore + 1, entry.ReviewEvents.Count);
        }
        else
        {
            var error = Assert.Throws<DomainException>(() => entry.Apply(action, As(actor), Partner, Now, "Please cite the communiqué."));
            Assert.False(string.IsNullOrWhiteSpace(error.Message));
            Assert.Equal(status, entry.Status);
            Assert.Equal(eventsBefore, entry.ReviewEvents.Count);
        }
    }

    [Theory]
    [InlineData(Actor.SecondCoordinatorOfTheGroup)]
    [InlineData(Actor.Moderator)]
    public void JointApprove_WhenEveryStateOfTheGroupIsAMember_PublishesAtOnce(Actor approver)
    {
        var entry = JointEntryIn(EntryStatus.Submitted);

        entry.Apply(WorkflowAction.Approve, As(approver), Member, Now);

        Assert.Equal(EntryStatus.Published, entry.Status);
        Assert.Equal(1, entry.PublishedRevisionNumber);
        Assert.Null(entry.StateIso3);
        Assert.Equal(G7, entry.GroupId);
    }

    [Fact]
    public void JointApprove_WhenTheGroupHasAPartnerState_WaitsForModeration()
    {
        var entry = JointEntryIn(EntryStatus.Submitted);

        entry.Apply(WorkflowAction.Approve, As(Actor.SecondCoordinatorOfTheGroup), Partner, Now);

        Assert.Equal(EntryStatus.AwaitingModeration, entry.Status);
        Assert.False(entry.IsPublic);
    }

    [Fact]
    public void JointApprove_ByTheCoordinatorWhoEditedTheRevisionLast_IsRefused_FourEyes()
    {
        var entry = JointEntryIn(EntryStatus.Published);
        entry.Edit(Content("v2"), As(Actor.SecondCoordinatorOfTheGroup), Now);
        entry.Apply(WorkflowAction.Submit, As(Actor.SecondCoordinatorOfTheGroup), Member, Now);

        var error = Assert.Throws<DomainException>(() =>
            entry.Apply(WorkflowAction.Approve, As(Actor.SecondCoordinatorOfTheGroup), Member, Now));

        Assert.Contains("four eyes", error.Message, StringComparison.Ordinal);
        Assert.Equal((EntryStatus.Submitted, 1), (entry.Status, entry.PublishedRevisionNumber));
        entry.Apply(WorkflowAction.Approve, As(Actor.AuthoringCoordinator), Member, Now);
        Assert.Equal((EntryStatus.Published, 2), (entry.Status, entry.PublishedRevisionNumber));
    }

    [Theory]
    [InlineData(Actor.AuthoringContributor)]
    [InlineData(Actor.ContributorOfAnotherState)]
    [InlineData(Actor.ApproverOfAnotherState)]
    [InlineData(Actor.CoordinatorOfAnotherGroup)]
    [InlineData(Actor.Moderator)]
    [InlineData(Actor.Analyst)]
    public void DraftingOrEditing_AJointEntry_ByAnyoneButItsGroupsCoordinators_IsRefused(Actor actor)
    {
        Assert.Throws<DomainException>(() => Entry.CreateDraft(3, 1, EntryAuthor.JointGroup(G7), Content("v1"), As(actor), Now));
        var entry = JointEntryIn(EntryStatus.Draft);
        Assert.Throws<DomainException>(() => entry.Edit(Content("v2"), As(actor), Now));
        Assert.Single(entry.Revisions);
    }

    [Fact]
    public void Coordinators_DraftAndEditTheirGroupsJointEntry_ButNotAStatesEntry()
    {
        var entry = Entry.CreateDraft(3, 1, EntryAuthor.JointGroup(G7), Content("v1"), As(Actor.AuthoringCoordinator), Now);
        entry.Edit(Content("v2"), As(Actor.SecondCoordinatorOfTheGroup), Now);

        Assert.Equal((null, G7, 2), (entry.StateIso3, entry.GroupId, entry.LatestRevision!.Number));
        Assert.Equal("g7-coordinator-2", entry.LatestRevision.SavedByUserId);
        Assert.Throws<DomainException>(() => Entry.CreateDraft(3, 1, "KEN", Content("v1"), As(Actor.AuthoringCoordinator), Now));
    }

    [Fact]
    public void Approve_ForAMemberState_PublishesDirectly()
    {
        var entry = EntryIn(EntryStatus.Submitted);

        entry.Apply(WorkflowAction.Approve, As(Actor.ApproverOfTheState), Member, Now);

        Assert.Equal(EntryStatus.Published, entry.Status);
        Assert.Equal(1, entry.PublishedRevisionNumber);
        Assert.Equal(Now, entry.PublishedAt);
    }

    [Fact]
    public void Approve_ForAPartnerState_WaitsForModeration_AndIsNotYetPublic()
    {
        var entry = EntryIn(EntryStatus.Submitted);

        entry.Apply(WorkflowAction.Approve, As(Actor.ApproverOfTheState), Partner, Now);

        Assert.Equal(EntryStatus.AwaitingModeration, entry.Status);
        Assert.False(entry.IsPublic);
    }

    [Fact]
    public void Approve_ByTheApproverWhoEditedTheRevisionLast_IsRefused_FourEyes()
    {
        var entry = Entry.CreateDraft(3, 1, "KEN", Content("v1"), As(Actor.ApproverOfTheState), Now);
        entry.Apply(WorkflowAction.Submit, As(Actor.ApproverOfTheState), Partner, Now);

        var error = Assert.Throws<DomainException>(() =>
            entry.Apply(WorkflowAction.Approve, As(Actor.ApproverOfTheState), Partner, Now));

        Assert.Contains("four eyes", error.Message, StringComparison.Ordinal);
        var secondApprover = new WorkflowActor("approver-2", "Second approver", WorkflowRoles.Approver, "KEN");
        entry.Apply(WorkflowAction.Approve, secondApprover, Partner, Now);
        Assert.Equal(EntryStatus.AwaitingModeration, entry.Status);
    }

    [Fact]
    public void Moderator_MayApproveAndReturn_OnlyForAStateWithASinglePointOfContact()
    {
        var singleContact = Partner with { StateHasSinglePointOfContact = true };

        Assert.False(EntryWorkflow.Decide(EntryIn(EntryStatus.Submitted), WorkflowAction.Approve, As(Actor.Moderator), Partner).IsAllowed);
        var entry = EntryIn(EntryStatus.Submitted);
        entry.Apply(WorkflowAction.Approve, As(Actor.Moderator), singleContact, Now);
        Assert.Equal(EntryStatus.AwaitingModeration, entry.Status);
        Assert.True(EntryWorkflow.Decide(EntryIn(EntryStatus.Submitted), WorkflowAction.Return, As(Actor.Moderator), singleContact, "Why").IsAllowed);
    }

    [Theory]
    [InlineData(EntryStatus.Submitted, Actor.ApproverOfTheState, WorkflowAction.Return)]
    [InlineData(EntryStatus.AwaitingModeration, Actor.Moderator, WorkflowAction.Return)]
    [InlineData(EntryStatus.Published, Actor.Moderator, WorkflowAction.Withdraw)]
    public void ReturnAndWithdraw_WithoutAReason_AreRefused(EntryStatus status, Actor actor, WorkflowAction action)
    {
        foreach (var reason in new[] { null, "", "   " })
        {
            var entry = EntryIn(status);
            var error = Assert.Throws<DomainException>(() => entry.Apply(action, As(actor), Partner, Now, reason));
            Assert.Contains("reason", error.Message, StringComparison.Ordinal);
            Assert.Equal(status, entry.Status);
        }
    }

    [Fact]
    public void EveryStep_IsRecordedWithWhoWhenFromToAndReason()
    {
        var entry = EntryIn(EntryStatus.AwaitingModeration);

        entry.Apply(WorkflowAction.Return, As(Actor.Moderator), Partner, Now, "  Add the decree number.  ");

        Assert.Equal(
            [
                (WorkflowAction.Submit, EntryStatus.Draft, EntryStatus.Submitted),
                (WorkflowAction.Approve, EntryStatus.Submitted, EntryStatus.AwaitingModeration),
                (WorkflowAction.Return, EntryStatus.AwaitingModeration, EntryStatus.Draft),
            ],
            entry.ReviewEvents.Select(e => (e.Action, e.FromStatus, e.ToStatus)));
        var last = entry.ReviewEvents.Last();
        Assert.Equal(("moderator", "Secretariat moderator", "Add the decree number.", Now, 1), (last.ActorUserId, last.ActorName, last.Reason, last.At, last.RevisionNumber));
    }

    [Fact]
    public void EditingAPublishedEntry_StartsANewDraft_WhileThePublishedRevisionStaysVisible()
    {
        var entry = EntryIn(EntryStatus.Published);

        var revision = entry.Edit(Content("v2", TlpLabel.Green), As(Actor.AuthoringContributor), Now);

        Assert.Equal(2, revision.Number);
        Assert.Equal(EntryStatus.Draft, entry.Status);
        Assert.Equal(1, entry.PublishedRevisionNumber);
        Assert.Equal(TlpLabel.Clear, entry.Visibility);

        entry.Apply(WorkflowAction.Submit, As(Actor.AuthoringContributor), Partner, Now);
        entry.Apply(WorkflowAction.Approve, As(Actor.ApproverOfTheState), Partner, Now);
        Assert.Equal(1, entry.PublishedRevisionNumber);
        entry.Apply(WorkflowAction.Publish, As(Actor.Moderator), Partner, Now);

        Assert.Equal(2, entry.PublishedRevisionNumber);
        Assert.Equal(TlpLabel.Green, entry.Visibility);
    }

    [Theory]
    [InlineData(EntryStatus.Submitted)]
    [InlineData(EntryStatus.AwaitingModeration)]
    [InlineData(EntryStatus.Withdrawn)]
    public void Edit_WhileUnderReviewOrWithdrawn_IsRefused(EntryStatus status)
    {
        var entry = EntryIn(status);

        Assert.Throws<DomainException>(() => entry.Edit(Content("v2"), As(Actor.AuthoringContributor), Now));
        Assert.Single(entry.Revisions);
    }

    [Theory]
    [InlineData(Actor.ContributorOfAnotherState)]
    [InlineData(Actor.ApproverOfAnotherState)]
    [InlineData(Actor.Moderator)]
    [InlineData(Actor.Analyst)]
    [InlineData(Actor.AuthoringCoordinator)]
    public void DraftingOrEditing_ForAnotherState_IsRefused(Actor actor)
    {
        Assert.Throws<DomainException>(() => Entry.CreateDraft(3, 1, "KEN", Content("v1"), As(actor), Now));
        var entry = EntryIn(EntryStatus.Draft);
        Assert.Throws<DomainException>(() => entry.Edit(Content("v2"), As(actor), Now));
        Assert.Single(entry.Revisions);
    }

    [Fact]
    public void Withdraw_TakesTheEntryOutOfPublicView()
    {
        var entry = EntryIn(EntryStatus.Withdrawn);

        Assert.False(entry.IsPublic);
        Assert.Null(entry.PublishedRevisionNumber);
    }

    private static WorkflowActor As(Actor actor) => actor switch
    {
        Actor.AuthoringContributor => new("contributor", "Kenyan contributor", WorkflowRoles.Contributor, "KEN"),
        Actor.ApproverOfTheState => new("approver", "Kenyan approver", WorkflowRoles.Approver, "KEN"),
        Actor.ContributorOfAnotherState => new("fr-contributor", "French contributor", WorkflowRoles.Contributor, "FRA"),
        Actor.ApproverOfAnotherState => new("fr-approver", "French approver", WorkflowRoles.Approver, "FRA"),
        Actor.Moderator => new("moderator", "Secretariat moderator", WorkflowRoles.Moderator, null),
        Actor.Analyst => new("analyst", "Analyst", WorkflowRoles.None, null),
        Actor.AuthoringCoordinator => new("g7-coordinator", "G7 coordinator", WorkflowRoles.GroupCoordinator, null, G7),
        Actor.SecondCoordinatorOfTheGroup => new("g7-coordinator-2", "Second G7 coordinator", WorkflowRoles.GroupCoordinator, null, G7),
        Actor.CoordinatorOfAnotherGroup => new("eu-coordinator", "Coordinator of another group", WorkflowRoles.GroupCoordinator, null, AnotherGroup),
    };

    private static EntryContent Content(string title, TlpLabel visibility = TlpLabel.Clear) =>
        new(EntryKind.ImplementationStep, title, "Summary", "Body", "en", visibility, [PracticeCategory.NationalStrategy], []);

    /// <summary>
    /// A joint G7 entry brought to <paramref name="status"/> through the workflow itself (approved as for a group with a
    /// partner State, so that it passes through moderation).
    /// </summary>
    private static Entry JointEntryIn(EntryStatus status)
    {
        var entry = Entry.CreateDraft(3, 1, EntryAuthor.JointGroup(G7), Content("v1"), As(Actor.AuthoringCoordinator), Now);
        var path = new (WorkflowAction Action, Actor Actor, string? Reason)[]
        {
            (WorkflowAction.Submit, Actor.AuthoringCoordinator, null),
            (WorkflowAction.Approve, Actor.SecondCoordinatorOfTheGroup, null),
            (WorkflowAction.Publish, Actor.Moderator, null),
            (WorkflowAction.Withdraw, Actor.Moderator, "Superseded."),
        };
        foreach (var (action, actor, reason) in path.Take(StepsTo(status)))
        {
            entry.Apply(action, As(actor), Partner, Now, reason);
        }

        Assert.Equal(status, entry.Status);
        return entry;
    }

    private static int StepsTo(EntryStatus status) => status switch
    {
        EntryStatus.Draft => 0,
        EntryStatus.Submitted => 1,
        EntryStatus.AwaitingModeration => 2,
        EntryStatus.Published => 3,
        EntryStatus.Withdrawn => 4,
    };

    /// <summary>A published Kenyan entry whose new revision 2 is brought to <paramref name="status"/> through the workflow.</summary>
    private static Entry EntryWithNewRevisionIn(EntryStatus status)
    {
        var entry = EntryIn(EntryStatus.Published);
        entry.Edit(Content("v2"), As(Actor.AuthoringContributor), Now);
        if (status is EntryStatus.Submitted or EntryStatus.AwaitingModeration)
        {
            entry.Apply(WorkflowAction.Submit, As(Actor.AuthoringContributor), Partner, Now);
        }

        if (status == EntryStatus.AwaitingModeration)
        {
            entry.Apply(WorkflowAction.Approve, As(Actor.ApproverOfTheState), Partner, Now);
        }

        Assert.Equal((status, 1), (entry.Status, entry.PublishedRevisionNumber));
        return entry;
    }

    /// <summary>A Kenyan (partner State) entry brought to <paramref name="status"/> through the workflow itself.</summary>
    private static Entry EntryIn(EntryStatus status)
    {
        var entry = Entry.CreateDraft(3, 1, "KEN", Content("v1"), As(Actor.AuthoringContributor), Now);
        var path = new (WorkflowAction Action, Actor Actor, string? Reason)[]
        {
            (WorkflowAction.Submit, Actor.AuthoringContributor, null),
            (WorkflowAction.Approve, Actor.ApproverOfTheState, null),
            (WorkflowAction.Publish, Actor.Moderator, null),
            (WorkflowAction.Withdraw, Actor.Moderator, "Superseded."),
        };
        var steps = status switch
        {
            EntryStatus.Draft => 0,
            EntryStatus.Submitted => 1,
            EntryStatus.AwaitingModeration => 2,
            EntryStatus.Published => 3,
            EntryStatus.Withdrawn => 4,
        };
        foreach (var (action, actor, reason) in path.Take(steps))
        {
            entry.Apply(action, As(actor), Partner, Now, reason);
        }

        Assert.Equal(status, entry.Status);
        return entry;
    }
}

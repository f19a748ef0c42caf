using CyberNormPortal.Domain.Common;
using CyberNormPortal.Domain.Entries;
using CyberNormPortal.Domain.Reports;

namespace CyberNormPortal.Domain.Tests.Reports;

/// <summary>The national report's workflow table, over every status × action × actor, as for entries.</summary>
public sealed class ReportWorkflowTests
{
    public enum Actor
    {
        ContributorWhoSavedLast,
        OtherContributorOfTheState,
        ApproverOfTheState,
        ContributorOfAnotherState,
        ApproverOfAnotherState,
        Moderator,
        Analyst,
    }

    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly ClosesOn = new(2026, 12, 31);
    private static readonly WorkflowContext Partner = new(StateIsInitiativeMember: false, StateHasSinglePointOfContact: false);
    private static readonly WorkflowContext Member = new(StateIsInitiativeMember: true, StateHasSinglePointOfContact: false);

    /// <summary>The only (status, action, actor) steps allowed; every other combination is refused.</summary>
    private static readonly HashSet<(EntryStatus, WorkflowAction, Actor)> AllowedSteps =
    [
        (EntryStatus.Draft, WorkflowAction.Submit, Actor.ContributorWhoSavedLast),
        (EntryStatus.Draft, WorkflowAction.Submit, Actor.OtherContributorOfTheState),
        (EntryStatus.Draft, WorkflowAction.Submit, Actor.ApproverOfTheState),
        (EntryStatus.Submitted, WorkflowAction.Approve, Actor.ApproverOfTheState),
        (EntryStatus.Submitted, WorkflowAction.Return, Actor.ApproverOfTheState),
        (EntryStatus.AwaitingModeration, WorkflowAction.Publish, Actor.Moderator),
        (EntryStatus.AwaitingModeration, WorkflowAction.Return, Actor.Moderator),
        (EntryStatus.Published, WorkflowAction.Withdraw, Actor.Moderator),
    ];

    /// <summary>While a new version of a published report is in progress, a moderator may also withdraw the published one.</summary>
    private static readonly HashSet<(EntryStatus, WorkflowAction, Actor)> AllowedBehindAPublishedVersion =
    [
        .. AllowedSteps.Where(s => s.Item1 != EntryStatus.Published),
        (EntryStatus.Draft, WorkflowAction.Withdraw, Actor.Moderator),
        (EntryStatus.Submitted, WorkflowAction.Withdraw, Actor.Moderator),
        (EntryStatus.AwaitingModeration, WorkflowAction.Withdraw, Actor.Moderator),
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

    public static TheoryData<EntryStatus, WorkflowAction, Actor> EveryCombinationBehindAPublishedVersion()
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

    [Theory]
    [MemberData(nameof(EveryCombination))]
    public void Step_IsAllowedExactlyWhenTheTableSaysSo_AndARefusalChangesNothing(EntryStatus status, WorkflowAction action, Actor actor) =>
        AssertStep(ReportIn(status, behindPublished: false), status, action, actor, AllowedSteps.Contains((status, action, actor)));

    [Theory]
    [MemberData(nameof(EveryCombinationBehindAPublishedVersion))]
    public void StepBehindAPublishedVersion_IsAllowedExactlyWhenTheTableSaysSo(EntryStatus status, WorkflowAction action, Actor actor) =>
        AssertStep(ReportIn(status, behindPublished: true), status, action, actor, AllowedBehindAPublishedVersion.Contains((status, action, actor)));

    [Fact]
    public void SignOff_PublishesAMemberStatesReport_AndSendsAPartnersToModeration()
    {
        var member = ReportIn(EntryStatus.Submitted, behindPublished: false);
        member.Apply(WorkflowAction.Approve, As(Actor.ApproverOfTheState), Member, Now, ClosesOn);
        Assert.Equal(EntryStatus.Published, member.Status);
        Assert.Equal(1, member.PublishedVersionNumber);

        var partner = ReportIn(EntryStatus.Submitted, behindPublished: false);
        partner.Apply(WorkflowAction.Approve, As(Actor.ApproverOfTheState), Partner, Now, ClosesOn);
        Assert.Equal(EntryStatus.AwaitingModeration, partner.Status);
        Assert.Null(partner.PublishedVersionNumber);
    }

    [Fact]
    public void ApproverWhoSavedAPartLast_CannotSignOff()
    {
        var report = Started();
        report.SavePart(report.Parts.First().PartKey, Answers("Our position, as the approver wrote it."), TlpLabel.Clear, As(Actor.ApproverOfTheState), Now);
        report.Apply(WorkflowAction.Submit, As(Actor.ApproverOfTheState), Partner, Now, ClosesOn);

        var decision = ReportWorkflow.Decide(report, WorkflowAction.Approve, As(Actor.ApproverOfTheState), Partner);

        Assert.False(decision.IsAllowed);
        Assert.Equal(WorkflowRefusal.FourEyes, decision.Refusal);
        Assert.Equal(DomainMessages.ReportFourEyes, decision.Why);
    }

    [Fact]
    public void SignOffAfterClosing_MarksTheReportLate()
    {
        var report = ReportIn(EntryStatus.Submitted, behindPublished: false);
        report.Apply(WorkflowAction.Approve, As(Actor.ApproverOfTheState), Partner, new DateTimeOffset(2027, 1, 2, 8, 0, 0, TimeSpan.Zero), ClosesOn);
        Assert.True(report.IsLate);

        var onTime = ReportIn(EntryStatus.Submitted, behindPublished: false);
        onTime.Apply(WorkflowAction.Approve, As(Actor.ApproverOfTheState), Partner, new DateTimeOffset(2026, 12, 31, 23, 0, 0, TimeSpan.Zero), ClosesOn);
        Assert.False(onTime.IsLate);
    }

    [Fact]
    public void EditingAPublishedReport_StartsADraft_WhileReadersKeepThePublishedVersion()
    {
        var report = ReportIn(EntryStatus.Published, behindPublished: false);
        var published = report.PublishedVersion!;

        report.SavePart(report.Parts.First().PartKey, Answers("A second thought."), TlpLabel.Clear, As(Actor.OtherContributorOfTheState), Now);

        Assert.Equal(EntryStatus.Draft, report.Status);
        Assert.Same(published, report.PublishedVersion);
        Assert.DoesNotContain(published.Parts, p => p.Answers.Questions.Any(q => q.Text == "A second thought."));
    }

    [Fact]
    public void APartCannotBeLessRestrictedThanTheReport()
    {
        var report = Started();
        report.SetVisibility(TlpLabel.Green, As(Actor.ContributorWhoSavedLast), Now);
        report.SavePart(report.Parts.First().PartKey, Answers("Community only."), TlpLabel.Clear, As(Actor.ContributorWhoSavedLast), Now);

        Assert.All(report.Parts, p => Assert.Equal(TlpLabel.Green, p.Visibility));
    }

    [Theory]
    [InlineData(EntryStatus.Submitted)]
    [InlineData(EntryStatus.AwaitingModeration)]
    [InlineData(EntryStatus.Withdrawn)]
    public void AReportInReviewOrWithdrawn_CannotBeEdited(EntryStatus status)
    {
        var report = ReportIn(status, behindPublished: false);
        Assert.Throws<DomainException>(() =>
            report.SavePart(report.Parts.First().PartKey, Answers("Too late."), TlpLabel.Clear, As(Actor.ContributorWhoSavedLast), Now));
    }

    [Fact]
    public void OnlyTheStatesPointsOfContact_StartOrEditItsReport()
    {
        Assert.Throws<DomainException>(() => NationalReport.Start(1, "KEN", Questionnaires.Sample(), As(Actor.ContributorOfAnotherState), Now));
        var report = Started();
        Assert.Throws<DomainException>(() =>
            report.SavePart(report.Parts.First().PartKey, Answers("Not mine."), TlpLabel.Clear, As(Actor.Moderator), Now));
    }

    private static void AssertStep(NationalReport report, EntryStatus status, WorkflowAction action, Actor actor, bool allowed)
    {
        Assert.Equal(status, report.Status);
        var eventsBefore = report.Events.Count;
        var decision = ReportWorkflow.Decide(report, action, As(actor), Partner, "Please complete the checklist.");

        Assert.Equal(allowed, decision.IsAllowed);
        Assert.Equal(allowed, ReportWorkflow.StepsFor(report, As(actor), Partner).Any(s => s.Action == action));
        if (allowed)
        {
            report.Apply(action, As(actor), Partner, Now, ClosesOn, "Please complete the checklist.");
            Assert.Equal(decision.To, report.Status);
            Assert.Equal(eventsBefore + 1, report.Events.Count);
        }
        else
        {
            var error = Assert.Throws<DomainException>(() => report.Apply(action, As(actor), Partner, Now, ClosesOn, "Please complete the checklist."));
            Assert.False(string.IsNullOrWhiteSpace(error.Message));
            Assert.Equal(status, report.Status);
            Assert.Equal(eventsBefore, report.Events.Count);
        }
    }

    private static WorkflowActor As(Actor actor) => actor switch
    {
        Actor.ContributorWhoSavedLast => new("kenya-1", "Wanjiru", WorkflowRoles.Contributor, "KEN"),
        Actor.OtherContributorOfTheState => new("kenya-2", "Otieno", WorkflowRoles.Contributor, "KEN"),
        Actor.ApproverOfTheState => new("kenya-approver", "Kamau", WorkflowRoles.Approver, "KEN"),
        Actor.ContributorOfAnotherState => new("france-1", "Camille", WorkflowRoles.Contributor, "FRA"),
        Actor.ApproverOfAnotherState => new("france-approver", "Claire", WorkflowRoles.Approver, "FRA"),
        Actor.Moderator => new("moderator", "Secretariat", WorkflowRoles.Moderator, null),
        Actor.Analyst => new("analyst", "Analyst", WorkflowRoles.None, null),
    };

    private static PartAnswers Answers(string text) => new([new QuestionAnswer("q-any", [], null, text, [])], []);

    private static NationalReport Started()
    {
        var report = NationalReport.Start(1, "KEN", Questionnaires.Sample(), As(Actor.ContributorWhoSavedLast), Now);
        report.SavePart(report.Parts.First().PartKey, Answers("Kenya's position."), TlpLabel.Clear, As(Actor.ContributorWhoSavedLast), Now);
        return report;
    }

    /// <summary>A report brought to <paramref name="status"/> through the workflow's own steps.</summary>
    private static NationalReport ReportIn(EntryStatus status, bool behindPublished)
    {
        var report = Started();
        if (behindPublished)
        {
            report.Apply(WorkflowAction.Submit, As(Actor.ContributorWhoSavedLast), Partner, Now, ClosesOn);
            report.Apply(WorkflowAction.Approve, As(Actor.ApproverOfTheState), Member, Now, ClosesOn);
            report.SavePart(report.Parts.First().PartKey, Answers("Kenya's position, revised."), TlpLabel.Clear, As(Actor.ContributorWhoSavedLast), Now);
        }

        if (status == EntryStatus.Draft)
        {
            return report;
        }

        report.Apply(WorkflowAction.Submit, As(Actor.ContributorWhoSavedLast), Partner, Now, ClosesOn);
        if (status == EntryStatus.Submitted)
        {
            return report;
        }

        report.Apply(WorkflowAction.Approve, As(Actor.ApproverOfTheState), Partner, Now, ClosesOn);
        if (status == EntryStatus.AwaitingModeration)
        {
            return report;
        }

        report.Apply(WorkflowAction.Publish, As(Actor.Moderator), Partner, Now, ClosesOn);
        if (status == EntryStatus.Withdrawn)
        {
            report.Apply(WorkflowAction.Withdraw, As(Actor.Moderator), Partner, Now, ClosesOn, "Published by mistake.");
        }

        return report;
    }
}

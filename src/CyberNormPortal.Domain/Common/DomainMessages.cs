namespace CyberNormPortal.Domain.Common;

/// <summary>
/// What the domain says when it refuses something a person tried: the English text, which is also the key the web
/// layer looks up to show it in the reader's language (Resources/SharedResource.resx). The domain knows no culture;
/// it returns these keys (as a <see cref="DomainException"/>'s message or a workflow decision's reason) and never
/// builds a sentence from parts, so every refusal can be translated whole.
/// </summary>
public static class DomainMessages
{
    public const string CycleClosesBeforeItOpens = "A cycle cannot close before it opens.";
    public const string ReminderDaysOutOfRange = "Reminder days must be whole numbers from 1 to 365.";

    public const string DraftNotAPointOfContact = "Only a point of contact of a State can draft entries for it.";
    public const string DraftNotACoordinator = "Only a coordinator of a group can draft joint entries for it.";
    public const string EditNotAPointOfContact = "Only a point of contact of the entry's own State can edit it.";
    public const string EditNotACoordinator = "Only a coordinator of the group can edit its joint entry.";
    public const string EditWithdrawn = "A withdrawn entry cannot be edited.";
    public const string EditInReview = "This entry is being reviewed; it can be edited again once it is returned.";

    public const string StepNotPossibleNow = "This step is not possible for the entry as it is now.";
    public const string ReasonRequired = "Give a reason: the author will read it.";
    public const string SubmitNotAPointOfContact = "Only a point of contact of the entry's own State can submit it.";
    public const string SubmitNotACoordinator = "Only a coordinator of the group can submit its joint entry.";
    public const string FourEyes = "You edited this revision last: another person must approve it (four eyes).";
    public const string PublishNotAModerator = "Only a moderator can publish a partner State's entry.";
    public const string ReturnNotAModerator = "Only a moderator can return an entry awaiting moderation.";
    public const string WithdrawNotAModerator = "Only a moderator can withdraw a published entry.";
    public const string NothingPublished = "Nothing of this entry is published, so there is nothing to withdraw.";
    public const string ReviewNotAnApprover =
        "Only an approver of the entry's own State can review it (or a moderator, where the State has a single point of contact).";
    public const string ReviewNotACoordinator = "Only a coordinator of the group (or a moderator) can review its joint entry.";

    public const string QuestionnaireFrozen =
        "A State has started answering this questionnaire, so it can no longer change: make a new version instead.";
    public const string QuestionnaireOneNormsPart = "A questionnaire has one part for the norms.";
    public const string QuestionnaireNoNormsPart = "Add a part for the norms before adding checklist actions.";
    public const string QuestionnaireItemNotFound = "This part, question or action is not in the questionnaire.";
    public const string QuestionnaireTitleRequired = "Give the part a title.";
    public const string QuestionTextRequired = "Write the question.";
    public const string QuestionNeedsOptions = "A choice question needs at least two options, one per line.";
    public const string ActionTextRequired = "Describe the practical action.";
    public const string ActionSourceRequired = "Give the action's source, such as a document symbol.";

    public const string ReportNotAPointOfContact = "Only a point of contact of the report's own State can draft, edit or submit it.";
    public const string ReportInReview = "This report is being reviewed; it can be edited again once it is returned.";
    public const string ReportWithdrawn = "A withdrawn report cannot be edited.";
    public const string ReportStepNotPossibleNow = "This step is not possible for the report as it is now.";
    public const string ReportFourEyes = "You saved a part of this report last: another person must sign it off (four eyes).";
    public const string ReportNotAnApprover =
        "Only an approver of the report's own State can sign it off or return it (or a moderator, where the State has a single point of contact).";
    public const string ReportPublishNotAModerator = "Only a moderator can publish a partner State's report.";
    public const string ReportReturnNotAModerator = "Only a moderator can return a report awaiting moderation.";
    public const string ReportWithdrawNotAModerator = "Only a moderator can withdraw a published report.";
    public const string ReportNothingPublished = "Nothing of this report is published, so there is nothing to withdraw.";

    public const string OrganisationNameRequired = "Give the organisation's name.";
    public const string CapacityOwnerRequired = "A need or offer belongs to exactly one State or organisation.";
    public const string CapacityNeedIsAStates = "Only a State posts a capacity need.";
    public const string CapacityNotAPointOfContact = "Only a point of contact of its own State or organisation can draft, edit or submit this.";
    public const string CapacityEditOnlyDraft = "Only a draft can be edited; it is back to a draft once returned.";
    public const string CapacityTitleRequired = "Give it a title.";
    public const string CapacityNormRequired = "Choose at least one norm.";
    public const string CapacityKindRequired = "Choose at least one kind of help.";
    public const string CapacityLanguageRequired = "Choose at least one language.";
    public const string CapacityRegionRequired = "Choose at least one region served.";
    public const string CapacityPeriodBackwards = "The end of the period cannot be before its start.";
    public const string CapacityStepNotPossibleNow = "This step is not possible for this need or offer as it is now.";
    public const string CapacityFourEyes = "You saved this last: another person must approve it (four eyes).";
    public const string CapacityNotAnApprover = "Only an approver of its State (or a moderator, where the State has a single point of contact) can review this.";
    public const string CapacityPublishNotAModerator = "Only a moderator can publish this.";
    public const string CapacityReturnNotAModerator = "Only a moderator can return this.";
    public const string CapacityWithdrawNotAllowed = "Only its own points of contact or a moderator can withdraw this.";
    public const string MatchStepNotPossibleNow = "This step is not possible for the match as it is now.";
    public const string MatchNotASide = "Only a point of contact of the need's or the offer's side can do this.";
    public const string MatchAlreadyInterested = "Your side has already expressed interest.";
    public const string MatchNotTheSecretariat = "Only the secretariat can do this.";
    public const string MatchConsentMissing = "Both sides must express interest before the secretariat introduces them.";
    public const string MatchOutcomeRequired = "Describe the outcome.";
}

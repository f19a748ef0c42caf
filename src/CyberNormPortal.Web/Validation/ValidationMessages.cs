using FluentValidation;
using Microsoft.Extensions.Localization;

namespace CyberNormPortal.Web.Validation;

/// <summary>
/// The messages of the portal's form rules: keys of Resources/SharedResource.resx (the English text), each defined
/// once and shown in the reader's language. A limit is a <c>{0}</c> placeholder, filled (and formatted for the
/// culture: "1,000", "1 000") when the message is shown.
/// </summary>
public static class ValidationMessages
{
    // Entries
    public const string AnswerTooLong = "An answer can have at most {0} characters.";
    public const string ChoiceNotOffered = "Choose from the options offered.";
    public const string OneChoiceOnly = "Choose one option only.";
    public const string EntryNotLinkable = "Link only to published entries of your State.";

    public const string NormRequired = "Choose the norm this entry is about.";
    public const string NormUnknown = "Choose one of the eleven norms.";
    public const string CycleRequired = "Choose the reporting cycle.";
    public const string CycleNotOpen = "Choose a reporting cycle that is open for entries.";
    public const string KindRequired = "Choose what kind of entry this is.";
    public const string CategoryRequired = "Choose at least one practice category.";
    public const string CategoryUnknown = "Choose practice categories from the list.";
    public const string TitleRequired = "Enter a title.";
    public const string TitleTooLong = "The title can have at most {0} characters.";
    public const string SummaryRequired = "Enter a one-paragraph summary.";
    public const string SummaryTooLong = "The summary can have at most {0} characters.";
    public const string BodyRequired = "Describe what was done in the body.";
    public const string BodyTooLong = "The body can have at most {0} characters.";
    public const string LanguageRequired = "Choose the language the entry is written in.";
    public const string VisibilityRequired = "Choose who may read the entry (its TLP label).";
    public const string TranslationLanguageRequired = "Choose the language of the translation.";
    public const string TranslationLanguageUnknown = "A translation can be in Arabic, Chinese, English, French, Russian or Spanish.";
    public const string TranslationTitleRequired = "Enter the title in the translation's language.";
    public const string TranslationSummaryRequired = "Enter the summary in the translation's language.";
    public const string TranslationBodyRequired = "Enter the body in the translation's language.";
    public const string TranslationSameLanguage = "A translation must be in another language than the original.";
    public const string TranslationTwice = "There is already a translation into this language.";
    public const string ReferenceTitleRequired = "Give the reference a title.";
    public const string ReferenceTitleTooLong = "A reference title can have at most {0} characters.";
    public const string ReferenceUrlRequired = "Give the reference's web address.";
    public const string ReferenceUrlInvalid = "Enter a web address starting with http:// or https://.";
    public const string ReferenceUrlTooLong = "A web address can have at most {0} characters.";
    public const string ReferenceKindRequired = "Choose the kind of document.";
    public const string ReporterRequired = "Choose who reports this entry: your State, or your group jointly.";
    public const string ReasonTooLong = "A reason can have at most {0} characters.";

    /// <summary>A match's closing reason or outcome note (FieldLengths.MatchNote).</summary>
    public const string NoteTooLong = "A note can have at most {0} characters.";

    // Accounts
    public const string EmailRequired = "Enter your e-mail address.";
    public const string InviteeEmailRequired = "Enter the e-mail address to invite.";
    public const string EmailTooLong = "An e-mail address has at most {0} characters.";
    public const string EmailInvalid = "Enter an e-mail address like name@example.org.";
    public const string InviteeNameRequired = "Enter the name other people will see.";
    public const string OwnNameRequired = "Enter the name other people should see.";
    public const string NameTooLong = "A name has at most {0} characters.";
    public const string RoleRequired = "Choose a role.";
    public const string RolesUnknown = "Choose roles from the list.";
    public const string PasswordRequired = "Enter your password.";
    public const string CurrentPasswordRequired = "Enter your current password.";
    public const string NewPasswordRequired = "Enter a new password.";
    public const string ChosenPasswordRequired = "Choose a password.";
    public const string PasswordTooLong = "A password has at most {0} characters.";
    public const string PasswordsDiffer = "The two passwords are not the same.";
    public const string SignInCodeRequired = "Enter the 6-digit code from your authenticator app, or a recovery code.";
    public const string SignInCodeTooLong = "A code has at most {0} characters.";
    public const string SetupCodeRequired = "Enter the 6-digit code your authenticator app shows.";
    public const string SetupCodeTooLong = "The code has 6 digits.";
    public const string GroupRequired = "Choose the group a group coordinator speaks for.";
    public const string GroupUnknown = "Choose a group from the list.";

    // Administration
    public const string GroupSlugRequired = "Enter a slug, e.g. g7.";
    public const string GroupSlugPattern = "Use lower-case letters, digits and single hyphens only, e.g. g7.";
    public const string GroupSlugTaken = "Another group already has this slug.";
    public const string SlugTooLong = "A slug has at most {0} characters.";
    public const string GroupNameRequired = "Enter the group's name.";
    public const string GroupAbbreviationRequired = "Enter the group's abbreviation, e.g. G7.";
    public const string AbbreviationTooLong = "An abbreviation has at most {0} characters.";
    public const string GroupMembersUnknown = "Choose member States from the list.";
    public const string OrganisationNameTaken = "Another organisation already has this name.";
    public const string CycleNameRequired = "Enter the cycle's name.";
    public const string CycleSlugRequired = "Enter a slug, e.g. 2026-g7.";
    public const string CycleSlugPattern = "Use lower-case letters, digits and single hyphens only, e.g. 2026-g7.";
    public const string CycleSlugTaken = "Another cycle already has this slug.";
    public const string OpensOnRequired = "Enter the date the cycle opens.";
    public const string ClosesOnRequired = "Enter the date the cycle closes.";
    public const string ParticipationUnknown = "Choose member or partner for each State.";

    // Languages and official texts
    public const string LanguageUnknown = "Choose a language from the list.";
    public const string NormUnknownInList = "Choose a norm from the list.";
    public const string OfficialTextRequired = "Enter the official text, as the document has it.";
    public const string OfficialTextTooLong = "An official text has at most {0} characters.";
    public const string OfficialTextSourceRequired = "Enter the source, e.g. A/70/174, para. 13 (a).";
    public const string OfficialTextSourceTooLong = "A source has at most {0} characters.";

    // The questionnaire editor (Admin/Cycles/Questionnaire).
    public const string PartKindRequired = "Choose what the part is about.";
    public const string PartTitleTooLong = "A part's title has at most {0} characters.";
    public const string GuidanceTooLong = "The guidance has at most {0} characters.";
    public const string QuestionPartRequired = "Choose the part the question goes in.";
    public const string QuestionKindRequired = "Choose how the question is answered.";
    public const string QuestionTextTooLong = "A question or option has at most {0} characters.";
    public const string ActionNormRequired = "Choose the norm the action belongs to.";
    public const string ActionTextTooLong = "An action has at most {0} characters.";
    public const string ActionSourceTooLong = "An action's source has at most {0} characters.";
    public const string CopyCycleRequired = "Choose a cycle whose questionnaire to copy.";
    public const string QuestionnaireChangedMeanwhile =
        "The questionnaire changed since you opened this page (someone edited it, or a State started answering). Nothing was saved: check the page as it is now and try again.";
    // Capacity needs and offers (Pages/CapacityWork); the rules the domain has use its DomainMessages.
    public const string CapacityDescriptionTooLong = "The description can have at most {0} characters.";
    public const string CapacityTimingTooLong = "The preferred timing can have at most {0} characters.";
    public const string CapacityActionUnknown = "Choose checklist actions of the norms you chose, from the list.";
    public const string CapacityRegionUnknown = "Choose regions from the list.";
    public const string CapacityKindUnknown = "Choose kinds of help from the list.";
    public const string CapacityVisibilityRequired = "Choose who may read it once published (its TLP label).";

    public const string ReminderDaysInvalid = "Write whole numbers of days separated by commas, e.g. 30, 7, 1.";

    /// <summary>
    /// The rule's message: <paramref name="key"/> looked up in the culture of the request being validated, with
    /// <paramref name="limits"/> (counts, formatted for that culture) in its placeholders.
    /// </summary>
    public static IRuleBuilderOptions<T, TProperty> WithMessage<T, TProperty>(
        this IRuleBuilderOptions<T, TProperty> rule, IStringLocalizer localizer, string key, params int[] limits) =>
        rule.WithMessage(_ => localizer.Message(key, limits));

    /// <summary>A message of this list, in the current culture, with its limits formatted for it.</summary>
    public static string Message(this IStringLocalizer localizer, string key, params int[] limits) =>
        localizer[key, [.. limits.Select(limit => (object)Localization.Formats.Number(limit))]];
}

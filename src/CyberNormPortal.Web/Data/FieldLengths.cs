namespace CyberNormPortal.Web.Data;

/// <summary>
/// How long each text may be: the one place the EF configuration (column lengths), the validators (their limits and
/// messages), the forms (<c>maxlength</c>) and the audit log's truncation read.
/// </summary>
public static class FieldLengths
{
    public const int Email = 256;
    public const int PersonName = 200;

    /// <summary>Not stored (only its hash is): a bound on what a password field accepts.</summary>
    public const int Password = 200;

    /// <summary>An authenticator or recovery code as typed, spaces included.</summary>
    public const int TwoFactorCode = 40;

    public const int UserId = 450;
    public const int Role = 40;
    public const int Iso3 = 3;
    public const int StateName = 120;
    public const int GroupSlug = 40;
    public const int GroupName = 200;
    public const int GroupAbbreviation = 20;
    public const int CycleSlug = 80;
    public const int CycleName = 200;
    public const int EntryTitle = 200;
    public const int EntrySummary = 1_000;
    public const int EntryBody = 50_000;

    /// <summary>A BCP 47 language tag (RFC 5646 section 4.4.1 recommends supporting at least 35 characters).</summary>
    public const int LanguageTag = 35;

    public const int ReferenceTitle = 300;
    public const int WebAddress = 2_000;
    public const int ReviewReason = 2_000;
    public const int SynthesisStatement = 4_000;
    public const int AuditSubject = 200;
    public const int AuditDetails = 2_000;

    /// <summary>The stable key of a questionnaire part, question or checklist action.</summary>
    public const int ItemKey = 40;
    public const int QuestionText = 2_000;
    public const int Guidance = 20_000;
    public const int ActionSource = 300;

    /// <summary>One free-text answer of a national report (an explanation, measures, challenges, needs).</summary>
    public const int AnswerText = 10_000;

    /// <summary>How many of its published entries (newest first per norm) a State's report form offers to link.</summary>
    public const int LinkableEntries = 500;

    /// <summary>A capacity need's or offer's title.</summary>
    public const int CapacityTitle = 200;

    /// <summary>A capacity need's or offer's description (Markdown).</summary>
    public const int CapacityDescription = 10_000;

    /// <summary>A need's preferred timing, as its State puts it.</summary>
    public const int CapacityTiming = 200;

    /// <summary>A match's closing reason or outcome note.</summary>
    public const int MatchNote = 4_000;

    public const int OrganisationName = Domain.Capacity.Organisation.NameMaxLength;

    public const int Website = 500;

    /// <summary>A mail's recipients: one address, or a comma-separated list (the introduction of a match goes to both sides at once).</summary>
    public const int MailRecipients = 4_000;
}

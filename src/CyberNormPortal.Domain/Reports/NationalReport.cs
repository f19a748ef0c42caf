using CyberNormPortal.Domain.Common;
using CyberNormPortal.Domain.Entries;

namespace CyberNormPortal.Domain.Reports;

/// <summary>
/// A State's national report for one reporting cycle, answered against one version of the cycle's questionnaire.
/// Each part is saved on its own, so several contributors can work on different parts at once. The workflow is the
/// entries' one (<see cref="ReportWorkflow"/>): drafted, submitted to the State's approver, signed off, then
/// published (member State) or moderated (partner State). Each publication is kept as a version; a published report
/// that is edited again is a draft behind its published version, which readers keep seeing.
/// </summary>
public sealed class NationalReport
{
    private readonly List<ReportPart> _parts = [];
    private readonly List<ReportEvent> _events = [];
    private readonly List<ReportVersion> _versions = [];

    private NationalReport()
    {
    }

    private NationalReport(int cycleId, string stateIso3, Questionnaire questionnaire, TlpLabel visibility, DateTimeOffset now, int? copiedFromReportId)
    {
        CycleId = cycleId;
        StateIso3 = stateIso3;
        QuestionnaireId = questionnaire.Id;
        Visibility = visibility;
        CreatedAt = now;
        CopiedFromReportId = copiedFromReportId;
        Status = EntryStatus.Draft;
    }

    public int Id { get; private set; }

    public int CycleId { get; private set; }

    public string StateIso3 { get; private set; } = "";

    /// <summary>The questionnaire version the report answers; frozen when the report started.</summary>
    public int QuestionnaireId { get; private set; }

    public EntryStatus Status { get; private set; }

    /// <summary>The report's TLP label; a part can be more restricted, never less.</summary>
    public TlpLabel Visibility { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>The report of an earlier cycle whose answers it started from, if any.</summary>
    public int? CopiedFromReportId { get; private set; }

    /// <summary>When the current working copy was last submitted to the approver; set while it waits in review.</summary>
    public DateTimeOffset? SubmittedForReviewAt { get; private set; }

    /// <summary>When the approver first signed it off and it went to the secretariat.</summary>
    public DateTimeOffset? SignedOffAt { get; private set; }

    /// <summary>Signed off after the cycle closed.</summary>
    public bool IsLate { get; private set; }

    public DateTimeOffset? PublishedAt { get; private set; }

    /// <summary>The published version readers see; null while nothing is published (or after a withdrawal).</summary>
    public int? PublishedVersionNumber { get; private set; }

    public bool IsPublic => PublishedVersionNumber is not null;

    public IReadOnlyCollection<ReportPart> Parts => _parts;

    public IReadOnlyCollection<ReportEvent> Events => _events;

    public IReadOnlyCollection<ReportVersion> Versions => _versions;

    /// <summary>The part edited last, whose editor may not sign the report off.</summary>
    public ReportPart? LastEditedPart => _parts.Where(p => p.UpdatedByUserId != null).MaxBy(p => p.UpdatedAt);

    /// <summary>
    /// A point of contact of the State starts its report for the cycle, with an empty part per questionnaire part,
    /// or with the answers of <paramref name="previous"/> (the State's report of an earlier cycle) where the
    /// questionnaire still asks the same. Starting freezes the questionnaire version.
    /// </summary>
    public static NationalReport Start(
        int cycleId, string stateIso3, Questionnaire questionnaire, WorkflowActor actor, DateTimeOffset now, NationalReport? previous = null)
    {
        if (!actor.SpeaksFor(stateIso3))
        {
            throw new DomainException(DomainMessages.ReportNotAPointOfContact);
        }

        if (questionnaire.CycleId != cycleId)
        {
            throw new DomainException(DomainMessages.QuestionnaireItemNotFound);
        }

        if (previous is not null && previous.StateIso3 != stateIso3)
        {
            throw new DomainException(DomainMessages.ReportNotAPointOfContact);
        }

        questionnaire.Freeze(now);
        var report = new NationalReport(cycleId, stateIso3, questionnaire, previous?.Visibility ?? TlpLabel.Clear, now, previous?.Id);
        foreach (var part in questionnaire.OrderedParts)
        {
            var earlier = previous?._parts.FirstOrDefault(p => p.PartKey == part.Key);
            var answers = earlier?.Answers.CarriedTo(part, part.Kind == PartKind.Norms ? questionnaire.Actions : []) ?? PartAnswers.Empty;
            report._parts.Add(new ReportPart(part.Key, earlier?.Visibility ?? report.Visibility, answers));
        }

        return report;
    }

    public ReportPart Part(string partKey) =>
        _parts.SingleOrDefault(p => p.PartKey == partKey) ?? throw new DomainException(DomainMessages.QuestionnaireItemNotFound);

    /// <summary>
    /// Saves one part's answers and label. Editing a published report starts a new draft; readers keep the published
    /// version until the new one is published. Returns whether anything changed.
    /// </summary>
    public bool SavePart(string partKey, PartAnswers answers, TlpLabel visibility, WorkflowActor editor, DateTimeOffset now)
    {
        EnsureEditable(editor);
        var part = Part(partKey);
        var effective = Stricter(visibility, Visibility);
        if (part.Answers.SameAs(answers) && part.Visibility == effective)
        {
            return false;
        }

        part.Save(answers, effective, editor, now);
        Status = EntryStatus.Draft;
        return true;
    }

    /// <summary>Sets the report's label; parts less restricted than it are raised to it.</summary>
    public void SetVisibility(TlpLabel visibility, WorkflowActor editor, DateTimeOffset now)
    {
        EnsureEditable(editor);
        if (visibility == Visibility)
        {
            return;
        }

        Visibility = visibility;
        foreach (var part in _parts.Where(p => p.Visibility < visibility))
        {
            part.Save(part.Answers, visibility, editor, now);
        }

        Status = EntryStatus.Draft;
    }

    /// <summary>
    /// Takes one workflow step, as <see cref="ReportWorkflow"/> decides, and records it. A sign-off after the cycle's
    /// closing date (<c>cycleClosesOn</c>) marks the report late.
    /// </summary>
    public ReportEvent Apply(
        WorkflowAction action, WorkflowActor actor, WorkflowContext context, DateTimeOffset now, DateOnly cycleClosesOn, string? reason = null)
    {
        var decision = ReportWorkflow.Decide(this, action, actor, context, reason);
        if (!decision.IsAllowed)
        {
            throw new DomainException(decision.Why!);
        }

        var from = Status;
        Status = decision.To!.Value;
        SubmittedForReviewAt = Status == EntryStatus.Submitted ? now : null;
        if (action == WorkflowAction.Approve && SignedOffAt is null)
        {
            SignedOffAt = now;
            IsLate = DateOnly.FromDateTime(now.UtcDateTime) > cycleClosesOn;
        }

        if (Status == EntryStatus.Published)
        {
            var version = new ReportVersion(_versions.Count + 1, QuestionnaireId, Visibility, _parts.Select(p => p.Snapshot()).ToList(), now, actor);
            _versions.Add(version);
            PublishedVersionNumber = version.Number;
            PublishedAt = now;
        }
        else if (action == WorkflowAction.Withdraw)
        {
            PublishedVersionNumber = null;
        }

        var reportEvent = new ReportEvent(action, from, Status, actor, reason?.Trim(), now);
        _events.Add(reportEvent);
        return reportEvent;
    }

    /// <summary>The version readers see, if any.</summary>
    public ReportVersion? PublishedVersion => _versions.FirstOrDefault(v => v.Number == PublishedVersionNumber);

    private void EnsureEditable(WorkflowActor editor)
    {
        if (!editor.SpeaksFor(StateIso3))
        {
            throw new DomainException(DomainMessages.ReportNotAPointOfContact);
        }

        if (Status is not (EntryStatus.Draft or EntryStatus.Published))
        {
            throw new DomainException(Status == EntryStatus.Withdrawn ? DomainMessages.ReportWithdrawn : DomainMessages.ReportInReview);
        }
    }

    public static TlpLabel Stricter(TlpLabel a, TlpLabel b) => a > b ? a : b;
}

/// <summary>One part of a State's report: its answers, its TLP label and who saved it last.</summary>
public sealed class ReportPart
{
    private ReportPart()
    {
    }

    internal ReportPart(string partKey, TlpLabel visibility, PartAnswers answers)
    {
        PartKey = partKey;
        Visibility = visibility;
        Answers = answers;
    }

    public int Id { get; private set; }

    public int ReportId { get; private set; }

    /// <summary>The questionnaire part's key.</summary>
    public string PartKey { get; private set; } = "";

    public TlpLabel Visibility { get; private set; }

    public PartAnswers Answers { get; private set; } = PartAnswers.Empty;

    public DateTimeOffset? UpdatedAt { get; private set; }

    public string? UpdatedByUserId { get; private set; }

    public string? UpdatedByName { get; private set; }

    internal void Save(PartAnswers answers, TlpLabel visibility, WorkflowActor editor, DateTimeOffset now)
    {
        Answers = answers;
        Visibility = visibility;
        UpdatedAt = now;
        UpdatedByUserId = editor.UserId;
        UpdatedByName = editor.DisplayName;
    }

    internal PartSnapshot Snapshot() => new(PartKey, Visibility, Answers);
}

/// <summary>One part as it was published.</summary>
public sealed record PartSnapshot(string PartKey, TlpLabel Visibility, PartAnswers Answers);

/// <summary>A published version of a report: every part's answers and labels as readers saw them.</summary>
public sealed class ReportVersion
{
    private ReportVersion()
    {
    }

    internal ReportVersion(int number, int questionnaireId, TlpLabel visibility, List<PartSnapshot> parts, DateTimeOffset publishedAt, WorkflowActor publishedBy)
    {
        Number = number;
        QuestionnaireId = questionnaireId;
        Visibility = visibility;
        Parts = parts;
        PublishedAt = publishedAt;
        PublishedByName = publishedBy.DisplayName;
    }

    public int Id { get; private set; }

    public int ReportId { get; private set; }

    public int Number { get; private set; }

    public int QuestionnaireId { get; private set; }

    public TlpLabel Visibility { get; private set; }

    public List<PartSnapshot> Parts { get; private set; } = [];

    public DateTimeOffset PublishedAt { get; private set; }

    public string PublishedByName { get; private set; } = "";
}

/// <summary>One workflow step taken on a report: who, when, from which status to which, and why.</summary>
public sealed class ReportEvent
{
    private ReportEvent()
    {
    }

    internal ReportEvent(WorkflowAction action, EntryStatus from, EntryStatus to, WorkflowActor actor, string? reason, DateTimeOffset at)
    {
        Action = action;
        FromStatus = from;
        ToStatus = to;
        ActorUserId = actor.UserId;
        ActorName = actor.DisplayName;
        Reason = reason;
        At = at;
    }

    public int Id { get; private set; }

    public int ReportId { get; private set; }

    public WorkflowAction Action { get; private set; }

    public EntryStatus FromStatus { get; private set; }

    public EntryStatus ToStatus { get; private set; }

    public string ActorUserId { get; private set; } = "";

    public string ActorName { get; private set; } = "";

    public string? Reason { get; private set; }

    public DateTimeOffset At { get; private set; }
}

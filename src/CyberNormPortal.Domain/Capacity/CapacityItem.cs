using CyberNormPortal.Domain.Common;
using CyberNormPortal.Domain.Entries;
using CyberNormPortal.Domain.States;

namespace CyberNormPortal.Domain.Capacity;

/// <summary>
/// What a need or an offer says. A need is a State's; its region is its State's. An offer names the regions it serves
/// and its period. Both name norms (numbers 1–11), optionally checklist actions (questionnaire keys), practice
/// categories, kinds of help and languages (portal culture names).
/// </summary>
public sealed record CapacityContent(
    string Title,
    string Description,
    IReadOnlyList<int> Norms,
    IReadOnlyList<string> ActionKeys,
    IReadOnlyList<PracticeCategory> Categories,
    IReadOnlyList<KindOfHelp> Kinds,
    IReadOnlyList<string> Languages,
    IReadOnlyList<RegionalGroup> Regions,
    string? Timing,
    DateOnly? AvailableFrom,
    DateOnly? AvailableUntil,
    TlpLabel Visibility);

/// <summary>Where a need came from: a capacity need recorded against a checklist action of a national report.</summary>
public sealed record CapacitySource(int ReportId, string ActionKey);

/// <summary>
/// A capacity need (a State's) or offer (a State's or an organisation's), with its workflow: drafted by the owner's
/// points of contact, approved by another person before anyone else sees it, published, withdrawn when it no longer
/// stands (<see cref="CapacityWorkflow"/>). It is edited only while a draft.
/// </summary>
public sealed class CapacityItem
{
    private readonly List<CapacityEvent> events = [];

    private CapacityItem()
    {
    }

    public int Id { get; private set; }

    public CapacitySide Side { get; private set; }

    /// <summary>The State whose need or offer this is; null for an organisation's offer.</summary>
    public string? StateIso3 { get; private set; }

    /// <summary>The organisation whose offer this is; null for a State's item.</summary>
    public int? OrganisationId { get; private set; }

    public string Title { get; private set; } = "";

    /// <summary>Markdown, rendered sanitised.</summary>
    public string Description { get; private set; } = "";

    public List<int> Norms { get; private set; } = [];

    public List<string> ActionKeys { get; private set; } = [];

    public List<PracticeCategory> Categories { get; private set; } = [];

    public List<KindOfHelp> Kinds { get; private set; } = [];

    public List<string> Languages { get; private set; } = [];

    /// <summary>An offer's regions served; empty for a need (its State's region applies).</summary>
    public List<RegionalGroup> Regions { get; private set; } = [];

    /// <summary>A need's preferred timing, as its State puts it ("first half of 2027").</summary>
    public string? Timing { get; private set; }

    public DateOnly? AvailableFrom { get; private set; }

    public DateOnly? AvailableUntil { get; private set; }

    public TlpLabel Visibility { get; private set; }

    public EntryStatus Status { get; private set; }

    public int? SourceReportId { get; private set; }

    public string? SourceActionKey { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public string LastSavedByUserId { get; private set; } = "";

    public string LastSavedByName { get; private set; } = "";

    public DateTimeOffset? PublishedAt { get; private set; }

    /// <summary>When the secretariat first introduced this item to a counterpart: the moment it was matched.</summary>
    public DateTimeOffset? MatchedAt { get; private set; }

    public DateTimeOffset? WithdrawnAt { get; private set; }

    public IReadOnlyList<CapacityEvent> Events => events;

    public bool IsOrganisations => OrganisationId is not null;

    public static CapacityItem Draft(
        CapacitySide side, string? stateIso3, int? organisationId, CapacityContent content, WorkflowActor actor, DateTimeOffset now, CapacitySource? source = null)
    {
        if ((stateIso3 is null) == (organisationId is null))
        {
            throw new DomainException(DomainMessages.CapacityOwnerRequired);
        }

        if (side == CapacitySide.Need && organisationId is not null)
        {
            throw new DomainException(DomainMessages.CapacityNeedIsAStates);
        }

        var item = new CapacityItem
        {
            Side = side,
            StateIso3 = stateIso3,
            OrganisationId = organisationId,
            Status = EntryStatus.Draft,
            CreatedAt = now,
            SourceReportId = source?.ReportId,
            SourceActionKey = source?.ActionKey,
        };
        if (!item.IsOwnedBy(actor))
        {
            throw new DomainException(DomainMessages.CapacityNotAPointOfContact);
        }

        item.Write(content, actor, now);
        return item;
    }

    /// <summary>Whether <paramref name="actor"/> speaks for this item's owner: its State's points of contact, or its organisation's.</summary>
    public bool IsOwnedBy(WorkflowActor actor) =>
        OrganisationId is { } organisation ? actor.RepresentsOrganisation(organisation) : actor.SpeaksFor(StateIso3);

    public void Edit(CapacityContent content, WorkflowActor actor, DateTimeOffset now)
    {
        if (!IsOwnedBy(actor))
        {
            throw new DomainException(DomainMessages.CapacityNotAPointOfContact);
        }

        if (Status != EntryStatus.Draft)
        {
            throw new DomainException(DomainMessages.CapacityEditOnlyDraft);
        }

        Write(content, actor, now);
    }

    /// <summary>Takes a workflow step, as <see cref="CapacityWorkflow"/> decides it; refused steps throw with the reason.</summary>
    public CapacityEvent Apply(WorkflowAction action, WorkflowActor actor, WorkflowContext context, DateTimeOffset now, string? reason = null)
    {
        var decision = CapacityWorkflow.Decide(this, action, actor, context, reason);
        if (!decision.IsAllowed)
        {
            throw new DomainException(decision.Why!);
        }

        var step = new CapacityEvent(action, Status, decision.To!.Value, actor, string.IsNullOrWhiteSpace(reason) ? null : reason.Trim(), now);
        Status = decision.To.Value;
        UpdatedAt = now;
        if (Status == EntryStatus.Published)
        {
            PublishedAt ??= now;
        }

        if (Status == EntryStatus.Withdrawn)
        {
            WithdrawnAt = now;
        }

        events.Add(step);
        return step;
    }

    /// <summary>The secretariat introduced this item to a counterpart; the first introduction is when it was matched.</summary>
    public void MarkMatched(DateTimeOffset now) => MatchedAt ??= now;

    /// <summary>The profile the matching compares; a need's region is <paramref name="stateRegion"/>.</summary>
    public CapacityProfile Profile(RegionalGroup? stateRegion) => new(
        Id,
        Side,
        Norms,
        ActionKeys,
        Categories,
        Kinds,
        Languages,
        Side == CapacitySide.Need ? (stateRegion is { } region ? [region] : []) : Regions);

    private void Write(CapacityContent content, WorkflowActor actor, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(content.Title))
        {
            throw new DomainException(DomainMessages.CapacityTitleRequired);
        }

        if (content.Norms.Count == 0 || content.Norms.Any(n => n is < 1 or > CyberNormPortal.Domain.Norms.Norm.Count))
        {
            throw new DomainException(DomainMessages.CapacityNormRequired);
        }

        if (content.Kinds.Count == 0)
        {
            throw new DomainException(DomainMessages.CapacityKindRequired);
        }

        if (content.Languages.Count == 0)
        {
            throw new DomainException(DomainMessages.CapacityLanguageRequired);
        }

        if (Side == CapacitySide.Offer && content.Regions.Count == 0)
        {
            throw new DomainException(DomainMessages.CapacityRegionRequired);
        }

        if (content.AvailableFrom is { } from && content.AvailableUntil is { } until && until < from)
        {
            throw new DomainException(DomainMessages.CapacityPeriodBackwards);
        }

        Title = content.Title.Trim();
        Description = content.Description.Trim();
        Norms = content.Norms.Distinct().Order().ToList();
        ActionKeys = content.ActionKeys.Where(k => !string.IsNullOrWhiteSpace(k)).Distinct().Order(StringComparer.Ordinal).ToList();
        Categories = content.Categories.Distinct().Order().ToList();
        Kinds = content.Kinds.Distinct().Order().ToList();
        Languages = content.Languages.Distinct().Order(StringComparer.Ordinal).ToList();
        Regions = Side == CapacitySide.Offer ? content.Regions.Distinct().Order().ToList() : [];
        Timing = Side == CapacitySide.Need && !string.IsNullOrWhiteSpace(content.Timing) ? content.Timing.Trim() : null;
        AvailableFrom = Side == CapacitySide.Offer ? content.AvailableFrom : null;
        AvailableUntil = Side == CapacitySide.Offer ? content.AvailableUntil : null;
        Visibility = content.Visibility;
        UpdatedAt = now;
        LastSavedByUserId = actor.UserId;
        LastSavedByName = actor.DisplayName;
    }
}

/// <summary>One workflow step of a need or offer: who, when, from which status to which, and the reason given.</summary>
public sealed class CapacityEvent
{
    private CapacityEvent()
    {
    }

    internal CapacityEvent(WorkflowAction action, EntryStatus from, EntryStatus to, WorkflowActor actor, string? reason, DateTimeOffset at)
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

    public int ItemId { get; private set; }

    public WorkflowAction Action { get; private set; }

    public EntryStatus FromStatus { get; private set; }

    public EntryStatus ToStatus { get; private set; }

    public string ActorUserId { get; private set; } = "";

    public string ActorName { get; private set; } = "";

    public string? Reason { get; private set; }

    public DateTimeOffset At { get; private set; }
}

using CyberNormPortal.Domain.Common;

namespace CyberNormPortal.Domain.Reports;

/// <summary>
/// One version of a cycle's questionnaire: its parts with their guidance and questions, and the checklist of practical
/// actions per norm. Once a State has started answering it, it is frozen: a change makes the next version
/// (<see cref="NextVersion"/>), so every report keeps the questions it was answered against. Parts, questions and
/// actions carry a key that stays the same across versions and cycles, which is how answers are carried forward
/// and compared between cycles.
/// </summary>
public sealed class Questionnaire
{
    private readonly List<QuestionnairePart> _parts = [];
    private readonly List<ChecklistAction> _actions = [];

    private Questionnaire()
    {
    }

    private Questionnaire(int cycleId, int version, DateTimeOffset createdAt)
    {
        CycleId = cycleId;
        Version = version;
        CreatedAt = createdAt;
    }

    public int Id { get; private set; }

    public int CycleId { get; private set; }

    /// <summary>1 for the first version of the cycle's questionnaire, then one more for each change after freezing.</summary>
    public int Version { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>When the first State started answering this version; null while it can still be edited.</summary>
    public DateTimeOffset? FrozenAt { get; private set; }

    public bool IsFrozen => FrozenAt is not null;

    public IReadOnlyCollection<QuestionnairePart> Parts => _parts;

    public IReadOnlyCollection<ChecklistAction> Actions => _actions;

    public IEnumerable<QuestionnairePart> OrderedParts => _parts.OrderBy(p => p.Position).ThenBy(p => p.Id);

    public IEnumerable<ChecklistAction> ActionsOf(int normNumber) =>
        _actions.Where(a => a.NormNumber == normNumber).OrderBy(a => a.Position).ThenBy(a => a.Id);

    /// <summary>An empty questionnaire with the four parts of the National Survey, titled in the moderator's words.</summary>
    public static Questionnaire CreateDefault(int cycleId, IReadOnlyDictionary<PartKind, string> titles, DateTimeOffset now)
    {
        var questionnaire = new Questionnaire(cycleId, 1, now);
        foreach (var kind in new[] { PartKind.InternationalLaw, PartKind.Norms, PartKind.ConfidenceBuilding, PartKind.CapacityBuilding })
        {
            questionnaire.AddPart(kind, titles[kind], guidance: "");
        }

        return questionnaire;
    }

    /// <summary>This questionnaire's content as the first version of another cycle's questionnaire, keys kept.</summary>
    public Questionnaire CopyFor(int cycleId, DateTimeOffset now) => CopyAs(cycleId, 1, now);

    /// <summary>The same content as the next version of this cycle's questionnaire, open for changes.</summary>
    public Questionnaire NextVersion(DateTimeOffset now) => CopyAs(CycleId, Version + 1, now);

    private Questionnaire CopyAs(int cycleId, int version, DateTimeOffset now)
    {
        var copy = new Questionnaire(cycleId, version, now);
        foreach (var part in OrderedParts)
        {
            copy._parts.Add(part.Copy());
        }

        foreach (var action in _actions.OrderBy(a => a.NormNumber).ThenBy(a => a.Position))
        {
            copy._actions.Add(action.Copy());
        }

        return copy;
    }

    /// <summary>A State started answering: from now on, changes make a new version.</summary>
    public void Freeze(DateTimeOffset now) => FrozenAt ??= now;

    public QuestionnairePart AddPart(PartKind kind, string title, string guidance)
    {
        EnsureOpen();
        if (kind == PartKind.Norms && _parts.Any(p => p.Kind == PartKind.Norms))
        {
            throw new DomainException(DomainMessages.QuestionnaireOneNormsPart);
        }

        var part = new QuestionnairePart(NewKey("p"), kind, _parts.Count == 0 ? 1 : _parts.Max(p => p.Position) + 1, title, guidance);
        _parts.Add(part);
        return part;
    }

    public void EditPart(string partKey, string title, string guidance)
    {
        EnsureOpen();
        Part(partKey).Edit(title, guidance);
    }

    public void RemovePart(string partKey)
    {
        EnsureOpen();
        var part = Part(partKey);
        if (part.Kind == PartKind.Norms)
        {
            _actions.Clear();
        }

        _parts.Remove(part);
    }

    public Question AddQuestion(string partKey, QuestionKind kind, string text, IReadOnlyList<string> options)
    {
        EnsureOpen();
        return Part(partKey).Add(NewKey("q"), kind, text, options);
    }

    public void EditQuestion(string questionKey, QuestionKind kind, string text, IReadOnlyList<string> options)
    {
        EnsureOpen();
        Question(questionKey).Edit(kind, text, options);
    }

    public void RemoveQuestion(string questionKey)
    {
        EnsureOpen();
        var question = Question(questionKey);
        _parts.Single(p => p.Questions.Contains(question)).Remove(question);
    }

    public ChecklistAction AddAction(int normNumber, string text, string source)
    {
        EnsureOpen();
        if (!_parts.Any(p => p.Kind == PartKind.Norms))
        {
            throw new DomainException(DomainMessages.QuestionnaireNoNormsPart);
        }

        var siblings = _actions.Where(a => a.NormNumber == normNumber).ToList();
        var action = new ChecklistAction(NewKey("a"), normNumber, siblings.Count == 0 ? 1 : siblings.Max(a => a.Position) + 1, text, source);
        _actions.Add(action);
        return action;
    }

    public void EditAction(string actionKey, string text, string source)
    {
        EnsureOpen();
        Action(actionKey).Edit(text, source);
    }

    public void RemoveAction(string actionKey)
    {
        EnsureOpen();
        _actions.Remove(Action(actionKey));
    }

    public QuestionnairePart Part(string partKey) =>
        _parts.SingleOrDefault(p => p.Key == partKey) ?? throw new DomainException(DomainMessages.QuestionnaireItemNotFound);

    public Question Question(string questionKey) =>
        _parts.SelectMany(p => p.Questions).SingleOrDefault(q => q.Key == questionKey)
        ?? throw new DomainException(DomainMessages.QuestionnaireItemNotFound);

    public ChecklistAction Action(string actionKey) =>
        _actions.SingleOrDefault(a => a.Key == actionKey) ?? throw new DomainException(DomainMessages.QuestionnaireItemNotFound);

    private void EnsureOpen()
    {
        if (IsFrozen)
        {
            throw new DomainException(DomainMessages.QuestionnaireFrozen);
        }
    }

    private static string NewKey(string prefix) => prefix + Guid.NewGuid().ToString("N")[..12];
}

/// <summary>One part of a questionnaire (International law, Norms, …): guidance in Markdown and its questions.</summary>
public sealed class QuestionnairePart
{
    private readonly List<Question> _questions = [];

    private QuestionnairePart()
    {
    }

    internal QuestionnairePart(string key, PartKind kind, int position, string title, string guidance)
    {
        Key = key;
        Kind = kind;
        Position = position;
        Edit(title, guidance);
    }

    public int Id { get; private set; }

    public int QuestionnaireId { get; private set; }

    public string Key { get; private set; } = "";

    public PartKind Kind { get; private set; }

    public int Position { get; private set; }

    public string Title { get; private set; } = "";

    /// <summary>Guidance for those who answer, in Markdown (rendered sanitised).</summary>
    public string Guidance { get; private set; } = "";

    public IReadOnlyCollection<Question> Questions => _questions;

    public IEnumerable<Question> OrderedQuestions => _questions.OrderBy(q => q.Position).ThenBy(q => q.Id);

    internal void Edit(string title, string guidance)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            throw new DomainException(DomainMessages.QuestionnaireTitleRequired);
        }

        Title = title.Trim();
        Guidance = guidance.Trim();
    }

    internal Question Add(string key, QuestionKind kind, string text, IReadOnlyList<string> options)
    {
        var question = new Question(key, _questions.Count == 0 ? 1 : _questions.Max(q => q.Position) + 1, kind, text, options);
        _questions.Add(question);
        return question;
    }

    internal void Remove(Question question) => _questions.Remove(question);

    internal QuestionnairePart Copy()
    {
        var copy = new QuestionnairePart(Key, Kind, Position, Title, Guidance);
        foreach (var question in OrderedQuestions)
        {
            copy._questions.Add(new Question(question.Key, question.Position, question.Kind, question.Text, question.Options));
        }

        return copy;
    }
}

/// <summary>One question of a part. Choice questions list their options; no answer is mandatory.</summary>
public sealed class Question
{
    private Question()
    {
    }

    internal Question(string key, int position, QuestionKind kind, string text, IReadOnlyList<string> options)
    {
        Key = key;
        Position = position;
        Edit(kind, text, options);
    }

    public int Id { get; private set; }

    public int PartId { get; private set; }

    public string Key { get; private set; } = "";

    public int Position { get; private set; }

    public QuestionKind Kind { get; private set; }

    public string Text { get; private set; } = "";

    /// <summary>The options of a single or multiple choice question; empty for the other kinds.</summary>
    public List<string> Options { get; private set; } = [];

    public bool IsChoice => Kind is QuestionKind.SingleChoice or QuestionKind.MultipleChoice;

    internal void Edit(QuestionKind kind, string text, IReadOnlyList<string> options)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new DomainException(DomainMessages.QuestionTextRequired);
        }

        var cleaned = options.Select(o => o.Trim()).Where(o => o.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        var isChoice = kind is QuestionKind.SingleChoice or QuestionKind.MultipleChoice;
        if (isChoice && cleaned.Count < 2)
        {
            throw new DomainException(DomainMessages.QuestionNeedsOptions);
        }

        Kind = kind;
        Text = text.Trim();
        Options = isChoice ? cleaned : [];
    }
}

/// <summary>One practical action of the checklist for a norm, with the document it comes from.</summary>
public sealed class ChecklistAction
{
    private ChecklistAction()
    {
    }

    internal ChecklistAction(string key, int normNumber, int position, string text, string source)
    {
        Key = key;
        NormNumber = normNumber;
        Position = position;
        Edit(text, source);
    }

    public int Id { get; private set; }

    public int QuestionnaireId { get; private set; }

    public string Key { get; private set; } = "";

    public int NormNumber { get; private set; }

    public int Position { get; private set; }

    public string Text { get; private set; } = "";

    /// <summary>Where the action comes from: a document symbol, or a note that it is illustrative.</summary>
    public string Source { get; private set; } = "";

    internal void Edit(string text, string source)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new DomainException(DomainMessages.ActionTextRequired);
        }

        if (string.IsNullOrWhiteSpace(source))
        {
            throw new DomainException(DomainMessages.ActionSourceRequired);
        }

        Text = text.Trim();
        Source = source.Trim();
    }

    internal ChecklistAction Copy() => new(Key, NormNumber, Position, Text, Source);
}

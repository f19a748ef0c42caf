namespace CyberNormPortal.Domain.Reports;

/// <summary>
/// The answer to one question, by the question's key. A choice question keeps the chosen options' text; a yes/no
/// question <see cref="Yes"/> with an explanation in <see cref="Text"/>; an entry-links question the entries' ids.
/// </summary>
public sealed record QuestionAnswer(string QuestionKey, IReadOnlyList<string> Choices, bool? Yes, string? Text, IReadOnlyList<int> EntryIds)
{
    public bool IsEmpty => Choices.Count == 0 && Yes is null && string.IsNullOrWhiteSpace(Text) && EntryIds.Count == 0;
}

/// <summary>A State's record for one checklist action, by the action's key.</summary>
public sealed record ActionAnswer(
    string ActionKey,
    ChecklistStatus? Status,
    string? Measures,
    IReadOnlyList<int> EntryIds,
    string? Challenges,
    string? CapacityNeeds)
{
    public bool IsEmpty =>
        Status is null && string.IsNullOrWhiteSpace(Measures) && EntryIds.Count == 0
        && string.IsNullOrWhiteSpace(Challenges) && string.IsNullOrWhiteSpace(CapacityNeeds);
}

/// <summary>Everything a State answered in one part. Empty answers are not kept.</summary>
public sealed record PartAnswers
{
    public static readonly PartAnswers Empty = new([], []);

    public PartAnswers(IEnumerable<QuestionAnswer> questions, IEnumerable<ActionAnswer> actions)
    {
        Questions = questions.Where(q => !q.IsEmpty).ToList();
        Actions = actions.Where(a => !a.IsEmpty).ToList();
    }

    public IReadOnlyList<QuestionAnswer> Questions { get; init; }

    public IReadOnlyList<ActionAnswer> Actions { get; init; }

    public bool IsEmpty => Questions.Count == 0 && Actions.Count == 0;

    public QuestionAnswer? For(Question question) => Questions.FirstOrDefault(q => q.QuestionKey == question.Key);

    public ActionAnswer? For(ChecklistAction action) => Actions.FirstOrDefault(a => a.ActionKey == action.Key);

    /// <summary>
    /// These answers, kept only where <paramref name="part"/> still asks the same question (by key; a choice only
    /// where the option is still offered) or lists the same action: what "start from our last report" carries.
    /// </summary>
    public PartAnswers CarriedTo(QuestionnairePart part, IEnumerable<ChecklistAction> actions)
    {
        var questions = part.Questions.ToDictionary(q => q.Key);
        var actionKeys = actions.Select(a => a.Key).ToHashSet(StringComparer.Ordinal);
        return new PartAnswers(
            Questions
                .Where(a => questions.ContainsKey(a.QuestionKey))
                .Select(a => a with { Choices = a.Choices.Where(questions[a.QuestionKey].Options.Contains).ToList() }),
            Actions.Where(a => actionKeys.Contains(a.ActionKey)));
    }

    public bool SameAs(PartAnswers other) =>
        Questions.Count == other.Questions.Count && Actions.Count == other.Actions.Count
        && Questions.Zip(other.Questions).All(p => Same(p.First, p.Second))
        && Actions.Zip(other.Actions).All(p => Same(p.First, p.Second));

    private static bool Same(QuestionAnswer a, QuestionAnswer b) =>
        a.QuestionKey == b.QuestionKey && a.Choices.SequenceEqual(b.Choices) && a.Yes == b.Yes && a.Text == b.Text
        && a.EntryIds.SequenceEqual(b.EntryIds);

    private static bool Same(ActionAnswer a, ActionAnswer b) =>
        a.ActionKey == b.ActionKey && a.Status == b.Status && a.Measures == b.Measures && a.EntryIds.SequenceEqual(b.EntryIds)
        && a.Challenges == b.Challenges && a.CapacityNeeds == b.CapacityNeeds;
}

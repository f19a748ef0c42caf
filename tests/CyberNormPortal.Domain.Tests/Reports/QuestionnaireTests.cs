using CyberNormPortal.Domain.Common;
using CyberNormPortal.Domain.Entries;
using CyberNormPortal.Domain.Reports;

namespace CyberNormPortal.Domain.Tests.Reports;

public sealed class QuestionnaireTests
{
    private const int CycleId = 7;
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    private static readonly Dictionary<PartKind, string> Titles = new()
    {
        [PartKind.InternationalLaw] = "International law",
        [PartKind.Norms] = "Norms",
        [PartKind.ConfidenceBuilding] = "Confidence-building measures",
        [PartKind.CapacityBuilding] = "Capacity-building",
    };

    private static readonly WorkflowActor Contributor = new("u1", "Contributor of Kenya", WorkflowRoles.Contributor, "KEN");

    /// <summary>A questionnaire with a question in the first part and an action for norm 3.</summary>
    private static (Questionnaire Questionnaire, QuestionnairePart Part, Question Question, ChecklistAction Action) Sample()
    {
        var questionnaire = Questionnaire.CreateDefault(CycleId, Titles, Now);
        var part = questionnaire.OrderedParts.First();
        var question = questionnaire.AddQuestion(part.Key, QuestionKind.SingleChoice, "Which?", ["One", "Two"]);
        var action = questionnaire.AddAction(3, "Have a channel for notifications.", "A/76/135");
        return (questionnaire, part, question, action);
    }

    [Fact]
    public void CreateDefault_HasTheFourPartsInOrder_OneForTheNorms()
    {
        var questionnaire = Questionnaire.CreateDefault(CycleId, Titles, Now);

        Assert.Equal(
            [PartKind.InternationalLaw, PartKind.Norms, PartKind.ConfidenceBuilding, PartKind.CapacityBuilding],
            questionnaire.OrderedParts.Select(p => p.Kind));
        Assert.Equal(Titles.Values, questionnaire.OrderedParts.Select(p => p.Title));
        Assert.Equal(1, questionnaire.Version);
        Assert.False(questionnaire.IsFrozen);
    }

    [Fact]
    public void Start_OfAReport_FreezesTheQuestionnaire_AndEveryChangeThenIsRefused()
    {
        var (questionnaire, part, question, action) = Sample();

        NationalReport.Start(CycleId, "KEN", questionnaire, Contributor, Now);

        Assert.True(questionnaire.IsFrozen);
        Assert.Equal(Now, questionnaire.FrozenAt);
        Action[] changes =
        [
            () => questionnaire.AddPart(PartKind.Other, "More", ""),
            () => questionnaire.EditPart(part.Key, "Renamed", "Guidance"),
            () => questionnaire.RemovePart(part.Key),
            () => questionnaire.AddQuestion(part.Key, QuestionKind.FreeText, "Why?", []),
            () => questionnaire.EditQuestion(question.Key, QuestionKind.FreeText, "Why not?", []),
            () => questionnaire.RemoveQuestion(question.Key),
            () => questionnaire.AddAction(4, "Another action.", "A/70/174"),
            () => questionnaire.EditAction(action.Key, "Changed.", "A/70/174"),
            () => questionnaire.RemoveAction(action.Key),
        ];
        foreach (var change in changes)
        {
            var refusal = Assert.Throws<DomainException>(change);
            Assert.Equal(DomainMessages.QuestionnaireFrozen, refusal.Message);
        }

        Assert.Equal("Which?", questionnaire.Question(question.Key).Text);
        Assert.Single(questionnaire.Actions);
    }

    [Fact]
    public void Freeze_Again_KeepsTheFirstDate()
    {
        var (questionnaire, _, _, _) = Sample();

        questionnaire.Freeze(Now);
        questionnaire.Freeze(Now.AddDays(3));

        Assert.Equal(Now, questionnaire.FrozenAt);
    }

    [Fact]
    public void NextVersion_OfAFrozenQuestionnaire_KeepsKeysAndContent_AndCanBeEdited()
    {
        var (questionnaire, part, question, action) = Sample();
        questionnaire.Freeze(Now);

        var next = questionnaire.NextVersion(Now.AddDays(1));

        Assert.Equal(2, next.Version);
        Assert.Equal(CycleId, next.CycleId);
        Assert.False(next.IsFrozen);
        Assert.Equal(questionnaire.OrderedParts.Select(p => (p.Key, p.Kind, p.Title)), next.OrderedParts.Select(p => (p.Key, p.Kind, p.Title)));
        Assert.Equal(["One", "Two"], next.Question(question.Key).Options);
        Assert.Equal(("Have a channel for notifications.", "A/76/135", 3), (next.Action(action.Key).Text, next.Action(action.Key).Source, next.Action(action.Key).NormNumber));

        next.EditQuestion(question.Key, QuestionKind.MultipleChoice, "Which ones?", ["One", "Two", "Three"]);
        next.EditPart(part.Key, "International law and its application", "");

        Assert.Equal("Which ones?", next.Question(question.Key).Text);
        Assert.Equal("Which?", questionnaire.Question(question.Key).Text);
        Assert.Equal("International law", questionnaire.Part(part.Key).Title);
    }

    [Fact]
    public void CopyFor_AnotherCycle_IsItsFirstVersion_WithTheSameKeys()
    {
        var (questionnaire, _, question, action) = Sample();
        questionnaire.Freeze(Now);

        var copy = questionnaire.CopyFor(CycleId + 1, Now.AddYears(1));

        Assert.Equal((CycleId + 1, 1, false), (copy.CycleId, copy.Version, copy.IsFrozen));
        Assert.Equal(questionnaire.OrderedParts.Select(p => p.Key), copy.OrderedParts.Select(p => p.Key));
        Assert.Equal(question.Key, copy.Question(question.Key).Key);
        Assert.Equal([action.Key], copy.Actions.Select(a => a.Key));
    }

    [Theory]
    [InlineData(QuestionKind.SingleChoice)]
    [InlineData(QuestionKind.MultipleChoice)]
    public void AddQuestion_AChoiceWithFewerThanTwoDistinctOptions_IsRefused(QuestionKind kind)
    {
        var (questionnaire, part, _, _) = Sample();

        var none = Assert.Throws<DomainException>(() => questionnaire.AddQuestion(part.Key, kind, "Which?", []));
        var one = Assert.Throws<DomainException>(() => questionnaire.AddQuestion(part.Key, kind, "Which?", ["Only", " Only ", ""]));

        Assert.Equal(DomainMessages.QuestionNeedsOptions, none.Message);
        Assert.Equal(DomainMessages.QuestionNeedsOptions, one.Message);
        Assert.Single(part.Questions);
    }

    [Fact]
    public void AddQuestion_NotAChoice_DropsOptions_AndAChoiceKeepsThemTrimmedAndDistinct()
    {
        var (questionnaire, part, _, _) = Sample();

        var free = questionnaire.AddQuestion(part.Key, QuestionKind.FreeText, "Why?", ["ignored", "too"]);
        var choice = questionnaire.AddQuestion(part.Key, QuestionKind.MultipleChoice, " Which? ", [" A ", "B", "A", ""]);

        Assert.Empty(free.Options);
        Assert.Equal(["A", "B"], choice.Options);
        Assert.Equal("Which?", choice.Text);
    }

    [Fact]
    public void AddQuestion_WithoutText_IsRefused()
    {
        var (questionnaire, part, _, _) = Sample();

        var refusal = Assert.Throws<DomainException>(() => questionnaire.AddQuestion(part.Key, QuestionKind.FreeText, "  ", []));

        Assert.Equal(DomainMessages.QuestionTextRequired, refusal.Message);
    }

    [Fact]
    public void AddPart_ASecondNormsPart_IsRefused()
    {
        var (questionnaire, _, _, _) = Sample();

        var refusal = Assert.Throws<DomainException>(() => questionnaire.AddPart(PartKind.Norms, "More norms", ""));

        Assert.Equal(DomainMessages.QuestionnaireOneNormsPart, refusal.Message);
        Assert.Single(questionnaire.Parts, p => p.Kind == PartKind.Norms);
    }

    [Fact]
    public void AddPart_WithoutTitle_IsRefused()
    {
        var (questionnaire, _, _, _) = Sample();

        var refusal = Assert.Throws<DomainException>(() => questionnaire.AddPart(PartKind.Other, " ", ""));

        Assert.Equal(DomainMessages.QuestionnaireTitleRequired, refusal.Message);
    }

    [Fact]
    public void AddAction_WithoutANormsPart_IsRefused_AndRemovingTheNormsPartRemovesItsActions()
    {
        var (questionnaire, _, _, _) = Sample();
        var norms = questionnaire.OrderedParts.Single(p => p.Kind == PartKind.Norms);

        questionnaire.RemovePart(norms.Key);
        var refusal = Assert.Throws<DomainException>(() => questionnaire.AddAction(1, "An action.", "A/70/174"));

        Assert.Empty(questionnaire.Actions);
        Assert.Equal(DomainMessages.QuestionnaireNoNormsPart, refusal.Message);
    }

    [Theory]
    [InlineData("", "A/70/174", DomainMessages.ActionTextRequired)]
    [InlineData("An action.", " ", DomainMessages.ActionSourceRequired)]
    public void AddAction_WithoutTextOrSource_IsRefused(string text, string source, string message)
    {
        var (questionnaire, _, _, action) = Sample();

        var added = Assert.Throws<DomainException>(() => questionnaire.AddAction(1, text, source));
        var edited = Assert.Throws<DomainException>(() => questionnaire.EditAction(action.Key, text, source));

        Assert.Equal(message, added.Message);
        Assert.Equal(message, edited.Message);
        Assert.Equal("A/76/135", questionnaire.Action(action.Key).Source);
    }

    [Fact]
    public void Change_OfAnItemNotInTheQuestionnaire_IsRefused()
    {
        var (questionnaire, _, _, _) = Sample();

        var refusal = Assert.Throws<DomainException>(() => questionnaire.RemoveQuestion("q-unknown"));

        Assert.Equal(DomainMessages.QuestionnaireItemNotFound, refusal.Message);
    }
}

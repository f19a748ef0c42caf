using CyberNormPortal.Domain.Common;
using CyberNormPortal.Domain.Entries;
using CyberNormPortal.Domain.Reports;

namespace CyberNormPortal.Domain.Tests.Reports;

public sealed class QuestionnaireTests
{
    private static readonly WorkflowActor Kenya = new("kenya-1", "Wanjiru", WorkflowRoles.Contributor, "KEN");

    public static TheoryData<string> EveryChange() =>
    [
        "add part", "edit part", "remove part", "add question", "edit question", "remove question", "add action", "edit action", "remove action",
    ];

    [Theory]
    [MemberData(nameof(EveryChange))]
    public void OnceAStateStartsAnswering_EveryChangeIsRefused_AndTheQuestionnaireIsUnchanged(string change)
    {
        var questionnaire = Questionnaires.Sample();
        var before = Shape(questionnaire);
        NationalReport.Start(1, "KEN", questionnaire, Kenya, Questionnaires.Created.AddDays(1));

        Assert.True(questionnaire.IsFrozen);
        var error = Assert.Throws<DomainException>(() => Change(questionnaire, change));
        Assert.Equal(DomainMessages.QuestionnaireFrozen, error.Message);
        Assert.Equal(before, Shape(questionnaire));
    }

    [Theory]
    [MemberData(nameof(EveryChange))]
    public void BeforeAnyoneAnswers_EveryChangeIsAllowed(string change)
    {
        var questionnaire = Questionnaires.Sample();
        var before = Shape(questionnaire);
        Change(questionnaire, change);
        Assert.NotEqual(before, Shape(questionnaire));
    }

    [Fact]
    public void NextVersion_KeepsEveryKey_IsOpen_AndLeavesTheFrozenOneAsItWas()
    {
        var questionnaire = Questionnaires.Sample();
        questionnaire.Freeze(Questionnaires.Created);
        var next = questionnaire.NextVersion(Questionnaires.Created.AddDays(2));

        Assert.Equal(2, next.Version);
        Assert.False(next.IsFrozen);
        Assert.Equal(Keys(questionnaire), Keys(next));
        next.AddQuestion(Questionnaires.Part(next, PartKind.CapacityBuilding), QuestionKind.FreeText, "What do you need?", []);
        Assert.NotEqual(Shape(questionnaire), Shape(next));
    }

    [Fact]
    public void CopyForAnotherCycle_KeepsTheKeys_SoAnswersCarryForward()
    {
        var earlier = Questionnaires.Sample();
        var report = NationalReport.Start(1, "KEN", earlier, Kenya, Questionnaires.Created);
        var norms = Questionnaires.Part(earlier, PartKind.Norms);
        var actions = earlier.ActionsOf(8).ToList();
        report.SavePart(norms, new PartAnswers([], [new ActionAnswer(actions[0].Key, ChecklistStatus.Implemented, "Directory kept.", [], null, null), new ActionAnswer(actions[1].Key, ChecklistStatus.InProgress, null, [], null, null)]), TlpLabel.Clear, Kenya, Questionnaires.Created);

        var later = earlier.CopyFor(2, Questionnaires.Created.AddYears(1));
        later.RemoveAction(actions[1].Key);
        var next = NationalReport.Start(2, "KEN", later, Kenya, Questionnaires.Created.AddYears(1), previous: report);

        Assert.Equal(1, later.Version);
        Assert.Equal(2, later.CycleId);
        var carried = Assert.Single(next.Part(norms).Answers.Actions);
        Assert.Equal((actions[0].Key, ChecklistStatus.Implemented, "Directory kept."), (carried.ActionKey, carried.Status, carried.Measures));
        Assert.Equal(report.Id, next.CopiedFromReportId);
    }

    [Fact]
    public void ChoiceQuestions_NeedTwoOptions_AndTextIsRequired()
    {
        var questionnaire = Questionnaires.Sample();
        var part = Questionnaires.Part(questionnaire, PartKind.ConfidenceBuilding);
        Assert.Equal(DomainMessages.QuestionNeedsOptions, Assert.Throws<DomainException>(() => questionnaire.AddQuestion(part, QuestionKind.MultipleChoice, "Which?", ["Only one", " "])).Message);
        Assert.Equal(DomainMessages.QuestionTextRequired, Assert.Throws<DomainException>(() => questionnaire.AddQuestion(part, QuestionKind.FreeText, "  ", [])).Message);
        var free = questionnaire.AddQuestion(part, QuestionKind.FreeText, "Explain.", ["ignored", "options"]);
        Assert.Empty(free.Options);
    }

    [Fact]
    public void Actions_NeedTextSourceAndANormsPart_AndThereIsOneNormsPart()
    {
        var questionnaire = Questionnaires.Sample();
        Assert.Equal(DomainMessages.ActionSourceRequired, Assert.Throws<DomainException>(() => questionnaire.AddAction(3, "Legislation.", "")).Message);
        Assert.Equal(DomainMessages.ActionTextRequired, Assert.Throws<DomainException>(() => questionnaire.AddAction(3, "", "A/70/174")).Message);
        Assert.Equal(DomainMessages.QuestionnaireOneNormsPart, Assert.Throws<DomainException>(() => questionnaire.AddPart(PartKind.Norms, "Norms again", "")).Message);

        questionnaire.RemovePart(Questionnaires.Part(questionnaire, PartKind.Norms));
        Assert.Empty(questionnaire.Actions);
        Assert.Equal(DomainMessages.QuestionnaireNoNormsPart, Assert.Throws<DomainException>(() => questionnaire.AddAction(3, "Legislation.", "A/70/174")).Message);
    }

    private static void Change(Questionnaire q, string change)
    {
        var law = Questionnaires.Part(q, PartKind.InternationalLaw);
        var question = q.Part(law).OrderedQuestions.First().Key;
        var action = q.ActionsOf(8).First().Key;
        switch (change)
        {
            case "add part": q.AddPart(PartKind.Other, "Views", ""); break;
            case "edit part": q.EditPart(law, "International law (revised)", "New guidance"); break;
            case "remove part": q.RemovePart(law); break;
            case "add question": q.AddQuestion(law, QuestionKind.FreeText, "More?", []); break;
            case "edit question": q.EditQuestion(question, QuestionKind.FreeText, "Reworded?", []); break;
            case "remove question": q.RemoveQuestion(question); break;
            case "add action": q.AddAction(3, "Legislation against misuse.", "A/70/174"); break;
            case "edit action": q.EditAction(action, "Keep it current.", "A/70/174 13(h)"); break;
            case "remove action": q.RemoveAction(action); break;
            default: throw new ArgumentOutOfRangeException(nameof(change), change, null);
        }
    }

    private static string Keys(Questionnaire q) =>
        string.Join(",", q.OrderedParts.Select(p => p.Key).Concat(q.OrderedParts.SelectMany(p => p.OrderedQuestions).Select(x => x.Key)).Concat(q.Actions.Select(a => a.Key)));

    private static string Shape(Questionnaire q) =>
        string.Join("|", q.OrderedParts.Select(p => $"{p.Key}:{p.Title}:{p.Guidance}:" + string.Join(";", p.OrderedQuestions.Select(x => $"{x.Key}:{x.Kind}:{x.Text}"))))
        + "#" + string.Join("|", q.Actions.OrderBy(a => a.Key).Select(a => $"{a.Key}:{a.NormNumber}:{a.Text}:{a.Source}"));
}

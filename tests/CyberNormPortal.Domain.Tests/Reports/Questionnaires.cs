using CyberNormPortal.Domain.Reports;

namespace CyberNormPortal.Domain.Tests.Reports;

/// <summary>A small questionnaire of cycle 1: the four parts, a question of each kind, two actions for norm 8.</summary>
internal static class Questionnaires
{
    public static readonly DateTimeOffset Created = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    public static Questionnaire Sample()
    {
        var questionnaire = Questionnaire.CreateDefault(1, new Dictionary<PartKind, string>
        {
            [PartKind.InternationalLaw] = "International law",
            [PartKind.Norms] = "Norms",
            [PartKind.ConfidenceBuilding] = "Confidence-building measures",
            [PartKind.CapacityBuilding] = "Capacity-building",
        }, Created);
        var law = Part(questionnaire, PartKind.InternationalLaw);
        questionnaire.AddQuestion(law, QuestionKind.YesNo, "Has your State published a position?", []);
        questionnaire.AddQuestion(law, QuestionKind.SingleChoice, "Which?", ["One", "Two"]);
        questionnaire.AddAction(8, "Keep a directory of points of contact.", "A/70/174 13(h)");
        questionnaire.AddAction(8, "Answer requests for assistance in time.", "A/70/174 13(h)");
        return questionnaire;
    }

    public static string Part(Questionnaire questionnaire, PartKind kind) => questionnaire.OrderedParts.Single(p => p.Kind == kind).Key;
}

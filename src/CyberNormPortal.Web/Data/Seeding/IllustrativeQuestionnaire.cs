using CyberNormPortal.Domain.Reports;

namespace CyberNormPortal.Web.Data.Seeding;

/// <summary>
/// A questionnaire to try the portal with, in development (and in tests): the four parts of the UNIDIR National
/// Survey with a few questions of each kind, and two practical actions per norm. The actions are written for the
/// portal and say so in their source: the portal does not hold the text of the OEWG or ASEAN checklists, and
/// production starts with no checklist at all (the secretariat enters it for a cycle).
/// </summary>
public static class IllustrativeQuestionnaire
{
    public const string Source = "Illustrative (development data), after A/70/174 para 13";

    public static Questionnaire Build(int cycleId, DateTimeOffset now)
    {
        var questionnaire = Questionnaire.CreateDefault(cycleId, new Dictionary<PartKind, string>
        {
            [PartKind.InternationalLaw] = "International law",
            [PartKind.Norms] = "Norms of responsible State behaviour",
            [PartKind.ConfidenceBuilding] = "Confidence-building measures",
            [PartKind.CapacityBuilding] = "Capacity-building",
        }, now);
        var parts = questionnaire.OrderedParts.ToDictionary(p => p.Kind, p => p.Key);

        questionnaire.EditPart(parts[PartKind.InternationalLaw], "International law",
            "How international law applies to the use of ICTs by States. See the 2015 GGE report (A/70/174), **paras 24–29**.");
        questionnaire.AddQuestion(parts[PartKind.InternationalLaw], QuestionKind.YesNo,
            "Has your State published a national position on how international law applies in cyberspace?", []);
        questionnaire.AddQuestion(parts[PartKind.InternationalLaw], QuestionKind.FreeText,
            "Which challenges does your State meet in applying international law to the use of ICTs?", []);

        questionnaire.EditPart(parts[PartKind.Norms], "Norms of responsible State behaviour",
            "For each norm, say where your State stands on each practical action, what it has done, what stands in its way and what it needs.");
        questionnaire.AddQuestion(parts[PartKind.Norms], QuestionKind.EntryLinks,
            "Which of your published entries describe how your State implements the norms?", []);

        questionnaire.EditPart(parts[PartKind.ConfidenceBuilding], "Confidence-building measures",
            "Confidence-building measures in the use of ICTs, such as points of contact and regional cooperation.");
        questionnaire.AddQuestion(parts[PartKind.ConfidenceBuilding], QuestionKind.SingleChoice,
            "Has your State nominated its points of contact to the UN Global Intergovernmental Points of Contact Directory?",
            ["Diplomatic and technical", "Diplomatic only", "Technical only", "Not yet"]);
        questionnaire.AddQuestion(parts[PartKind.ConfidenceBuilding], QuestionKind.MultipleChoice,
            "In which regional confidence-building frameworks does your State take part?",
            ["ASEAN Regional Forum", "OAS", "OSCE", "African Union", "Other"]);

        questionnaire.EditPart(parts[PartKind.CapacityBuilding], "Capacity-building",
            "What your State offers and what it needs to implement the framework.");
        questionnaire.AddQuestion(parts[PartKind.CapacityBuilding], QuestionKind.MultipleChoice,
            "In which areas would your State welcome capacity-building support?",
            ["National CERT/CSIRT", "Legislation", "Incident response", "Training", "Vulnerability disclosure"]);
        questionnaire.AddQuestion(parts[PartKind.CapacityBuilding], QuestionKind.FreeText,
            "Which capacity-building programmes does your State offer to others?", []);

        foreach (var (norm, first, second) in Actions)
        {
            questionnaire.AddAction(norm, first, $"{Source}({(char)('a' + norm - 1)})");
            questionnaire.AddAction(norm, second, $"{Source}({(char)('a' + norm - 1)})");
        }

        return questionnaire;
    }

    private static readonly (int Norm, string First, string Second)[] Actions =
    [
        (1, "Take part in regional or international exercises on cooperation in ICT security.", "Share national approaches to stability in the use of ICTs."),
        (2, "Have a national process to assess the origin of ICT incidents.", "Consider the wider context before responding to an ICT incident."),
        (3, "Have legislation that lets the State act against misuse of its territory for ICT attacks.", "Have a channel to receive and act on notifications from other States."),
        (4, "Have a national point of contact for cooperation on ICT crime and terrorism.", "Take part in international cooperation on cybercrime."),
        (5, "Have human-rights safeguards in laws on ICT security.", "Publish how the State protects privacy in the digital age."),
        (6, "Identify and protect national critical infrastructure.", "Refrain from ICT activity that damages critical infrastructure of other States."),
        (7, "Have a national body that coordinates the protection of critical infrastructure.", "Have a national cyber security strategy that covers critical infrastructure."),
        (8, "Keep an up-to-date directory of counterparts' points of contact.", "Have a procedure to answer requests for assistance within set times."),
        (9, "Have rules for the integrity of the ICT supply chain.", "Take part in work on supply-chain security standards."),
        (10, "Have a coordinated vulnerability disclosure policy.", "Share information on vulnerabilities and remedies with other States."),
        (11, "Keep emergency response teams out of malicious ICT activity.", "Protect the authorised work of CERTs and CSIRTs."),
    ];
}

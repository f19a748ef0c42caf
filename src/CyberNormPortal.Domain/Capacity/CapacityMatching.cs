using CyberNormPortal.Domain.Entries;
using CyberNormPortal.Domain.States;

namespace CyberNormPortal.Domain.Capacity;

/// <summary>What the matching compares of a need or an offer. A need's regions are its State's; an offer's, those it serves.</summary>
public sealed record CapacityProfile(
    int Id,
    CapacitySide Side,
    IReadOnlyCollection<int> Norms,
    IReadOnlyCollection<string> ActionKeys,
    IReadOnlyCollection<PracticeCategory> Categories,
    IReadOnlyCollection<KindOfHelp> Kinds,
    IReadOnlyCollection<string> Languages,
    IReadOnlyCollection<RegionalGroup> Regions);

/// <summary>Why two items were matched, one fact at a time; pages put it into words in the reader's language.</summary>
public enum MatchReasonKind
{
    /// <summary>Value: the norm's number ("10", shown as 13(j)).</summary>
    SameNorm,

    /// <summary>Value: the checklist action's key.</summary>
    SameAction,

    /// <summary>Value: the <see cref="KindOfHelp"/>'s name.</summary>
    SameKindOfHelp,

    /// <summary>Value: the <see cref="PracticeCategory"/>'s name.</summary>
    SameCategory,

    /// <summary>Value: the language's culture name ("fr").</summary>
    SameLanguage,

    /// <summary>Value: the <see cref="RegionalGroup"/>'s name: the offer serves the need's region.</summary>
    RegionServed,
}

public sealed record MatchReason(MatchReasonKind Kind, string Value);

/// <summary>A counterpart suggested for an item: its id, its score, and every reason that made the score.</summary>
public sealed record MatchSuggestion(int CounterpartId, int Score, IReadOnlyList<MatchReason> Reasons);

/// <summary>
/// The one rule that suggests offers for a need and needs for an offer (docs/decisions/0017-capacity-building.md).
/// Each shared fact scores its weight; a counterpart must share a norm to be suggested at all. Higher scores come
/// first, ties by the lower id, so the same data always gives the same list, and every point of the score is a
/// reason shown to the reader.
/// </summary>
public static class CapacityMatching
{
    public const int NormWeight = 4;
    public const int ActionWeight = 3;
    public const int KindWeight = 2;
    public const int CategoryWeight = 1;
    public const int LanguageWeight = 2;
    public const int RegionWeight = 2;

    /// <summary>How many suggestions an item's page lists.</summary>
    public const int SuggestionsShown = 10;

    /// <summary>The score and reasons of a need and an offer, or null where they share no norm.</summary>
    public static MatchSuggestion? Compare(CapacityProfile subject, CapacityProfile counterpart)
    {
        var (need, offer) = subject.Side == CapacitySide.Need ? (subject, counterpart) : (counterpart, subject);
        if (need.Side != CapacitySide.Need || offer.Side != CapacitySide.Offer)
        {
            return null;
        }

        var reasons = new List<MatchReason>();
        reasons.AddRange(need.Norms.Intersect(offer.Norms).Order().Select(n => new MatchReason(MatchReasonKind.SameNorm, n.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        if (reasons.Count == 0)
        {
            return null;
        }

        reasons.AddRange(need.ActionKeys.Intersect(offer.ActionKeys, StringComparer.Ordinal).Order(StringComparer.Ordinal).Select(k => new MatchReason(MatchReasonKind.SameAction, k)));
        reasons.AddRange(need.Kinds.Intersect(offer.Kinds).Order().Select(k => new MatchReason(MatchReasonKind.SameKindOfHelp, k.ToString())));
        reasons.AddRange(need.Categories.Intersect(offer.Categories).Order().Select(c => new MatchReason(MatchReasonKind.SameCategory, c.ToString())));
        reasons.AddRange(need.Languages.Intersect(offer.Languages, StringComparer.Ordinal).Order(StringComparer.Ordinal).Select(l => new MatchReason(MatchReasonKind.SameLanguage, l)));
        reasons.AddRange(need.Regions.Intersect(offer.Regions).Order().Select(r => new MatchReason(MatchReasonKind.RegionServed, r.ToString())));
        return new MatchSuggestion(counterpart.Id, reasons.Sum(r => WeightOf(r.Kind)), reasons);
    }

    /// <summary>The counterparts worth suggesting for <paramref name="subject"/>, best first, at most <paramref name="max"/>.</summary>
    public static IReadOnlyList<MatchSuggestion> Suggest(CapacityProfile subject, IEnumerable<CapacityProfile> counterparts, int max = SuggestionsShown) =>
        counterparts
            .Select(c => Compare(subject, c))
            .OfType<MatchSuggestion>()
            .OrderByDescending(s => s.Score)
            .ThenBy(s => s.CounterpartId)
            .Take(max)
            .ToList();

    public static int WeightOf(MatchReasonKind kind) => kind switch
    {
        MatchReasonKind.SameNorm => NormWeight,
        MatchReasonKind.SameAction => ActionWeight,
        MatchReasonKind.SameKindOfHelp => KindWeight,
        MatchReasonKind.SameCategory => CategoryWeight,
        MatchReasonKind.SameLanguage => LanguageWeight,
        MatchReasonKind.RegionServed => RegionWeight,
        _ => 0,
    };
}

using CyberNormPortal.Domain.Capacity;
using CyberNormPortal.Domain.Entries;
using CyberNormPortal.Domain.States;

namespace CyberNormPortal.Domain.Tests.Capacity;

/// <summary>The one matching rule: scores from the weights, every point a reason, in a fixed order.</summary>
public sealed class CapacityMatchingTests
{
    private static readonly CapacityProfile Need = new(
        1,
        CapacitySide.Need,
        [10, 3],
        ["norm-3-b", "norm-3-a", "norm-10-a"],
        [PracticeCategory.Awareness, PracticeCategory.CapacityBuilding],
        [KindOfHelp.Mentoring, KindOfHelp.Training],
        ["fr", "en"],
        [RegionalGroup.African]);

    private static readonly CapacityProfile Offer = new(
        2,
        CapacitySide.Offer,
        [5, 10, 3],
        ["norm-3-b", "norm-3-a", "norm-5-a"],
        [PracticeCategory.Awareness, PracticeCategory.NationalStrategy],
        [KindOfHelp.Training, KindOfHelp.Equipment, KindOfHelp.Mentoring],
        ["es", "en", "fr"],
        [RegionalGroup.AsiaPacific, RegionalGroup.African]);

    [Fact]
    public void Compare_ScoresEverySharedFactByItsWeight_AndListsTheReasonsInOrder()
    {
        var suggestion = CapacityMatching.Compare(Need, Offer);

        Assert.NotNull(suggestion);
        Assert.Equal(Offer.Id, suggestion.CounterpartId);
        Assert.Equal(
            new[]
            {
                new MatchReason(MatchReasonKind.SameNorm, "3"),
                new MatchReason(MatchReasonKind.SameNorm, "10"),
                new MatchReason(MatchReasonKind.SameAction, "norm-3-a"),
                new MatchReason(MatchReasonKind.SameAction, "norm-3-b"),
                new MatchReason(MatchReasonKind.SameKindOfHelp, nameof(KindOfHelp.Training)),
                new MatchReason(MatchReasonKind.SameKindOfHelp, nameof(KindOfHelp.Mentoring)),
                new MatchReason(MatchReasonKind.SameCategory, nameof(PracticeCategory.Awareness)),
                new MatchReason(MatchReasonKind.SameLanguage, "en"),
                new MatchReason(MatchReasonKind.SameLanguage, "fr"),
                new MatchReason(MatchReasonKind.RegionServed, nameof(RegionalGroup.African)),
            },
            suggestion.Reasons);
        Assert.Equal(
            (2 * CapacityMatching.NormWeight) + (2 * CapacityMatching.ActionWeight) + (2 * CapacityMatching.KindWeight)
                + CapacityMatching.CategoryWeight + (2 * CapacityMatching.LanguageWeight) + CapacityMatching.RegionWeight,
            suggestion.Score);
        Assert.Equal(suggestion.Reasons.Sum(r => CapacityMatching.WeightOf(r.Kind)), suggestion.Score);
    }

    [Fact]
    public void Compare_FromTheOffersSide_GivesTheSameScoreAndReasons_AboutTheNeed()
    {
        var fromNeed = CapacityMatching.Compare(Need, Offer)!;
        var fromOffer = CapacityMatching.Compare(Offer, Need)!;

        Assert.Equal(Need.Id, fromOffer.CounterpartId);
        Assert.Equal(fromNeed.Score, fromOffer.Score);
        Assert.Equal(fromNeed.Reasons, fromOffer.Reasons);
    }

    [Fact]
    public void Compare_WithOnlyANormShared_ScoresTheNormWeight()
    {
        var offer = Profile(3, CapacitySide.Offer, norms: [10]);
        var need = Profile(4, CapacitySide.Need, norms: [10, 2]);

        var suggestion = CapacityMatching.Compare(need, offer)!;

        Assert.Equal(CapacityMatching.NormWeight, suggestion.Score);
        Assert.Equal(new MatchReason(MatchReasonKind.SameNorm, "10"), Assert.Single(suggestion.Reasons));
    }

    [Fact]
    public void Compare_WithoutASharedNorm_SuggestsNothing_HoweverMuchElseIsShared()
    {
        var offer = Offer with { Norms = [1, 2, 5] };
        Assert.Null(CapacityMatching.Compare(Need, offer));
        Assert.Null(CapacityMatching.Compare(offer, Need));
        Assert.Null(CapacityMatching.Compare(Need, Offer with { Norms = [] }));
    }

    [Fact]
    public void Compare_TwoNeedsOrTwoOffers_IsNull()
    {
        Assert.Null(CapacityMatching.Compare(Need, Need with { Id = 9 }));
        Assert.Null(CapacityMatching.Compare(Offer, Offer with { Id = 9 }));
    }

    [Fact]
    public void Compare_ANeedWhoseRegionTheOfferDoesNotServe_HasNoRegionReason()
    {
        var suggestion = CapacityMatching.Compare(Need with { Regions = [RegionalGroup.EasternEuropean] }, Offer)!;
        Assert.DoesNotContain(suggestion.Reasons, r => r.Kind == MatchReasonKind.RegionServed);
        Assert.Equal(CapacityMatching.Compare(Need, Offer)!.Score - CapacityMatching.RegionWeight, suggestion.Score);
    }

    [Fact]
    public void Suggest_OrdersByScore_ThenByTheLowerId_AndLeavesOutCounterpartsWithoutASharedNorm()
    {
        var need = Profile(1, CapacitySide.Need, norms: [3], kinds: [KindOfHelp.Training], languages: ["fr"]);
        var offers = new[]
        {
            Profile(40, CapacitySide.Offer, norms: [3]),
            Profile(30, CapacitySide.Offer, norms: [3], kinds: [KindOfHelp.Training]),
            Profile(20, CapacitySide.Offer, norms: [3], languages: ["fr"]),
            Profile(10, CapacitySide.Offer, norms: [4], kinds: [KindOfHelp.Training], languages: ["fr"]),
            Profile(50, CapacitySide.Offer, norms: [3], kinds: [KindOfHelp.Training], languages: ["fr"]),
            Profile(5, CapacitySide.Need, norms: [3], kinds: [KindOfHelp.Training], languages: ["fr"]),
        };

        var suggestions = CapacityMatching.Suggest(need, offers);

        Assert.Equal(new[] { 50, 20, 30, 40 }, suggestions.Select(s => s.CounterpartId));
        Assert.Equal(
            new[]
            {
                CapacityMatching.NormWeight + CapacityMatching.KindWeight + CapacityMatching.LanguageWeight,
                CapacityMatching.NormWeight + CapacityMatching.LanguageWeight,
                CapacityMatching.NormWeight + CapacityMatching.KindWeight,
                CapacityMatching.NormWeight,
            },
            suggestions.Select(s => s.Score));
    }

    [Fact]
    public void Suggest_IsDeterministicUnderShuffledInput_AndRespectsMax()
    {
        var offers = Enumerable.Range(1, 30)
            .Select(id => Profile(id, CapacitySide.Offer, norms: [3], kinds: id % 3 == 0 ? [KindOfHelp.Training] : [], languages: id % 2 == 0 ? ["fr"] : []))
            .ToList();
        var need = Profile(100, CapacitySide.Need, norms: [3], kinds: [KindOfHelp.Training], languages: ["fr"]);

        var expected = CapacityMatching.Suggest(need, offers, max: 30);
        Assert.Equal(30, expected.Count);
        var random = new Random(14);
        for (var round = 0; round < 20; round++)
        {
            var shuffled = offers.OrderBy(_ => random.Next()).ToList();
            var suggestions = CapacityMatching.Suggest(need, shuffled, max: 30);
            Assert.Equal(expected.Select(s => (s.CounterpartId, s.Score)), suggestions.Select(s => (s.CounterpartId, s.Score)));
            Assert.Equal(expected.Take(7).Select(s => s.CounterpartId), CapacityMatching.Suggest(need, shuffled, max: 7).Select(s => s.CounterpartId));
        }

        Assert.Equal(new[] { 6, 12, 18, 24, 30 }, expected.Take(5).Select(s => s.CounterpartId));
        Assert.Equal(CapacityMatching.SuggestionsShown, CapacityMatching.Suggest(need, offers).Count);
        Assert.Empty(CapacityMatching.Suggest(need, offers, max: 0));
        Assert.Empty(CapacityMatching.Suggest(need, []));
    }

    [Fact]
    public void Suggest_ForAnOffer_ListsNeeds()
    {
        var needs = new[]
        {
            Profile(7, CapacitySide.Need, norms: [10]),
            Profile(8, CapacitySide.Need, norms: [3, 10]),
            Profile(9, CapacitySide.Offer, norms: [3, 10]),
        };

        var suggestions = CapacityMatching.Suggest(Profile(1, CapacitySide.Offer, norms: [3, 10]), needs);

        Assert.Equal(new[] { (8, 2 * CapacityMatching.NormWeight), (7, CapacityMatching.NormWeight) }, suggestions.Select(s => (s.CounterpartId, s.Score)));
    }

    [Fact]
    public void ANeedsRegion_IsItsStates_ThroughItsProfile()
    {
        var actor = new WorkflowActor("kenya-1", "Wanjiru", WorkflowRoles.Contributor, "KEN");
        var content = CapacityWorkflowTests.Content(CapacitySide.Need) with { Regions = [RegionalGroup.EasternEuropean] };
        var need = CapacityItem.Draft(CapacitySide.Need, "KEN", null, content, actor, DateTimeOffset.UnixEpoch);

        Assert.Equal(new[] { RegionalGroup.African }, need.Profile(RegionalGroup.African).Regions);
        Assert.Empty(need.Profile(null).Regions);

        var offerContent = CapacityWorkflowTests.Content(CapacitySide.Offer) with { Regions = [RegionalGroup.African, RegionalGroup.AsiaPacific] };
        var offer = CapacityItem.Draft(CapacitySide.Offer, "KEN", null, offerContent, actor, DateTimeOffset.UnixEpoch);
        Assert.Equal(new[] { RegionalGroup.African, RegionalGroup.AsiaPacific }, offer.Profile(RegionalGroup.EasternEuropean).Regions);

        var served = CapacityMatching.Compare(need.Profile(RegionalGroup.African), offer.Profile(null))!;
        Assert.Contains(new MatchReason(MatchReasonKind.RegionServed, nameof(RegionalGroup.African)), served.Reasons);
        var notServed = CapacityMatching.Compare(need.Profile(RegionalGroup.EasternEuropean), offer.Profile(null))!;
        Assert.DoesNotContain(notServed.Reasons, r => r.Kind == MatchReasonKind.RegionServed);
    }

    [Fact]
    public void AnItemsProfile_CarriesWhatItSays()
    {
        var actor = new WorkflowActor("kenya-1", "Wanjiru", WorkflowRoles.Contributor, "KEN");
        var content = CapacityWorkflowTests.Content(CapacitySide.Need) with { ActionKeys = ["norm-3-a"], Languages = ["fr", "en"] };
        var profile = CapacityItem.Draft(CapacitySide.Need, "KEN", null, content, actor, DateTimeOffset.UnixEpoch).Profile(RegionalGroup.African);

        Assert.Equal(CapacitySide.Need, profile.Side);
        Assert.Equal(new[] { 3, 10 }, profile.Norms);
        Assert.Equal(new[] { "norm-3-a" }, profile.ActionKeys);
        Assert.Equal(new[] { PracticeCategory.InstitutionsAndCerts }, profile.Categories);
        Assert.Equal(new[] { KindOfHelp.Training }, profile.Kinds);
        Assert.Equal(new[] { "en", "fr" }, profile.Languages);
    }

    private static CapacityProfile Profile(
        int id, CapacitySide side, int[] norms, KindOfHelp[]? kinds = null, string[]? languages = null) =>
        new(id, side, norms, [], [], kinds ?? [], languages ?? [], []);
}

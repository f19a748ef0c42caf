using CyberNormPortal.Domain.Capacity;
using CyberNormPortal.Domain.Entries;
using CyberNormPortal.Domain.Norms;
using CyberNormPortal.Domain.States;
using CyberNormPortal.Web.Pages.Shared;
using Microsoft.Extensions.Localization;

namespace CyberNormPortal.Web.Capacity;

/// <summary>Puts capacity-building facts into words in the reader's language: the reasons of a match, above all.</summary>
public static class CapacityText
{
    /// <summary>
    /// "Same norm 13(j)", "Both in French", "Region served includes African States". <paramref name="actionText"/> gives a
    /// checklist action's text from its key (the key itself where it is unknown).
    /// </summary>
    public static string Reason(IStringLocalizer localizer, MatchReason reason, Func<string, string>? actionText = null) =>
        localizer[Labels.MatchReason(reason.Kind), reason.Kind switch
        {
            MatchReasonKind.SameNorm => Norm.GgeReferenceFor(int.Parse(reason.Value, System.Globalization.CultureInfo.InvariantCulture)),
            MatchReasonKind.SameAction => actionText?.Invoke(reason.Value) ?? reason.Value,
            MatchReasonKind.SameKindOfHelp => localizer[Labels.KindOfHelp(Enum.Parse<KindOfHelp>(reason.Value))].Value,
            MatchReasonKind.SameCategory => localizer[Labels.Category(Enum.Parse<PracticeCategory>(reason.Value))].Value,
            MatchReasonKind.SameLanguage => Labels.Language(reason.Value),
            MatchReasonKind.RegionServed => localizer[Labels.Region(Enum.Parse<RegionalGroup>(reason.Value))].Value,
            _ => reason.Value,
        }];

    /// <summary>All reasons of a suggestion, joined for one line ("Same norm 13(j) · Both in French").</summary>
    public static string Reasons(IStringLocalizer localizer, IEnumerable<MatchReason> reasons, Func<string, string>? actionText = null) =>
        string.Join(" · ", reasons.Select(r => Reason(localizer, r, actionText)));
}

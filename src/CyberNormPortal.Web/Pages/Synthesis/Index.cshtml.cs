using CyberNormPortal.Domain.States;
using CyberNormPortal.Web.Caching;
using CyberNormPortal.Web.Data.Queries;
using CyberNormPortal.Web.Synthesis;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Localization;

namespace CyberNormPortal.Web.Pages.Synthesis;

[OutputCache(PolicyName = PublishedContentCachePolicy.Name)]
public sealed class IndexModel(SynthesisReader synthesis, IStringLocalizer<SharedResource> localizer) : PageModel
{
    /// <summary>Group slug, e.g. "g7"; empty for all groups.</summary>
    [BindProperty(SupportsGet = true, Name = "group")]
    public string? Group { get; set; }

    /// <summary>Cycle slug, e.g. "g7-cni-2019"; empty for all cycles.</summary>
    [BindProperty(SupportsGet = true, Name = "cycle")]
    public string? Cycle { get; set; }

    /// <summary>UN regional group; empty for every region.</summary>
    [BindProperty(SupportsGet = true, Name = "region")]
    public string? Region { get; set; }

    [BindProperty(SupportsGet = true, Name = "view")]
    public string? View { get; set; }

    public SynthesisGrouping Grouping { get; private set; }

    public SynthesisView Synthesis { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        // Any binding error (a hand-edited URL) is shown next to its field; the rest of the scope still applies.
        RegionalGroup? region = null;
        if (!string.IsNullOrEmpty(Region))
        {
            if (Enum.TryParse<RegionalGroup>(Region, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed))
            {
                region = parsed;
            }
            else
            {
                ModelState.AddModelError("region", localizer["There is no regional group “{0}”. Choose one from the list.", Region]);
            }
        }

        Grouping = string.Equals(View, "category", StringComparison.OrdinalIgnoreCase)
            ? SynthesisGrouping.Category
            : SynthesisGrouping.Kind;

        var scope = new SynthesisScope(Blank(Group), Blank(Cycle), region);
        Synthesis = await synthesis.ReadAsync(scope, Reader.From(User), Grouping, cancellationToken);
        if (Synthesis.UnknownScopeParts.Contains(nameof(SynthesisScope.GroupSlug)))
        {
            ModelState.AddModelError("group", localizer["There is no group “{0}”. Choose one from the list.", Group!]);
        }

        if (Synthesis.UnknownScopeParts.Contains(nameof(SynthesisScope.CycleSlug)))
        {
            ModelState.AddModelError("cycle", localizer["There is no reporting cycle “{0}”. Choose one from the list.", Cycle!]);
        }
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

using CyberNormPortal.Web.Capacity;
using CyberNormPortal.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CyberNormPortal.Web.Pages.Capacity;

/// <summary>
/// "Express interest" in a suggestion, posted from the item's page: the user's side of the item consents to be
/// introduced to the counterpart's. Only the form post; a refusal is shown here with the way back.
/// </summary>
public sealed class InterestModel(CapacityMatchService matches, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public int ItemId { get; private set; }

    public string Message { get; private set; } = "";

    public async Task<IActionResult> OnPostAsync(int id, [FromForm] int counterpart, CancellationToken cancellationToken)
    {
        ItemId = id;
        var result = await matches.ExpressInterestAsync(id, counterpart, User, cancellationToken);
        switch (result.Outcome)
        {
            case MatchOutcome.Saved:
                TempData.SetNotice(localizer["Your interest is recorded. The secretariat introduces both sides once the other side is interested too."]);
                return RedirectToPage("/Capacity/Match", new { id = result.MatchId });
            case MatchOutcome.NotFound:
                return NotFound();
            default:
                Message = localizer[result.MessageKey ?? Domain.Common.DomainMessages.MatchStepNotPossibleNow];
                Response.StatusCode = result.Outcome == MatchOutcome.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status403Forbidden;
                return Page();
        }
    }
}

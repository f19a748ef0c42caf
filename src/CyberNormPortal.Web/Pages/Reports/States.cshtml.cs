using CyberNormPortal.Domain.Reports;
using CyberNormPortal.Web.Data;
using CyberNormPortal.Web.Data.Queries;
using CyberNormPortal.Web.Filters;
using CyberNormPortal.Web.Localization;
using CyberNormPortal.Web.Reports;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CyberNormPortal.Web.Pages.Reports;

/// <summary>The States behind one number of the cycle's norm view: those giving a status to an action, or to any action of a norm.</summary>
public sealed class StatesModel(PortalDbContext db, StateNames names, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public const string Status = "status";
    public const string Action = "action";
    public const string NormParameter = "norm";

    public ReportCycle Cycle { get; private set; } = null!;

    public ChecklistStatus? ChosenStatus { get; private set; }

    public ChecklistItem? ChosenAction { get; private set; }

    public int? ChosenNorm { get; private set; }

    /// <summary>The States, named in the reader's language and sorted by that name.</summary>
    public IReadOnlyList<(string Iso3, string Name)> States { get; private set; } = [];

    public IReadOnlyList<string> Problems { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string cycleSlug, CancellationToken cancellationToken)
    {
        var reader = Reader.From(User);
        if (await db.ReportCycleAsync(cycleSlug, reader, cancellationToken) is not { } cycle)
        {
            return NotFound();
        }

        Cycle = cycle;
        var values = new QueryValues(Request.Query);
        ChosenStatus = values.Choice<ChecklistStatus>(Status, ReportMessages.Status);
        if (values.Single(Status) is null)
        {
            values.Add(Status, ReportMessages.StatusRequired);
        }

        var actionKey = values.Single(Action);
        if (actionKey is not null)
        {
            var checklist = await db.ChecklistAsync(cycle.Id, cancellationToken);
            ChosenAction = checklist.FirstOrDefault(a => a.Key == actionKey);
            if (ChosenAction is null)
            {
                values.Add(Action, ReportMessages.Action, QueryValues.Echo(actionKey));
            }
        }
        else
        {
            ChosenNorm = values.Number(NormParameter, FilterLimits.FirstNorm, FilterLimits.LastNorm, FilterMessages.Norm);
            if (ChosenNorm is null && values.Single(NormParameter) is null)
            {
                values.Add(Action, ReportMessages.ActionOrNorm);
            }
        }

        Problems = [.. values.Problems.Select(p => p.Format(localizer))];
        if (Problems.Count > 0 || ChosenStatus is not { } status)
        {
            return Page();
        }

        var iso3s = await db.StatesWithStatusAsync(cycle.Id, reader, ChosenAction?.Key, ChosenAction?.NormNumber ?? ChosenNorm, status, cancellationToken);
        States = StateNames.Sort(iso3s.Select(s => (Iso3: s, Name: names.Of(s))), s => s.Name);
        return Page();
    }
}

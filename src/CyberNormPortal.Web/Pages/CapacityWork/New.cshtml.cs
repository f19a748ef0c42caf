using CyberNormPortal.Domain.Capacity;
using CyberNormPortal.Domain.Common;
using CyberNormPortal.Domain.Entries;
using CyberNormPortal.Web.Authorization;
using CyberNormPortal.Web.Capacity;
using CyberNormPortal.Web.Data;
using CyberNormPortal.Web.Entries;
using CyberNormPortal.Web.Localization;
using CyberNormPortal.Web.Pages.Shared;
using CyberNormPortal.Web.Validation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CyberNormPortal.Web.Pages.CapacityWork;

/// <summary>
/// A State's contributor or approver posts a need or an offer of their State; an organisation's contact an offer of
/// their organisation (a need is a State's: refused with the domain's reason). A need can start from a capacity need
/// recorded against a checklist action of the State's national report: norm, action, text and title are filled in,
/// and the item remembers where it came from.
/// </summary>
public sealed class NewModel(PortalDbContext db, CapacityService capacity, IStringLocalizer<SharedResource> localizer) : PageModel, ICapacityFormPage
{
    [BindProperty]
    public CapacityFormInput Input { get; set; } = new();

    /// <summary>The national report the need comes from, if any (carried through the form, checked again on save).</summary>
    [BindProperty]
    public int? SourceReportId { get; set; }

    [BindProperty]
    public string? SourceActionKey { get; set; }

    public CapacityFormOptions Options { get; private set; } = null!;

    /// <summary>The checklist action the need comes from, as the report's questionnaire words it.</summary>
    public string? SourceActionText { get; private set; }

    /// <summary>Whether the actor speaks for a State (and so may post a need).</summary>
    public bool MayPostNeeds { get; private set; }

    /// <summary>An organisation's contact asked for a need: the page says why not, without the form.</summary>
    public bool NeedRefused { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? side, int? report, string? action, CancellationToken cancellationToken)
    {
        var actor = PortalActor.From(User)!;
        MayPostNeeds = CapacityService.OwnerFor(actor).StateIso3 is not null;
        Input.Side = side?.ToLowerInvariant() switch
        {
            "need" => CapacitySide.Need,
            "offer" => CapacitySide.Offer,
            _ => MayPostNeeds ? CapacitySide.Need : CapacitySide.Offer,
        };
        if (RefuseNeed() is { } refused)
        {
            return refused;
        }

        Input.Languages = [PortalCultures.OrDefault(System.Globalization.CultureInfo.CurrentUICulture.Name).Name];
        if (report is { } reportId)
        {
            if (await SourceAsync(actor, reportId, action, cancellationToken) is not { } source)
            {
                return NotFound();
            }

            Input.Side = CapacitySide.Need;
            Input.Norms = [source.NormNumber];
            Input.ActionKeys = [source.Key];
            Input.Description = source.CapacityNeeds ?? "";
            Input.Title = source.Text.Length > FieldLengths.CapacityTitle ? source.Text[..FieldLengths.CapacityTitle].TrimEnd() : source.Text;
            Input.Visibility = TlpLabel.Amber;
            SourceReportId = reportId;
            SourceActionKey = source.Key;
        }

        await LoadOptionsAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var actor = PortalActor.From(User)!;
        MayPostNeeds = CapacityService.OwnerFor(actor).StateIso3 is not null;
        if (RefuseNeed() is { } refused)
        {
            return refused;
        }

        CapacitySource? source = null;
        if (SourceReportId is { } reportId)
        {
            if (Input.Side != CapacitySide.Need || await SourceAsync(actor, reportId, SourceActionKey, cancellationToken) is not { } action)
            {
                return NotFound();
            }

            source = new CapacitySource(reportId, action.Key);
        }

        await LoadOptionsAsync(cancellationToken);
        if (!await new CapacityFormValidator(localizer, Options).ValidateIntoAsync(Input, ModelState, cancellationToken: cancellationToken))
        {
            return Page();
        }

        var (outcome, id, message) = await capacity.CreateAsync(Input.Side, Input.ToContent(), source, actor, cancellationToken);
        if (outcome != SaveOutcome.Saved)
        {
            ModelState.AddModelError(string.Empty, localizer[message!]);
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return Page();
        }

        TempData.SetNotice(localizer["Your draft is saved. Submit it when it is ready."]);
        return Redirect(Url.Content(Mail.Notifications.CapacityWorkPath(id!.Value)));
    }

    /// <summary>A need asked for by someone who speaks for no State: the domain's reason, and nothing else.</summary>
    private IActionResult? RefuseNeed()
    {
        if (Input.Side != CapacitySide.Need || MayPostNeeds)
        {
            return null;
        }

        NeedRefused = true;
        ModelState.AddModelError(string.Empty, localizer[DomainMessages.CapacityNeedIsAStates]);
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return Page();
    }

    private async Task LoadOptionsAsync(CancellationToken cancellationToken) =>
        Options = await CapacityFormOptions.LoadAsync(db, localizer, SourceReportId, Input.ActionKeys, cancellationToken);

    private sealed record SourceAction(string Key, int NormNumber, string Text, string? CapacityNeeds);

    /// <summary>
    /// The checklist action of a national report a need starts from: only the report's own State's contributors and
    /// approvers reach it (the report's working-copy rule, <see cref="ReportAuthorizationHandler"/>, less the moderators,
    /// who post no needs); null when the report or the action is not theirs or not there.
    /// </summary>
    private async Task<SourceAction?> SourceAsync(WorkflowActor actor, int reportId, string? actionKey, CancellationToken cancellationToken)
    {
        var report = await db.Reports.AsNoTracking().Include(r => r.Parts).SingleOrDefaultAsync(r => r.Id == reportId, cancellationToken);
        if (report is null || !actor.SpeaksFor(report.StateIso3) || string.IsNullOrEmpty(actionKey))
        {
            return null;
        }

        var action = await db.Questionnaires.AsNoTracking().Where(q => q.Id == report.QuestionnaireId).SelectMany(q => q.Actions)
            .Where(a => a.Key == actionKey)
            .Select(a => new { a.Key, a.NormNumber, a.Text })
            .SingleOrDefaultAsync(cancellationToken);
        if (action is null)
        {
            return null;
        }

        var needs = report.Parts.SelectMany(p => p.Answers.Actions).FirstOrDefault(a => a.ActionKey == action.Key)?.CapacityNeeds;
        SourceActionText = action.Text;
        return new SourceAction(action.Key, action.NormNumber, action.Text, needs);
    }
}

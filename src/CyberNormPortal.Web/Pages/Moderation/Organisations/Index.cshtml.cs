using CyberNormPortal.Domain.Capacity;
using CyberNormPortal.Web.Auditing;
using CyberNormPortal.Web.Data;
using CyberNormPortal.Web.Pages.Shared;
using CyberNormPortal.Web.Validation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CyberNormPortal.Web.Pages.Moderation.Organisations;

/// <summary>
/// The capacity-building organisations the secretariat registered, with how many points of contact and offers each
/// has, and the form to register another. Moderators and administrators (<c>ManagesInitiative</c>).
/// </summary>
public sealed class IndexModel(PortalDbContext db, AuditLog audit, TimeProvider clock, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public sealed record OrganisationRow(int Id, string Name, string? Website, int Contacts, int Offers);

    [BindProperty]
    public OrganisationForm.InputModel Input { get; set; } = new();

    public IReadOnlyList<OrganisationRow> Organisations { get; private set; } = [];

    public Paging Paging { get; private set; } = Paging.For(1, 0);

    public Task OnGetAsync([FromQuery(Name = "page")] int? page, CancellationToken cancellationToken) => LoadAsync(page, cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        OrganisationForm.Trim(Input);
        if (await new OrganisationForm.InputValidator(db, null, localizer).ValidateIntoAsync(Input, ModelState, cancellationToken: cancellationToken)
            && await OrganisationForm.SaveAsync(db, audit, clock, null, Input, ModelState, localizer, cancellationToken) is > 0 and var id)
        {
            TempData.SetNotice(localizer["Organisation “{0}” registered. Invite its points of contact here.", Input.Name]);
            return RedirectToPage("/Moderation/Organisations/Edit", new { id });
        }

        await LoadAsync(1, cancellationToken);
        return Page();
    }

    private async Task LoadAsync(int? page, CancellationToken cancellationToken)
    {
        Paging = Paging.For(page, await db.Organisations.CountAsync(cancellationToken));
        Organisations = await db.Organisations.AsNoTracking()
            .OrderBy(o => o.Name).ThenBy(o => o.Id)
            .Skip(Paging.Skip).Take(Paging.PageSize)
            .Select(o => new OrganisationRow(
                o.Id,
                o.Name,
                o.Website,
                db.Users.Count(u => u.OrganisationId == o.Id),
                db.CapacityItems.Count(i => i.OrganisationId == o.Id && i.Side == CapacitySide.Offer)))
            .ToListAsync(cancellationToken);
    }
}

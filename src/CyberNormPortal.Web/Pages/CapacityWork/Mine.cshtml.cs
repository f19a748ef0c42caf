using CyberNormPortal.Domain.Capacity;
using CyberNormPortal.Domain.Entries;
using CyberNormPortal.Web.Authorization;
using CyberNormPortal.Web.Capacity;
using CyberNormPortal.Web.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CyberNormPortal.Web.Pages.CapacityWork;

/// <summary>
/// The needs and offers of the user's State (or organisation) by status, what waits for this approver, and the
/// matches the user's side is in.
/// </summary>
public sealed class MineModel(PortalDbContext db) : PageModel
{
    /// <summary>The most items of each list shown; the oldest drop off first (the public list pages through all).</summary>
    public const int Limit = 200;

    public sealed record Row(int Id, CapacitySide Side, string Title, EntryStatus Status, bool Matched, DateTimeOffset UpdatedAt);

    public sealed record MatchRow(int Id, string NeedTitle, string OfferTitle, MatchStatus Status, DateTimeOffset UpdatedAt);

    public IReadOnlyList<Row> Items { get; private set; } = [];

    public IReadOnlyList<Row> WaitingForApproval { get; private set; } = [];

    public IReadOnlyList<MatchRow> Matches { get; private set; } = [];

    public bool MayPostNeeds { get; private set; }

    public bool IsApprover { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var actor = PortalActor.From(User)!;
        var (state, organisation) = CapacityService.OwnerFor(actor);
        MayPostNeeds = state is not null;
        IsApprover = state is not null && actor.Has(WorkflowRoles.Approver);
        var mine = db.CapacityItems.AsNoTracking()
            .Where(i => (state != null && i.StateIso3 == state) || (organisation != null && i.OrganisationId == organisation));
        Items = await mine.OrderByDescending(i => i.UpdatedAt).Take(Limit)
            .Select(i => new Row(i.Id, i.Side, i.Title, i.Status, i.MatchedAt != null, i.UpdatedAt))
            .ToListAsync(cancellationToken);
        if (IsApprover)
        {
            WaitingForApproval = await mine.Where(i => i.Status == EntryStatus.Submitted && i.LastSavedByUserId != actor.UserId)
                .OrderBy(i => i.UpdatedAt).Take(Limit)
                .Select(i => new Row(i.Id, i.Side, i.Title, i.Status, false, i.UpdatedAt))
                .ToListAsync(cancellationToken);
        }

        Matches = await (from m in db.CapacityMatches.AsNoTracking()
                         join need in db.CapacityItems on m.NeedId equals need.Id
                         join offer in db.CapacityItems on m.OfferId equals offer.Id
                         where (state != null && (need.StateIso3 == state || offer.StateIso3 == state))
                               || (organisation != null && offer.OrganisationId == organisation)
                         orderby m.UpdatedAt descending
                         select new MatchRow(m.Id, need.Title, offer.Title, m.Status, m.UpdatedAt))
            .Take(Limit).ToListAsync(cancellationToken);
    }
}

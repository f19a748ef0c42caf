using CyberNormPortal.Domain.Entries;
using CyberNormPortal.Web.Authorization;
using CyberNormPortal.Web.Data;
using CyberNormPortal.Web.Entries;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CyberNormPortal.Web.Pages.Entries;

/// <summary>Every revision and review event of an entry, and the difference between any two revisions.</summary>
public sealed class HistoryModel(
    PortalDbContext db, EntryService entries, IAuthorizationService authorization, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public sealed record RevisionRow(int Number, string Title, TlpLabel Visibility, string SavedByName, DateTimeOffset SavedAt);

    public sealed record EventRow(WorkflowAction Action, EntryStatus From, EntryStatus To, int RevisionNumber, string ActorName, string? Reason, DateTimeOffset At);

    public int EntryId { get; private set; }

    public string Title { get; private set; } = "";

    public int? PublishedRevisionNumber { get; private set; }

    public IReadOnlyList<RevisionRow> Revisions { get; private set; } = [];

    public IReadOnlyList<EventRow> Events { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public int? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? To { get; set; }

    public IReadOnlyList<FieldDiff>? Changes { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var access = await entries.AccessAsync(id, cancellationToken);
        if (access is null || !(await authorization.AuthorizeAsync(User, access, EntryOperations.ReadWorkingCopy)).Succeeded)
        {
            return NotFound();
        }

        EntryId = id;
        PublishedRevisionNumber = await db.Entries.AsNoTracking().Where(e => e.Id == id).Select(e => e.PublishedRevisionNumber).SingleAsync(cancellationToken);
        Revisions = await db.Revisions.AsNoTracking().Where(r => r.EntryId == id).OrderByDescending(r => r.Number)
            .Select(r => new RevisionRow(r.Number, r.Title, r.Visibility, r.SavedByName, r.SavedAt))
            .ToListAsync(cancellationToken);
        Events = await db.ReviewEvents.AsNoTracking().Where(e => e.EntryId == id).OrderByDescending(e => e.At)
            .Select(e => new EventRow(e.Action, e.FromStatus, e.ToStatus, e.RevisionNumber, e.ActorName, e.Reason, e.At))
            .ToListAsync(cancellationToken);
        Title = Revisions[0].Title;

        // Default comparison: the newest revision against the one before it.
        To ??= Revisions[0].Number;
        From ??= Revisions.Count > 1 ? Revisions[1].Number : To;
        var pair = await db.Revisions.AsNoTracking()
            .Where(r => r.EntryId == id && (r.Number == From || r.Number == To))
            .ToListAsync(cancellationToken);
        var before = pair.SingleOrDefault(r => r.Number == From);
        var after = pair.SingleOrDefault(r => r.Number == To);
        if (before is null || after is null)
        {
            ModelState.AddModelError(before is null ? nameof(From) : nameof(To), localizer["Choose revisions of this entry."]);
        }
        else
        {
            Changes = TextDiff.Revisions(before, after, localizer);
        }

        return Page();
    }
}

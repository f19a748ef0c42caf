using CyberNormPortal.Web.Data;
using CyberNormPortal.Web.Data.Queries;
using CyberNormPortal.Web.Data.Seeding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CyberNormPortal.Web.Pages;

public sealed class IndexModel(PortalDbContext db) : PageModel
{
    public int NormCount { get; private set; }

    public int StateCount { get; private set; }

    public int PublishedCount { get; private set; }

    public string FeaturedSynthesisUrl => Url.Content(
        $"~/synthesis?group={ReferenceDataSeeder.G7Slug}&cycle={ReferenceDataSeeder.G7CycleSlug}");

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        NormCount = await db.Norms.CountAsync(cancellationToken);
        StateCount = await db.States.CountAsync(cancellationToken);
        PublishedCount = await db.PublishedEntries(Reader.From(User)).CountAsync(cancellationToken);
    }
}

using CyberNormPortal.Domain.Entries;
using CyberNormPortal.Web.Identity;
using CyberNormPortal.Web.IntegrationTests.Infrastructure;

namespace CyberNormPortal.Web.IntegrationTests.Pages.Entries;

/// <summary>The history page compares two revisions field by field, in words a reader knows.</summary>
public sealed class EntryHistoryTests(PortalFixture portal) : PortalTest(portal)
{
    [Fact]
    public async Task History_KindAndCategoryChanged_DiffShowsTheirLabels_NotTheCodes()
    {
        await Portal.OpenCycleAsync();
        var (contributor, author) = await Portal.SignInAsAsync(PortalRoles.Contributor, "KEN");
        var id = await Portal.CreateEntryAsync(author);
        var edit = await contributor.GetAsync($"/entries/{id}/edit");
        var saved = await contributor.SubmitAsync(edit, new Dictionary<string, object?>
        {
            ["Input.Kind"] = nameof(EntryKind.BestPractice),
            ["Input.PracticeCategories"] = new[] { nameof(PracticeCategory.Awareness) },
            ["Command"] = "save",
        });
        Assert.Equal($"/entries/{id}/review", saved.RedirectPath);

        var history = await contributor.GetAsync($"/entries/{id}/history");

        var removed = history.Document.QuerySelectorAll(".diff del").Select(Text.Visible).ToList();
        var added = history.Document.QuerySelectorAll(".diff ins").Select(Text.Visible).ToList();
        Assert.Contains("Removed: Implementation step", removed);
        Assert.Contains("Added: Best practice", added);
        Assert.Contains("Removed: Institutions and CERT/CSIRT", removed);
        Assert.DoesNotContain(added.Concat(removed), line => line.Contains(nameof(EntryKind.BestPractice), StringComparison.Ordinal));
    }
}

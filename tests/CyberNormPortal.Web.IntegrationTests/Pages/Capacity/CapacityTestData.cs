using CyberNormPortal.Domain.Capacity;
using CyberNormPortal.Web.Identity;
using CyberNormPortal.Web.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CyberNormPortal.Web.IntegrationTests.Pages.Capacity;

/// <summary>
/// Organisations and their contacts for the match tests, until TestOrganisations (another branch) is merged: then
/// these give way to it.
/// </summary>
internal static class CapacityTestData
{
    public static Task<int> NewOrganisationAsync(this PortalFixture portal, string name) =>
        portal.WithDbAsync(async db =>
        {
            var organisation = new Organisation(name, "https://example.org", DateTimeOffset.UtcNow);
            db.Organisations.Add(organisation);
            await db.SaveChangesAsync();
            return organisation.Id;
        });

    /// <summary>An active organisation contact of <paramref name="organisationId"/>, reading mail in <paramref name="language"/>.</summary>
    public static async Task<TestUser> NewOrganisationContactAsync(this PortalFixture portal, int organisationId, string? language = null)
    {
        var user = await portal.CreateUserAsync(PortalRoles.OrganisationContact);
        await portal.WithDbAsync(async db =>
        {
            var account = await db.Users.SingleAsync(u => u.Id == user.Id);
            account.OrganisationId = organisationId;
            account.PreferredLanguage = language ?? account.PreferredLanguage;
            await db.SaveChangesAsync();
        });
        return user;
    }

    /// <summary>Sets the language <paramref name="user"/> reads mail in.</summary>
    public static Task SetLanguageAsync(this PortalFixture portal, TestUser user, string language) =>
        portal.WithDbAsync(async db =>
        {
            var account = await db.Users.SingleAsync(u => u.Id == user.Id);
            account.PreferredLanguage = language;
            await db.SaveChangesAsync();
        });
}

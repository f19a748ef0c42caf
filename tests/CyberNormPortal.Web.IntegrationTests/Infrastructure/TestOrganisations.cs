using CyberNormPortal.Domain.Capacity;
using CyberNormPortal.Web.Identity;
using Microsoft.EntityFrameworkCore;

namespace CyberNormPortal.Web.IntegrationTests.Infrastructure;

/// <summary>
/// Intent-level helpers for capacity-building organisations and their points of contact. A contact made by
/// <see cref="TestUsers.CreateUserAsync"/> or <c>SignInAsAsync(PortalRoles.OrganisationContact)</c> gets a new
/// organisation of its own; these bind one to a chosen organisation.
/// </summary>
public static class TestOrganisations
{
    /// <summary>A registered organisation (a unique name by default), as the moderation page would register it; its id.</summary>
    public static Task<int> CreateOrganisationAsync(this PortalFixture portal, string? name = null, string? website = null) =>
        portal.WithDbAsync(async db =>
        {
            var organisation = new Organisation(name ?? $"Organisation {Guid.NewGuid():N}"[..21], website, DateTimeOffset.UtcNow);
            db.Organisations.Add(organisation);
            await db.SaveChangesAsync();
            return organisation.Id;
        });

    /// <summary>
    /// An active point of contact of <paramref name="organisationId"/> (a new organisation when null), with
    /// <paramref name="moreRoles"/> as well (bound to <paramref name="state"/>).
    /// </summary>
    public static async Task<TestUser> CreateOrganisationContactAsync(
        this PortalFixture portal, int? organisationId = null, string? state = null, params string[] moreRoles)
    {
        var user = await portal.CreateAccountAsync(PortalRoles.OrganisationContact, state, moreRoles: moreRoles);
        return await portal.BindToOrganisationAsync(user, organisationId ?? await portal.CreateOrganisationAsync());
    }

    /// <summary>Creates a point of contact of <paramref name="organisationId"/> (a new organisation when null) and signs in as it.</summary>
    public static async Task<(Browser Browser, TestUser User)> SignInAsOrganisationContactAsync(this PortalFixture portal, int? organisationId = null)
    {
        var user = await portal.CreateOrganisationContactAsync(organisationId);
        return (await portal.SignInAsync(user), user);
    }

    /// <summary>Binds the account to <paramref name="organisationId"/>, as accepting an organisation contact's invitation does.</summary>
    public static async Task<TestUser> BindToOrganisationAsync(this PortalFixture portal, TestUser user, int organisationId)
    {
        await portal.WithDbAsync(async db =>
        {
            var account = await db.Users.SingleAsync(u => u.Id == user.Id);
            account.OrganisationId = organisationId;
            await db.SaveChangesAsync();
        });
        return user with { OrganisationId = organisationId };
    }
}

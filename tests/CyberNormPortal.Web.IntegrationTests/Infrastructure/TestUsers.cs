using CyberNormPortal.Domain.Groups;
using CyberNormPortal.Tests.Shared;
using CyberNormPortal.Web.Identity;
using Microsoft.EntityFrameworkCore;

namespace CyberNormPortal.Web.IntegrationTests.Infrastructure;

/// <summary>An account made for a test, with what is needed to sign in as it.</summary>
public sealed record TestUser(
    string Id, string Email, string Password, string DisplayName, IReadOnlyList<string> Roles, string? StateIso3, string? AuthenticatorKey, int? GroupId = null,
    int? OrganisationId = null)
{
    /// <summary>The code the user's authenticator app shows now.</summary>
    public string CurrentCode() => Totp.Code(AuthenticatorKey ?? throw new InvalidOperationException("This user has no authenticator."));
}

/// <summary>Intent-level helpers that create accounts straight in the database.</summary>
public static class TestUsers
{
    public const string Password = TestAccounts.Password;

    /// <summary>
    /// An active account with the given roles (Contributor and Approver need <paramref name="state"/>).
    /// Moderators and administrators get an authenticator by default, as they must have one to reach their pages.
    /// An organisation contact is bound to a new organisation (see <see cref="TestOrganisations"/> for a chosen one).
    /// </summary>
    public static async Task<TestUser> CreateUserAsync(
        this PortalFixture portal, string role, string? state = null, bool? twoFactor = null, string? email = null, params string[] moreRoles)
    {
        var user = await portal.CreateAccountAsync(role, state, twoFactor, email, moreRoles);
        return user.Roles.Any(PortalRoles.NeedsOrganisation) ? await portal.BindToOrganisationAsync(user, await portal.CreateOrganisationAsync()) : user;
    }

    /// <summary>The account of <see cref="CreateUserAsync"/>, bound to nothing but <paramref name="state"/>.</summary>
    internal static Task<TestUser> CreateAccountAsync(
        this PortalFixture portal, string role, string? state = null, bool? twoFactor = null, string? email = null, params string[] moreRoles) =>
        portal.WithServicesAsync(async services =>
        {
            var roles = new[] { role }.Concat(moreRoles).ToList();
            var account = await TestAccounts.CreateAsync(services, roles, state, twoFactor ?? roles.Any(PortalRoles.NeedsTwoFactor), email);
            return new TestUser(account.Id, account.Email, account.Password, account.DisplayName, roles, state, account.AuthenticatorKey);
        });

    /// <summary>
    /// An active group coordinator of the group <paramref name="groupSlug"/> (the seeded G7 by default; another slug is
    /// created as an empty group when it does not exist), with <paramref name="moreRoles"/> bound to <paramref name="state"/>.
    /// </summary>
    public static async Task<TestUser> CreateCoordinatorAsync(
        this PortalFixture portal, string groupSlug = "g7", string? state = null, params string[] moreRoles)
    {
        var user = await portal.CreateUserAsync(PortalRoles.GroupCoordinator, state, moreRoles: moreRoles);
        var groupId = await portal.WithDbAsync(async db =>
        {
            var group = await db.Groups.SingleOrDefaultAsync(g => g.Slug == groupSlug);
            if (group is null)
            {
                group = new Group(groupSlug, $"Group {groupSlug}", groupSlug.ToUpperInvariant());
                db.Groups.Add(group);
                await db.SaveChangesAsync();
            }

            var account = await db.Users.SingleAsync(u => u.Id == user.Id);
            account.GroupId = group.Id;
            await db.SaveChangesAsync();
            return group.Id;
        });
        return user with { GroupId = groupId };
    }
}

using CyberNormPortal.Web.Data;
using CyberNormPortal.Web.Identity;
using Microsoft.EntityFrameworkCore;

namespace CyberNormPortal.Web.Capacity;

/// <summary>
/// Who speaks for a need's or an offer's owner, as mail recipients: the active contributors and approvers of its
/// State, or the active contacts of its organisation. The same people <see cref="CapacityVisibility.Owns"/> lets in.
/// </summary>
public static class CapacityContacts
{
    /// <summary>The owner's points of contact (a State's when <paramref name="stateIso3"/> is given, else the organisation's).</summary>
    public static IQueryable<PortalUser> OwnerContacts(this PortalDbContext db, string? stateIso3, int? organisationId) =>
        db.OwnerContactsOfAny(stateIso3 is null ? [] : [stateIso3], stateIso3 is null && organisationId is { } organisation ? [organisation] : []);

    /// <summary>The points of contact of any of these owners, in one query (each user carries their State or organisation).</summary>
    public static IQueryable<PortalUser> OwnerContactsOfAny(this PortalDbContext db, IReadOnlyCollection<string> statesIso3, IReadOnlyCollection<int> organisationIds)
    {
        var stateRoles = new[] { PortalRoles.Contributor, PortalRoles.Approver }.Select(r => r.ToUpperInvariant()).ToList();
        var organisationRole = PortalRoles.OrganisationContact.ToUpperInvariant();
        var forState = from userRole in db.UserRoles
                       join role in db.Roles on userRole.RoleId equals role.Id
                       where stateRoles.Contains(role.NormalizedName!)
                       select userRole.UserId;
        var forOrganisation = from userRole in db.UserRoles
                              join role in db.Roles on userRole.RoleId equals role.Id
                              where role.NormalizedName == organisationRole
                              select userRole.UserId;
        return db.Users.Where(u => u.IsActive && u.Email != null
            && ((u.StateIso3 != null && statesIso3.Contains(u.StateIso3) && forState.Contains(u.Id))
                || (u.OrganisationId != null && organisationIds.Contains(u.OrganisationId.Value) && forOrganisation.Contains(u.Id))));
    }

    /// <summary>The secretariat as mail recipients: active moderators with two-factor sign-in (those who can act).</summary>
    public static IQueryable<PortalUser> Secretariat(this PortalDbContext db)
    {
        var moderator = PortalRoles.Moderator.ToUpperInvariant();
        var inRole = from userRole in db.UserRoles
                     join role in db.Roles on userRole.RoleId equals role.Id
                     where role.NormalizedName == moderator
                     select userRole.UserId;
        return db.Users.Where(u => u.IsActive && u.TwoFactorEnabled && u.Email != null && inRole.Contains(u.Id));
    }
}

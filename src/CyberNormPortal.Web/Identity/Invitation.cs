using System.Security.Cryptography;
using System.Text;

namespace CyberNormPortal.Web.Identity;

/// <summary>
/// An administrator's invitation of an e-mail address to a role (and a State for contributors and approvers, a group
/// for group coordinators).
/// The link's token is stored only as a hash; it works once and expires.
/// </summary>
public sealed class Invitation
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    private Invitation()
    {
    }

    public Invitation(string email, string role, string? stateIso3, string displayName, string? invitedByUserId, DateTimeOffset now, out string token, int? groupId = null, int? organisationId = null)
    {
        token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        Email = email.Trim();
        Role = role;
        StateIso3 = stateIso3;
        GroupId = groupId;
        OrganisationId = organisationId;
        DisplayName = displayName.Trim();
        InvitedByUserId = invitedByUserId;
        CreatedAt = now;
        ExpiresAt = now + Lifetime;
        TokenHash = Hash(token);
    }

    public int Id { get; private set; }

    public string Email { get; private set; } = "";

    public string DisplayName { get; private set; } = "";

    public string Role { get; private set; } = "";

    public string? StateIso3 { get; private set; }

    /// <summary>The group a group coordinator is invited for.</summary>
    public int? GroupId { get; private set; }

    /// <summary>The organisation an organisation contact is invited for.</summary>
    public int? OrganisationId { get; private set; }

    public string TokenHash { get; private set; } = "";

    /// <summary>Null for the first administrator, created from the command line.</summary>
    public string? InvitedByUserId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    public DateTimeOffset? AcceptedAt { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    public bool IsUsable(DateTimeOffset now) => AcceptedAt is null && RevokedAt is null && now < ExpiresAt;

    public void Accept(DateTimeOffset now) => AcceptedAt = now;

    public void Revoke(DateTimeOffset now) => RevokedAt ??= now;

    public static string Hash(string token) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}

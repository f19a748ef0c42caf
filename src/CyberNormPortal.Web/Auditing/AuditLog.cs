using System.Security.Claims;
using CyberNormPortal.Web.Data;
using CyberNormPortal.Web.Identity;

namespace CyberNormPortal.Web.Auditing;

/// <summary>
/// Writes audit records. Both methods join the caller's unit of work, so a workflow step and its audit record
/// are saved together or not at all.
/// </summary>
public sealed class AuditLog(PortalDbContext db, IHttpContextAccessor http, TimeProvider clock)
{
    public AuditRecord Add(string action, string? subject, string? details = null, ClaimsPrincipal? actor = null)
    {
        var context = http.HttpContext;
        var user = actor ?? context?.User;
        var signedIn = user?.Identity?.IsAuthenticated == true ? user : null;
        var record = new AuditRecord(
            clock.GetUtcNow(),
            signedIn?.FindFirstValue(ClaimTypes.NameIdentifier),
            signedIn is null ? "anonymous" : signedIn.FindFirstValue(PortalClaims.DisplayName) ?? signedIn.Identity?.Name ?? "",
            action,
            Truncate(subject, FieldLengths.AuditSubject),
            Truncate(details, FieldLengths.AuditDetails),
            context?.Connection.RemoteIpAddress?.ToString());
        db.AuditRecords.Add(record);
        return record;
    }

    /// <summary>Records something about an account that is not (yet) the signed-in user, e.g. a failed sign-in.</summary>
    public AuditRecord AddFor(PortalUser? user, string fallbackName, string action, string? subject, string? details = null)
    {
        var record = new AuditRecord(
            clock.GetUtcNow(),
            user?.Id,
            Truncate(user?.DisplayName ?? fallbackName, FieldLengths.PersonName)!,
            action,
            Truncate(subject, FieldLengths.AuditSubject),
            Truncate(details, FieldLengths.AuditDetails),
            http.HttpContext?.Connection.RemoteIpAddress?.ToString());
        db.AuditRecords.Add(record);
        return record;
    }

    private static string? Truncate(string? text, int length) => text is null || text.Length <= length ? text : text[..length];
}

using System.Security.Claims;
using CyberNormPortal.Web.Authorization;
using CyberNormPortal.Web.Data;
using CyberNormPortal.Web.Identity;
using Microsoft.EntityFrameworkCore;

namespace CyberNormPortal.Web.Entries;

/// <summary>
/// How many items wait in the queues a person works on, counted with the queries the queue pages list
/// (<see cref="WorkingEntryQueries.ReviewQueue"/>, <see cref="WorkingEntryQueries.ModerationQueue"/>): null for
/// someone without the capability, so nothing is asked of the database for them. Each count is read at most once per
/// request (the service is scoped), however often the header and the sign-in landing ask.
/// </summary>
public sealed class WorkQueues(PortalDbContext db)
{
    private int? _review;
    private int? _moderation;

    /// <summary>The entries waiting in <paramref name="user"/>'s review queue, or null if they do not review.</summary>
    public async Task<int?> ReviewCountAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        if (!PortalCapabilities.Reviews(user) || PortalActor.From(user) is not { } actor)
        {
            return null;
        }

        return _review ??= await db.ReviewQueue(actor).CountAsync(cancellationToken);
    }

    /// <summary>The entries awaiting moderation, or null if <paramref name="user"/> does not act as moderator.</summary>
    public async Task<int?> ModerationCountAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        if (!PortalCapabilities.ActsAsModerator(user))
        {
            return null;
        }

        return _moderation ??= await db.ModerationQueue().CountAsync(cancellationToken);
    }
}

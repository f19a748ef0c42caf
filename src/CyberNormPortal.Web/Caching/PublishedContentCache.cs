using System.Globalization;
using CyberNormPortal.Web.Data;
using CyberNormPortal.Web.Pages.Shared;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CyberNormPortal.Web.Caching;

public sealed class PublishedContentCacheOptions
{
    public const string Section = "PublishedContentCache";

    /// <summary>Off, every page is rendered for every request (for measuring the uncached path).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How long an unused page stays in memory; any publication makes it obsolete sooner.</summary>
    public TimeSpan Duration { get; set; } = TimeSpan.FromMinutes(10);
}

/// <summary>
/// Caches what anonymous readers share — search, the coverage map, the synthesis, the public API and the feeds — until anything they
/// show changes. Triggers in the database bump <c>PublicationVersion</c> in the same transaction as every
/// publication, withdrawal or change to States, groups, cycles, norms or lead statements; the version is read
/// (one indexed row) for every request and is part of the cache key. So an instance never serves a page older
/// than the last committed publication, whichever instance published it, and nothing is held only in one process.
/// Signed-in readers are never served from or stored in the cache: their pages differ (TLP, their name, a form);
/// nor is a reader whose request may carry a notice meant for them alone (Pages/Shared/Notices.cs).
/// </summary>
public sealed class PublishedContentCachePolicy : IOutputCachePolicy
{
    public const string Name = "PublishedContent";

    /// <summary>The single-row table the triggers bump (migration PublicationVersion).</summary>
    public const string VersionTable = "PublicationVersion";

    async ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var http = context.HttpContext;
        var options = http.RequestServices.GetRequiredService<IOptions<PublishedContentCacheOptions>>().Value;
        var cacheable = options.Enabled
            && (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method))
            && http.User.Identity?.IsAuthenticated != true
            && !http.Request.Headers.Authorization.Any()
            // A request that may carry a notice for this user ("You are signed out.") gets a page of its own.
            && !Notices.MayBePending(http);
        context.EnableOutputCaching = true;
        context.AllowCacheLookup = cacheable;
        context.AllowCacheStorage = cacheable;
        context.AllowLocking = true;
        if (!cacheable)
        {
            return;
        }

        var db = http.RequestServices.GetRequiredService<PortalDbContext>();
        var version = await db.Database
            .SqlQueryRaw<long>($"SELECT \"Version\" AS \"Value\" FROM \"{VersionTable}\" WHERE \"Id\" = 1")
            .FirstOrDefaultAsync(cancellation);
        context.CacheVaryByRules.QueryKeys = "*";
        context.CacheVaryByRules.VaryByValues["version"] = version.ToString(CultureInfo.InvariantCulture);
        context.CacheVaryByRules.VaryByValues["culture"] = CultureInfo.CurrentUICulture.Name;
        context.ResponseExpirationTimeSpan = options.Duration;
    }

    ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        // Only complete, shared pages: never one that sets a cookie or is anything but a plain 200.
        var response = context.HttpContext.Response;
        if (response.StatusCode != StatusCodes.Status200OK || response.Headers.SetCookie.Count > 0)
        {
            context.AllowCacheStorage = false;
        }

        return ValueTask.CompletedTask;
    }
}

public static class PublishedContentCacheExtensions
{
    public static IServiceCollection AddPublishedContentCache(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<PublishedContentCacheOptions>(configuration.GetSection(PublishedContentCacheOptions.Section));
        services.AddOutputCache(options => options.AddPolicy(PublishedContentCachePolicy.Name, new PublishedContentCachePolicy()));
        return services;
    }
}

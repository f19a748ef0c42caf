using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace CyberNormPortal.Web.Hosting;

/// <summary>One limit: at most <see cref="PermitLimit"/> requests per client address in each <see cref="Window"/>.</summary>
public sealed class RateLimit
{
    public int PermitLimit { get; set; }

    public TimeSpan Window { get; set; }
}

/// <summary>The "RateLimits" section: a fixed window per policy and client address.</summary>
public sealed class RateLimitsOptions
{
    public const string Section = "RateLimits";

    public bool Enabled { get; set; } = true;

    /// <summary>POSTs to sign-in, its two-factor step and the password confirmation.</summary>
    public RateLimit SignIn { get; set; } = new() { PermitLimit = 10, Window = TimeSpan.FromMinutes(5) };

    public RateLimit PasswordReset { get; set; } = new() { PermitLimit = 5, Window = TimeSpan.FromMinutes(15) };

    public RateLimit Invitation { get; set; } = new() { PermitLimit = 10, Window = TimeSpan.FromMinutes(15) };

    /// <summary>/search and its exports.</summary>
    public RateLimit Search { get; set; } = new() { PermitLimit = 60, Window = TimeSpan.FromMinutes(1) };

    /// <summary>/api/v1/*.</summary>
    public RateLimit Api { get; set; } = new() { PermitLimit = 120, Window = TimeSpan.FromMinutes(1) };
}

/// <summary>
/// Rate limits on what can be guessed at or scraped: sign-in, password reset and invitation POSTs, search and the API.
/// One global limiter chooses the policy by path, so a new export under /search or a new API route is covered without
/// remembering an attribute. Clients are told apart by the connection's address only: X-Forwarded-For is not trusted
/// (behind a reverse proxy, configure ForwardedHeaders with its address first, or every client shares one limit).
/// Over the limit: 429 with Retry-After in seconds.
/// </summary>
public static class RateLimitingHostingExtensions
{
    public static WebApplicationBuilder AddPortalRateLimiting(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<RateLimitsOptions>().BindConfiguration(RateLimitsOptions.Section);
        builder.Services.AddRateLimiter(_ => { });
        builder.Services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitsOptions>>((options, limits) =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = (context, _) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    context.HttpContext.Response.Headers.RetryAfter =
                        ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                }

                return ValueTask.CompletedTask;
            };

            var settings = limits.Value;
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                settings.Enabled && LimitFor(context.Request, settings) is var (name, limit)
                    ? RateLimitPartition.GetFixedWindowLimiter($"{name}|{ClientAddress(context)}", _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = limit.PermitLimit,
                        Window = limit.Window,
                        QueueLimit = 0,
                    })
                    : RateLimitPartition.GetNoLimiter(""));
        });
        return builder;
    }

    private static (string Name, RateLimit Limit)? LimitFor(HttpRequest request, RateLimitsOptions limits)
    {
        var path = request.Path;
        if (HttpMethods.IsPost(request.Method))
        {
            if (path.StartsWithSegments("/account/sign-in") || path.StartsWithSegments("/account/confirm-password"))
            {
                return (nameof(limits.SignIn), limits.SignIn);
            }

            if (path.StartsWithSegments("/account/forgot-password"))
            {
                return (nameof(limits.PasswordReset), limits.PasswordReset);
            }

            if (path.StartsWithSegments("/account/accept-invitation"))
            {
                return (nameof(limits.Invitation), limits.Invitation);
            }
        }

        if (path.StartsWithSegments("/search"))
        {
            return (nameof(limits.Search), limits.Search);
        }

        return path.StartsWithSegments("/api/v1") ? (nameof(limits.Api), limits.Api) : null;
    }

    /// <summary>The client's address; an IPv6 client counts by its /64 network, which one household or attacker usually holds whole.</summary>
    private static string ClientAddress(HttpContext context)
    {
        var address = context.Connection.RemoteIpAddress;
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var bytes = address.GetAddressBytes();
            Array.Clear(bytes, 8, 8);
            address = new IPAddress(bytes);
        }

        return address.ToString();
    }
}

using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Claims;
using System.Threading.RateLimiting;
using CyberNormPortal.Web.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace CyberNormPortal.Web.Hosting;

/// <summary>One limit: at most <see cref="PermitLimit"/> requests per client address (or account) in each <see cref="Window"/>.</summary>
public sealed class RateLimit
{
    public int PermitLimit { get; set; }

    public TimeSpan Window { get; set; }
}

/// <summary>The "RateLimits" section: a fixed window per policy and client address, and per account for signing in.</summary>
public sealed class RateLimitsOptions
{
    public const string Section = "RateLimits";

    public bool Enabled { get; set; } = true;

    /// <summary>
    /// POSTs to sign-in, its two-factor step and the password confirmation, per client address: generous, because the
    /// officials of one ministry often share one address; <see cref="SignInPerAccount"/> is what stops guessing.
    /// </summary>
    public RateLimit SignIn { get; set; } = new() { PermitLimit = 100, Window = TimeSpan.FromMinutes(5) };

    /// <summary>The same POSTs per account (the normalised e-mail address typed, or the account signing in), from any address.</summary>
    public RateLimit SignInPerAccount { get; set; } = new() { PermitLimit = 10, Window = TimeSpan.FromMinutes(5) };

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
/// Signing in is also limited per account (<see cref="SignInAccountRateLimit"/>), so that people sharing an address
/// each have their own budget while guesses at one account from many addresses are still stopped.
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
                SetRetryAfter(context.HttpContext, context.Lease);
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
        builder.Services.AddSingleton<SignInAccountRateLimit>();
        return builder;
    }

    /// <summary>After authentication: the per-account limit of signing in (it needs the two-factor or session cookie).</summary>
    public static WebApplication UseSignInAccountRateLimit(this WebApplication app)
    {
        var limit = app.Services.GetRequiredService<SignInAccountRateLimit>();
        app.Use((context, next) => limit.InvokeAsync(context, next));
        return app;
    }

    /// <summary>The POSTs that try a password or a code: sign-in, its two-factor step, the password confirmation.</summary>
    public static bool IsSignInAttempt(HttpRequest request) =>
        HttpMethods.IsPost(request.Method)
        && (request.Path.StartsWithSegments("/account/sign-in") || request.Path.StartsWithSegments("/account/confirm-password"));

    internal static void SetRetryAfter(HttpContext context, RateLimitLease lease)
    {
        if (lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
        {
            context.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }
    }

    private static (string Name, RateLimit Limit)? LimitFor(HttpRequest request, RateLimitsOptions limits)
    {
        var path = request.Path;
        if (IsSignInAttempt(request))
        {
            return (nameof(limits.SignIn), limits.SignIn);
        }

        if (HttpMethods.IsPost(request.Method))
        {
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

/// <summary>
/// The per-account half of the sign-in limit: every attempt (<see cref="RateLimitingHostingExtensions.IsSignInAttempt"/>)
/// counts against the account it tries, whichever address it comes from. The account is the normalised e-mail address
/// typed into the sign-in form (known or not, so nothing tells which addresses have accounts), the account waiting for its
/// two-factor code, or the signed-in account confirming its password; the two steps of one sign-in share one budget.
/// </summary>
public sealed class SignInAccountRateLimit(IOptions<RateLimitsOptions> options) : IDisposable
{
    private const string EmailField = "Input.Email";

    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(account =>
        RateLimitPartition.GetFixedWindowLimiter(account, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = options.Value.SignInPerAccount.PermitLimit,
            Window = options.Value.SignInPerAccount.Window,
            QueueLimit = 0,
        }));

    public async Task InvokeAsync(HttpContext context, Func<Task> next)
    {
        if (options.Value.Enabled && RateLimitingHostingExtensions.IsSignInAttempt(context.Request)
            && await AccountOfAsync(context) is { } account)
        {
            using var lease = _limiter.AttemptAcquire(account);
            if (!lease.IsAcquired)
            {
                context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                RateLimitingHostingExtensions.SetRetryAfter(context, lease);
                return;
            }
        }

        await next();
    }

    private static async Task<string?> AccountOfAsync(HttpContext context)
    {
        var users = context.RequestServices.GetRequiredService<UserManager<PortalUser>>();
        var request = context.Request;
        if (request.Path.StartsWithSegments("/account/sign-in/two-factor"))
        {
            var pending = await context.AuthenticateAsync(IdentityConstants.TwoFactorUserIdScheme);
            return pending.Principal?.FindFirstValue(ClaimTypes.Name) is { } id && await users.FindByIdAsync(id) is { } user
                ? user.NormalizedEmail
                : null;
        }

        if (request.Path.StartsWithSegments("/account/confirm-password"))
        {
            return await users.GetUserAsync(context.User) is { } user ? user.NormalizedEmail : null;
        }

        if (!request.HasFormContentType)
        {
            return null;
        }

        try
        {
            var form = await request.ReadFormAsync(context.RequestAborted);
            return form[EmailField].ToString().Trim() is { Length: > 0 } email ? users.NormalizeEmail(email) : null;
        }
        catch (InvalidDataException)
        {
            // A form the server will not read: the page refuses it the same way, with nothing to guess.
            return null;
        }
    }

    public void Dispose() => _limiter.Dispose();
}

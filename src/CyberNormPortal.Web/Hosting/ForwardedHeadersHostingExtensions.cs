using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace CyberNormPortal.Web.Hosting;

/// <summary>
/// Behind a reverse proxy that terminates TLS, the portal must see the client's scheme and address: HTTPS for
/// Secure cookies, antiforgery and HSTS; the address for rate limits and the audit log. Only the proxies listed in
/// <c>ForwardedHeaders:KnownProxies</c> (addresses) and <c>ForwardedHeaders:KnownNetworks</c> (CIDR) are believed,
/// besides loopback; a header from anyone else is ignored, so a client cannot claim another address.
/// </summary>
public static class ForwardedHeadersHostingExtensions
{
    public const string Section = "ForwardedHeaders";

    public static IServiceCollection AddPortalForwardedHeaders(this IServiceCollection services, IConfiguration configuration)
    {
        var proxies = configuration.GetSection($"{Section}:KnownProxies").Get<string[]>() ?? [];
        var networks = configuration.GetSection($"{Section}:KnownNetworks").Get<string[]>() ?? [];
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var proxy in proxies)
            {
                options.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            foreach (var network in networks)
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
        return services;
    }
}

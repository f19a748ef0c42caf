using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace CyberNormPortal.Web.IntegrationTests.Infrastructure;

/// <summary>
/// The test server has no network connection, so no client address: this sets one from a test-only header before the
/// portal's pipeline runs, as if the request had come from that address. The portal itself trusts no such header.
/// </summary>
public sealed class ClientAddresses : IStartupFilter
{
    public const string Header = "X-Test-Client-Address";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            if (context.Request.Headers[Header] is [{ } address])
            {
                context.Connection.RemoteIpAddress = IPAddress.Parse(address);
                context.Request.Headers.Remove(Header);
            }

            return nextMiddleware(context);
        });
        next(app);
    };

    /// <summary>Every request of <paramref name="browser"/> comes from <paramref name="address"/>.</summary>
    public static Browser From(Browser browser, string address)
    {
        browser.Client.DefaultRequestHeaders.Add(Header, address);
        return browser;
    }
}

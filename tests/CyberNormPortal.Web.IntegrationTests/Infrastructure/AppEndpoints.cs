using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CyberNormPortal.Web.IntegrationTests.Infrastructure;

/// <summary>
/// One thing the running app answers: a Razor Page handler or a minimal API endpoint, named as the coverage lists
/// name it — "GET /entries/{id:int}/review", "POST /admin/users/{id}?handler=Deactivate".
/// </summary>
public sealed record AppEndpoint(string Verb, string Route, string? Handler, bool IsPage, bool RequiresSignIn)
{
    public string Key => Handler is null ? $"{Verb} {Route}" : $"{Verb} {Route}?handler={Handler}";

    public override string ToString() => Key;
}

public static class AppEndpoints
{
    /// <summary>
    /// Every page handler (read from the compiled pages, so an OnPostXxx added tomorrow shows up) and every
    /// non-page route endpoint of the app, with whether its authorization metadata lets an anonymous visitor in.
    /// </summary>
    public static async Task<IReadOnlyList<AppEndpoint>> AllAsync(this PortalFixture portal)
    {
        var services = portal.Factory.Services;
        var found = new List<AppEndpoint>();

        var loader = services.GetRequiredService<PageLoader>();
        // A folder's Index page has two routes ("/admin" and "/admin/index"); it is listed once, by the shorter.
        var pages = services.GetRequiredService<IActionDescriptorCollectionProvider>().ActionDescriptors.Items.OfType<PageActionDescriptor>()
            .GroupBy(p => p.ViewEnginePath)
            .Select(g => g.MinBy(p => p.AttributeRouteInfo!.Template!.Length)!);
        foreach (var page in pages)
        {
            var compiled = await loader.LoadAsync(page, EndpointMetadataCollection.Empty);
            var route = ("/" + compiled.AttributeRouteInfo!.Template).ToLowerInvariant();
            var requiresSignIn = RequiresSignIn(compiled.EndpointMetadata);
            foreach (var handler in compiled.HandlerMethods)
            {
                // A handler without a verb answers any; none here, but if one appears it is listed under both.
                var verbs = handler.HttpMethod is { } verb ? [verb.ToUpperInvariant()] : new[] { "GET", "POST" };
                found.AddRange(verbs.Select(v => new AppEndpoint(v, route, handler.Name, IsPage: true, requiresSignIn)));
            }
        }

        foreach (var endpoint in services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is not null)
            {
                continue;
            }

            var verbs = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["ANY"];
            var route = "/" + endpoint.RoutePattern.RawText!.TrimStart('/');
            found.AddRange(verbs.Select(v => new AppEndpoint(v, route, null, IsPage: false, RequiresSignIn(endpoint.Metadata))));
        }

        return found.DistinctBy(e => e.Key).OrderBy(e => e.Route, StringComparer.Ordinal).ThenBy(e => e.Key, StringComparer.Ordinal).ToList();
    }

    private static bool RequiresSignIn(IEnumerable<object> metadata) =>
        metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any();
}

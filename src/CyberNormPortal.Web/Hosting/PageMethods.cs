using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CyberNormPortal.Web.Hosting;

/// <summary>
/// A page answers only the HTTP methods its handlers serve. Razor Pages itself renders a page from an empty model
/// when no handler matches (a POST to <c>/norms/7</c> showed "Norm 0"), and antiforgery answered a tokenless one
/// with 400; this middleware, right after routing, answers <c>405 Method Not Allowed</c> with an <c>Allow</c>
/// header before antiforgery, authorization or model binding run. The methods come from the compiled page's
/// handler methods, so a handler added tomorrow is served without being listed anywhere. Endpoints that are not
/// pages (the API, feeds, exports, health probes) carry <see cref="HttpMethodMetadata"/>, for which routing
/// itself answers 405 with <c>Allow</c>.
/// </summary>
public static class PageMethods
{
    private const string HandlerKey = "handler";

    /// <summary>Adds the check; call it right after <c>UseRouting</c>.</summary>
    public static IApplicationBuilder UsePageMethods(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<CompiledPageActionDescriptor>() is not { } page)
        {
            await next(context);
            return;
        }

        if (IsReExecution(context))
        {
            // The status or error page shown for a failed request, re-executed with that request's method: it is
            // rendered as for GET (HEAD stays HEAD), so a refused POST gets its page instead of a second refusal.
            await RenderAsGetAsync(context, next);
            return;
        }

        var method = context.Request.Method;
        var allowed = Allowed(page);
        if (!allowed.Contains(method, StringComparer.OrdinalIgnoreCase))
        {
            context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            context.Response.Headers.Allow = string.Join(", ", allowed);
            return;
        }

        if (!HasHandler(page, method, HandlerName(context)))
        {
            // The method is served, but not under this handler name: there is nothing at this address for it.
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        await next(context);
    });

    /// <summary>The methods the page's handlers serve; HEAD wherever GET is (Razor Pages answers HEAD with the GET handler).</summary>
    public static IReadOnlyList<string> Allowed(CompiledPageActionDescriptor page)
    {
        var methods = page.HandlerMethods.Select(h => h.HttpMethod.ToUpperInvariant()).ToList();
        if (methods.Count == 0)
        {
            // A page without handlers is rendered for GET as it is.
            methods.Add(HttpMethods.Get);
        }

        if (methods.Contains(HttpMethods.Get))
        {
            methods.Add(HttpMethods.Head);
        }

        return methods.Distinct().Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>Handler selection as Razor Pages does it: the method (HEAD falling back to GET), then the name when the handler has one.</summary>
    private static bool HasHandler(CompiledPageActionDescriptor page, string method, string? name)
    {
        if (page.HandlerMethods.Count == 0)
        {
            return true;
        }

        var candidates = page.HandlerMethods.Where(h => string.Equals(h.HttpMethod, method, StringComparison.OrdinalIgnoreCase)).ToList();
        if (candidates.Count == 0 && HttpMethods.IsHead(method))
        {
            candidates = page.HandlerMethods.Where(h => HttpMethods.IsGet(h.HttpMethod)).ToList();
        }

        return candidates.Any(h => h.Name is null || h.Name.Equals(name, StringComparison.OrdinalIgnoreCase));
    }

    private static string? HandlerName(HttpContext context) =>
        context.GetRouteValue(HandlerKey) is { } value && Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) is { Length: > 0 } routed
            ? routed
            : context.Request.Query.TryGetValue(HandlerKey, out var query) ? query[0] : null;

    private static bool IsReExecution(HttpContext context) =>
        context.Features.Get<IStatusCodeReExecuteFeature>() is not null || context.Features.Get<IExceptionHandlerFeature>() is not null;

    private static async Task RenderAsGetAsync(HttpContext context, RequestDelegate next)
    {
        var method = context.Request.Method;
        if (!HttpMethods.IsHead(method))
        {
            context.Request.Method = HttpMethods.Get;
        }

        try
        {
            await next(context);
        }
        finally
        {
            context.Request.Method = method;
        }
    }
}

namespace CyberNormPortal.Web.Hosting;

/// <summary>
/// The headers every response carries, whatever produced it (page, API, feed, static file, error or 404 page):
/// a strict content security policy, no MIME sniffing, and a referrer that never leaves the origin with its path.
/// HSTS is <c>UseHsts</c>'s, outside Development; the Server header is switched off in Kestrel (<see cref="WebHostingExtensions"/>).
/// </summary>
public static class SecurityHeaders
{
    /// <summary>
    /// Scripts, styles and images from the portal itself only: no inline script or style, no eval, no plugins,
    /// no framing (clickjacking), forms post only to the portal. <c>data:</c> images are the two-factor QR code.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
        + "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public const string ReferrerPolicy = "strict-origin-when-cross-origin";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            // Set when the headers go out, not now: the exception handler clears the response's headers before
            // it renders the error page, and those must carry them too.
            context.Response.OnStarting(static state =>
            {
                var headers = ((HttpResponse)state).Headers;
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = ReferrerPolicy;
                // For browsers that predate frame-ancestors.
                headers.XFrameOptions = "DENY";
                headers.XPoweredBy = default;
                headers.Server = default;
                return Task.CompletedTask;
            }, context.Response);
            return next(context);
        });
}

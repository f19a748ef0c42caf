using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace CyberNormPortal.Web.Identity;

/// <summary>
/// A page that changes how the account is protected (two-factor set-up, reset, turning off, new recovery codes)
/// opens only within <see cref="PortalSessions.RecentSignIn"/> of the password being proven; otherwise the user is sent to
/// enter it again, and comes back here. A session left open on a shared computer cannot switch off the second factor.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class RequiresRecentSignInAttribute : Attribute, IAsyncPageFilter
{
    public const string ConfirmPasswordPath = "/account/confirm-password";

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var http = context.HttpContext;
        if (http.User.Identity?.IsAuthenticated == true && !await PortalSessions.AuthenticatedRecentlyAsync(http))
        {
            // Back to the page itself (a GET), not to the form that was posted: the form is shown again.
            var returnUrl = http.Request.PathBase + http.Request.Path + (HttpMethods.IsGet(http.Request.Method) ? http.Request.QueryString : default);
            context.Result = new RedirectResult($"{ConfirmPasswordPath}?returnUrl={Uri.EscapeDataString(returnUrl)}");
            return;
        }

        await next();
    }
}

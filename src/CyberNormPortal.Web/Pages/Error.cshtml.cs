using CyberNormPortal.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CyberNormPortal.Web.Pages;

/// <summary>
/// What a user sees when the portal fails (outside Development): no exception or stack trace, a reference to
/// quote to support, logged with the exception as CorrelationId (Hosting/LoggingExtensions.cs).
/// </summary>
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public string CorrelationId { get; private set; } = "";

    public void OnGet() => CorrelationId = LoggingExtensions.CorrelationIdOf(HttpContext);

    public void OnPost() => OnGet();
}

using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CyberNormPortal.Web.Pages;

/// <summary>The page shown for an error status (404 and the like), re-executed by the status-code middleware.</summary>
public sealed class StatusModel : PageModel
{
    public int Code { get; private set; }

    public void OnGet(int code)
    {
        Code = code;
    }
}

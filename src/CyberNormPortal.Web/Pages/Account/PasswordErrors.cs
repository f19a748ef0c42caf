using CyberNormPortal.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace CyberNormPortal.Web.Pages.Account;

/// <summary>Puts Identity's password-rule errors next to the new-password field; anything else at the top.</summary>
public static class PasswordErrors
{
    public static void AddTo(ModelStateDictionary modelState, IEnumerable<IdentityError> errors, string passwordField = "Input.NewPassword")
    {
        foreach (var error in errors)
        {
            var isAboutThePassword = error.Code.StartsWith("Password", StringComparison.Ordinal) || error.Code == PortalIdentityErrorDescriber.CommonPasswordCode;
            modelState.AddModelError(isAboutThePassword ? passwordField : string.Empty, error.Description);
        }
    }
}

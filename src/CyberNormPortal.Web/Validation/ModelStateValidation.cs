using FluentValidation;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace CyberNormPortal.Web.Validation;

public static class ModelStateValidation
{
    /// <summary>
    /// Runs a FluentValidation validator and copies its errors to the model state under
    /// <paramref name="prefix"/> (the bound property's name), so each message stands next to its field.
    /// Returns whether the model state is valid afterwards.
    /// </summary>
    public static async Task<bool> ValidateIntoAsync<T>(
        this IValidator<T> validator, T instance, ModelStateDictionary modelState, string prefix = "Input", CancellationToken cancellationToken = default)
    {
        var result = await validator.ValidateAsync(instance, cancellationToken);
        foreach (var error in result.Errors)
        {
            var key = string.IsNullOrEmpty(prefix) ? error.PropertyName : $"{prefix}.{error.PropertyName}";
            modelState.AddModelError(key, error.ErrorMessage);
        }

        return modelState.IsValid;
    }
}

using System.Collections;
using System.Reflection;
using System.Text.RegularExpressions;
using FluentValidation;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace CyberNormPortal.Web.Validation;

public static partial class ModelStateValidation
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

    /// <summary>
    /// Every error of the form, in the order of its fields: a form lays its fields out in the order its input
    /// model declares them, so the order is defined once, by that declaration, whatever order the validator's
    /// rules or the model binder added the errors in. Rows of a list follow their index; errors about the whole
    /// form (no key) come first; a key the model does not declare comes last.
    /// </summary>
    public static IReadOnlyList<(string Key, string Message)> ErrorsInFieldOrder(this ModelStateDictionary modelState, Type? model) =>
        modelState
            .Where(e => e.Value is { Errors.Count: > 0 })
            .OrderBy(e => FieldPosition(model, e.Key), PositionComparer.Instance)
            .SelectMany(e => e.Value!.Errors.Select(error => (e.Key, error.ErrorMessage)))
            .ToList();

    /// <summary>Where the field named <paramref name="key"/> ("Input.References[1].Url") stands: one number per step of the path.</summary>
    private static List<int> FieldPosition(Type? type, string key)
    {
        var position = new List<int>();
        if (key.Length == 0)
        {
            return position;
        }

        foreach (Match step in KeyStep().Matches(key))
        {
            var property = type?.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .OrderBy(p => p.MetadataToken)
                .Select((p, index) => (Property: p, Index: index))
                .FirstOrDefault(p => p.Property.Name.Equals(step.Groups["name"].Value, StringComparison.OrdinalIgnoreCase));
            if (property?.Property is not { } found)
            {
                position.Add(int.MaxValue);
                return position;
            }

            position.Add(property.Value.Index);
            type = found.PropertyType;
            if (step.Groups["index"].Success)
            {
                position.Add(int.TryParse(step.Groups["index"].Value, out var index) ? index : int.MaxValue);
                type = ElementType(type);
            }
        }

        return position;
    }

    private static Type? ElementType(Type type) =>
        type.IsArray ? type.GetElementType()
        : typeof(IEnumerable).IsAssignableFrom(type) && type.IsGenericType ? type.GetGenericArguments()[^1]
        : null;

    [GeneratedRegex(@"(?<name>[^.\[\]]+)(?:\[(?<index>[^\]]*)\])?")]
    private static partial Regex KeyStep();

    private sealed class PositionComparer : IComparer<List<int>>
    {
        public static readonly PositionComparer Instance = new();

        public int Compare(List<int>? x, List<int>? y)
        {
            for (var i = 0; i < Math.Min(x!.Count, y!.Count); i++)
            {
                if (x[i] != y[i])
                {
                    return x[i].CompareTo(y[i]);
                }
            }

            return x.Count.CompareTo(y.Count);
        }
    }
}

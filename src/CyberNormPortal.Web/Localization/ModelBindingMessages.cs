using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace CyberNormPortal.Web.Localization;

/// <summary>
/// What model binding says when a posted value cannot be read into its field ("abc" for a number, say), in the
/// reader's language: each is a key of Resources/SharedResource.resx, in English the text ASP.NET Core writes.
/// </summary>
public static class ModelBindingMessages
{
    public const string MissingBindRequiredValue = "A value for the '{0}' parameter or property was not provided.";
    public const string MissingKeyOrValue = "A value is required.";
    public const string MissingRequestBodyRequiredValue = "A non-empty request body is required.";
    public const string ValueMustNotBeNull = ValueIsInvalid;
    public const string AttemptedValueIsInvalid = "The value '{0}' is not valid for {1}.";
    public const string NonPropertyAttemptedValueIsInvalid = "The value '{0}' is not valid.";
    public const string UnknownValueIsInvalid = "The supplied value is invalid for {0}.";
    public const string NonPropertyUnknownValueIsInvalid = "The supplied value is invalid.";
    public const string ValueIsInvalid = "The value '{0}' is invalid.";
    public const string ValueMustBeANumber = "The field {0} must be a number.";
    public const string NonPropertyValueMustBeANumber = "The field must be a number.";

    public static IServiceCollection AddLocalizedModelBindingMessages(this IServiceCollection services)
    {
        services.AddSingleton<IConfigureOptions<MvcOptions>, Setup>();
        return services;
    }

    private sealed class Setup(IStringLocalizerFactory factory) : IConfigureOptions<MvcOptions>
    {
        public void Configure(MvcOptions options)
        {
            // The localizer reads the culture of the request at each lookup, so one instance serves every request.
            var l = factory.Create(typeof(SharedResource));
            var messages = options.ModelBindingMessageProvider;
            messages.SetMissingBindRequiredValueAccessor(name => l[MissingBindRequiredValue, name]);
            messages.SetMissingKeyOrValueAccessor(() => l[MissingKeyOrValue]);
            messages.SetMissingRequestBodyRequiredValueAccessor(() => l[MissingRequestBodyRequiredValue]);
            messages.SetValueMustNotBeNullAccessor(value => l[ValueMustNotBeNull, value]);
            messages.SetAttemptedValueIsInvalidAccessor((value, name) => l[AttemptedValueIsInvalid, value, name]);
            messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => l[NonPropertyAttemptedValueIsInvalid, value]);
            messages.SetUnknownValueIsInvalidAccessor(name => l[UnknownValueIsInvalid, name]);
            messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => l[NonPropertyUnknownValueIsInvalid]);
            messages.SetValueIsInvalidAccessor(value => l[ValueIsInvalid, value]);
            messages.SetValueMustBeANumberAccessor(name => l[ValueMustBeANumber, name]);
            messages.SetNonPropertyValueMustBeANumberAccessor(() => l[NonPropertyValueMustBeANumber]);
        }
    }
}

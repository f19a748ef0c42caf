using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace CyberNormPortal.Web.Validation;

/// <summary>
/// A field left blank binds as "", not null: validation (FluentValidation, explicit in each page) says what is
/// missing, and page code never meets a null where the model says a string is never null.
/// </summary>
public sealed class EmptyStringsStayEmpty : IDisplayMetadataProvider
{
    public void CreateDisplayMetadata(DisplayMetadataProviderContext context)
    {
        if (context.Key.ModelType == typeof(string))
        {
            context.DisplayMetadata.ConvertEmptyStringToNull = false;
        }
    }
}

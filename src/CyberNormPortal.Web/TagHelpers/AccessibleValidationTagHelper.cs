using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace CyberNormPortal.Web.TagHelpers;

/// <summary>
/// Ties a field to its error for screen readers: an input, select or textarea bound with <c>asp-for</c> gets
/// <c>aria-invalid="true"</c> and <c>aria-describedby</c> pointing at its message when the model state has an
/// error for it; the message span (<c>asp-validation-for</c>) gets the matching id.
/// </summary>
[HtmlTargetElement("input", Attributes = ForAttribute)]
[HtmlTargetElement("select", Attributes = ForAttribute)]
[HtmlTargetElement("textarea", Attributes = ForAttribute)]
[HtmlTargetElement("span", Attributes = ValidationForAttribute)]
public sealed class AccessibleValidationTagHelper : TagHelper
{
    private const string ForAttribute = "asp-for";
    private const string ValidationForAttribute = "asp-validation-for";

    [HtmlAttributeName(ForAttribute)]
    public ModelExpression? For { get; set; }

    [HtmlAttributeName(ValidationForAttribute)]
    public ModelExpression? ValidationFor { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    /// <summary>After the framework's own tag helpers, so their output is in place.</summary>
    public override int Order => 1000;

    public static string ErrorId(string fieldName) => TagBuilder.CreateSanitizedId(fieldName, "_") + "-error";

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var expression = For ?? ValidationFor;
        if (expression is null)
        {
            return;
        }

        var name = ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(expression.Name);
        var errorId = ErrorId(name);
        if (ValidationFor is not null)
        {
            output.Attributes.SetAttribute("id", errorId);
            return;
        }

        if (ViewContext.ModelState.TryGetValue(name, out var entry) && entry.Errors.Count > 0)
        {
            output.Attributes.SetAttribute("aria-invalid", "true");
            var describedBy = output.Attributes.TryGetAttribute("aria-describedby", out var existing)
                ? $"{existing.Value} {errorId}"
                : errorId;
            output.Attributes.SetAttribute("aria-describedby", describedBy);
        }
    }
}

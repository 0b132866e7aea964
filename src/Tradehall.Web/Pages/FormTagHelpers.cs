using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Tradehall.Web.Pages;

/// <summary>
/// Marks a form control that has an error (<c>aria-invalid</c>) and ties it to the message beside it
/// (<c>aria-describedby</c>), so screen readers announce the problem with the field.
/// </summary>
[HtmlTargetElement("input", Attributes = "asp-for")]
[HtmlTargetElement("select", Attributes = "asp-for")]
[HtmlTargetElement("textarea", Attributes = "asp-for")]
public sealed class AriaErrorTagHelper : TagHelper
{
    // After the framework's input, select and textarea helpers have written id and name.
    public override int Order => 1000;

    [HtmlAttributeName("asp-for")]
    public ModelExpression? For { get; set; }

    [ViewContext, HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (For is null || !ViewContext.ViewData.ModelState.TryGetValue(For.Name, out var entry) || entry.Errors.Count == 0)
        {
            return;
        }
        var id = output.Attributes.TryGetAttribute("id", out var idAttribute) ? idAttribute.Value?.ToString() : null;
        id ??= TagBuilder.CreateSanitizedId(For.Name, "_");
        var described = output.Attributes.TryGetAttribute("aria-describedby", out var existing) ? existing.Value + " " : "";
        output.Attributes.SetAttribute("aria-describedby", described + id + "-error");
        output.Attributes.SetAttribute("aria-invalid", "true");
    }
}

/// <summary><c>&lt;field-error for="Email" /&gt;</c>: the messages for one field, with the id the control points at.</summary>
[HtmlTargetElement("field-error", TagStructure = TagStructure.WithoutEndTag)]
public sealed class FieldErrorTagHelper : TagHelper
{
    public string For { get; set; } = "";

    [ViewContext, HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (!ViewContext.ViewData.ModelState.TryGetValue(For, out var entry) || entry.Errors.Count == 0)
        {
            output.SuppressOutput();
            return;
        }
        output.TagName = "p";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "field-error");
        output.Attributes.SetAttribute("id", TagBuilder.CreateSanitizedId(For, "_") + "-error");
        for (var i = 0; i < entry.Errors.Count; i++)
        {
            if (i > 0)
            {
                output.Content.AppendHtml("<br>");
            }
            output.Content.Append(entry.Errors[i].ErrorMessage);
        }
    }
}

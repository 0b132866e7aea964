namespace Tradehall.Web.Pages.Operator.Categories;

/// <summary>The name and synonym fields the add and change pages share (<c>_CategoryNames.cshtml</c>).</summary>
public interface ICategoryNames
{
    string? NameEn { get; set; }
    string? NameRu { get; set; }
    string? Synonyms { get; set; }
}

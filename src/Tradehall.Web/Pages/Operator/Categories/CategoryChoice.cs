namespace Tradehall.Web.Pages.Operator.Categories;

/// <summary>A live category as a line of the console's selects, indented by its depth and named in the operator's language.</summary>
public sealed record CategoryChoice(int Id, string Label)
{
    public static bool Russian => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "ru";

    public static IReadOnlyList<CategoryChoice> Live(IEnumerable<CategoryAdminView> tree, int? except = null) =>
        [.. tree.Where(c => !c.Category.Retired && c.Category.Id != except)
            .Select(c => new CategoryChoice(c.Category.Id, new string('\u00A0', c.Depth * 4) + c.Category.Name(Russian)))];

    /// <summary>The name of a category in the operator's language, for "merged into" notes; empty when unknown.</summary>
    public static string NameOf(IEnumerable<CategoryAdminView> tree, int? id) =>
        tree.FirstOrDefault(c => c.Category.Id == id)?.Category.Name(Russian) ?? "";
}

namespace Tradehall.Web.Pages.Operator.Catalog;

/// <summary>BIL-06: what the catalogue's forms share — an item edited or added with refusals beside the fields, then back to the catalogue.</summary>
public abstract class CatalogFormModel : TradehallPageModel
{
    /// <summary>Runs <paramref name="update"/> when editing, else <paramref name="create"/>; false with the refusals shown.</summary>
    protected Task<bool> SaveAsync(bool editing, Func<Task> update, Func<Task> create, string[] fields) =>
        TryAsync(editing ? update : create, fields);

    /// <summary>The catalogue, with a note of what was done.</summary>
    protected IActionResult BackToCatalog(string note)
    {
        Notice(note);
        return LocalRedirect("/operator/catalog");
    }
}

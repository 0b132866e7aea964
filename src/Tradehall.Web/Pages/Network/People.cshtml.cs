using Tradehall.Core.Network.Directory;

namespace Tradehall.Web.Pages.Network;

/// <summary>NET-06: the directory of people and organizations, open to visitors.</summary>
public sealed class PeopleModel(DirectorySearch directory) : NetworkPageModel
{
    [FromQuery(Name = "q")] public string? Q { get; set; }
    [FromQuery(Name = "city")] public string? City { get; set; }
    [FromQuery(Name = "industry")] public string? Industry { get; set; }
    [FromQuery(Name = "kind")] public string? Kind { get; set; }
    [FromQuery(Name = "page")] public int? PageNumber { get; set; }

    public DirectoryPage? Results { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        await TryAsync(async () => Results = await directory.SearchAsync(new DirectoryQuery(Q, City, Industry, Kind), PageRequest.Of(PageNumber), cancellationToken));
    }

    /// <summary>
    /// The people picker's suggestions (<c>/people?handler=Suggest&amp;q=</c>): the first page of people whose name or page
    /// address holds the words, as the directory finds them. Nothing is suggested for no words.
    /// </summary>
    public async Task<IActionResult> OnGetSuggestAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(Q))
        {
            return new JsonResult(Array.Empty<DirectoryEntry>());
        }
        var found = await directory.SearchAsync(new DirectoryQuery(Q, null, null, DirectorySearch.People), PageRequest.First, cancellationToken);
        return new JsonResult(found.Items);
    }

    public string PageLink(int page) =>
        "/people?" + string.Join('&', new[] { ("q", Q), ("city", City), ("industry", Industry), ("kind", Results?.Kind), ("page", page.ToString(System.Globalization.CultureInfo.InvariantCulture)) }
            .Where(p => !string.IsNullOrEmpty(p.Item2)).Select(p => $"{p.Item1}={Uri.EscapeDataString(p.Item2!)}"));
}

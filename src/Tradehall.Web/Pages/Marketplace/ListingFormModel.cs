using System.Globalization;
using Tradehall.Core.Marketplace;
using Tradehall.Core.Marketplace.Categories;
using Tradehall.Core.Marketplace.Listings;
using Tradehall.Core.Network;

namespace Tradehall.Web.Pages.Marketplace;

/// <summary>One category of the select, with its depth in the tree for indentation.</summary>
/// <summary>MKT-01: the listing form shared by the new and edit pages; the same handler checks it as the API does.</summary>
public abstract class ListingFormModel(CategoryTree categories, INetwork network, IOptions<MarketplaceOptions> options) : TradehallPageModel
{
    /// <summary>Form fields in page order, so refusals land beside them and the summary reads top to bottom.</summary>
    public static readonly string[] Fields =
        [nameof(Type), nameof(Title), nameof(Description), nameof(CategoryId), nameof(Price), nameof(Currency), nameof(Unit), nameof(Quantity),
            nameof(Country), nameof(Region), nameof(OrganizationId)];

    [BindProperty] public string? Type { get; set; } = "offer";
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? Description { get; set; }
    [BindProperty] public int? CategoryId { get; set; }
    [BindProperty] public string? Price { get; set; }
    [BindProperty] public string? Currency { get; set; }
    [BindProperty] public string? Unit { get; set; }
    [BindProperty] public string? Quantity { get; set; }
    [BindProperty] public string? Country { get; set; } = "RU";
    [BindProperty] public string? Region { get; set; }
    [BindProperty] public Guid? OrganizationId { get; set; }

    public MarketplaceOptions Limits => options.Value;
    public IReadOnlyList<CategoryOption> Categories { get; private set; } = [];
    public IReadOnlyList<OrganizationCard> Organizations { get; private set; } = [];

    protected async Task LoadChoicesAsync(CancellationToken cancellationToken)
    {
        Categories = CategoryOption.Flatten(await categories.TreeAsync(cancellationToken));
        Organizations = await network.OrganizationsOfAsync(User.MemberId(), cancellationToken);
    }

    protected ListingRequest FormRequest() =>
        new(Type, Title, Description, CategoryId, Number(Price), Currency, Unit, Number(Quantity), Country, Region, OrganizationId);

    protected void Fill(ListingView listing)
    {
        Type = listing.Type == ListingType.Offer ? "offer" : "request";
        Title = listing.Title;
        Description = listing.Description;
        CategoryId = listing.Category.Id;
        Price = listing.Price.ToString("0.##", CultureInfo.CurrentCulture);
        Currency = listing.Currency;
        Unit = listing.Unit;
        Quantity = listing.Quantity.ToString("0.###", CultureInfo.CurrentCulture);
        Country = listing.Country;
        Region = listing.Region;
        OrganizationId = listing.Organization?.Id;
    }

    /// <summary>
    /// A number as people type it in either language: spaces between thousands, a comma or a point before the decimals.
    /// What is not a number goes on as -1, which the handler refuses with the field's own message.
    /// </summary>
    private static decimal? Number(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var clean = new string([.. text.Where(c => !char.IsWhiteSpace(c))]).Replace(',', '.');
        return decimal.TryParse(clean, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value : -1;
    }
}

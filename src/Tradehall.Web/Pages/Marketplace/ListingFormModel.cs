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

    /// <summary>The form as the handler's request, with the fields that could not be read as numbers (the handler refuses them with the rest).</summary>
    protected (ListingRequest Request, FieldErrors Unreadable) Form()
    {
        var unreadable = new FieldErrors();
        var culture = CultureInfo.CurrentCulture;
        return (new(Type, Title, Description, CategoryId, Amounts.Number(Price, culture).Or(unreadable, "price"), Currency, Unit,
            Amounts.Number(Quantity, culture).Or(unreadable, "quantity"), Country, Region, OrganizationId), unreadable);
    }

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
}

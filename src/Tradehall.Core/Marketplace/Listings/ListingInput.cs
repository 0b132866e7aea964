using Tradehall.Core.Legal.Subscribers;
using Tradehall.Core.Marketplace.Categories;

namespace Tradehall.Core.Marketplace.Listings;

/// <summary>What a member sends to post or edit a listing (<c>POST /api/v1/listings</c>, SPEC §15).</summary>
public sealed record ListingRequest(
    string? Type,
    string? Title,
    string? Description,
    int? CategoryId,
    decimal? Price,
    string? Currency,
    string? Unit,
    decimal? Quantity,
    string? Country,
    string? Region,
    Guid? OrganizationId = null);

/// <summary>A request that passed every check, in the form a listing stores.</summary>
internal sealed record ListingValues(ListingType Type, string Title, string Description, int CategoryId, long Price, string Currency,
    string Unit, decimal Quantity, string Country, string Region, Guid? OrganizationId)
{
    public void ApplyTo(Listing listing)
    {
        listing.Type = Type;
        listing.Title = Title;
        listing.Description = Description;
        listing.CategoryId = CategoryId;
        listing.Price = Price;
        listing.Currency = Currency;
        listing.Unit = Unit;
        listing.Quantity = Quantity;
        listing.Country = Country;
        listing.Region = Region;
        listing.OrganizationId = OrganizationId;
    }
}

/// <summary>
/// MKT-01: every field of a listing checked at once, so a refusal names all the problems and writes nothing.
/// A category of any level is accepted: a general "Sawn goods" offer is a real listing, and search by a category
/// takes its whole subtree, so it is found under every ancestor either way.
/// </summary>
public sealed class ListingInput(AppDbContext db, Network.INetwork network, IOptions<MarketplaceOptions> options)
{
    /// <summary>Longest region name; the column's length.</summary>
    public const int RegionMaxLength = 100;

    /// <summary>Checks every field; <paramref name="errors"/> may already hold what the caller could not read, and is refused with the rest.</summary>
    internal async Task<ListingValues> CheckAsync(Guid memberId, ListingRequest request, FieldErrors errors, CancellationToken cancellationToken)
    {
        var limits = options.Value;

        ListingType? type = request.Type?.Trim().ToLowerInvariant() switch
        {
            "offer" => ListingType.Offer,
            "request" => ListingType.Request,
            _ => null,
        };
        if (type is null)
        {
            errors.Add("type", "Choose whether you offer or request.");
        }

        var title = Flatten(request.Title);
        if (title.Length == 0)
        {
            errors.Add("title", "Give the listing a title.");
        }
        else if (title.Length > limits.TitleMaxLength)
        {
            errors.Add("title", "The title is too long.");
        }
        else if (!PlainText.IsAcceptable(title))
        {
            errors.Add("title", PlainText.Message);
        }

        var description = (request.Description ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        if (description.Length == 0)
        {
            errors.Add("description", "Describe what you offer or need.");
        }
        else if (description.Length > limits.DescriptionMaxLength)
        {
            errors.Add("description", "The description is too long.");
        }

        if (request.CategoryId is not { } categoryId)
        {
            errors.Add("categoryId", "Choose a category.");
        }
        else if (await db.Set<Category>().Where(c => c.Id == categoryId).Select(c => (bool?)c.Retired).FirstOrDefaultAsync(cancellationToken) is not { } retired)
        {
            errors.Add("categoryId", "There is no such category.");
        }
        else if (retired)
        {
            // MKT-01: the operator retired it or merged it into another; its listings were moved there.
            errors.Add("categoryId", "This category is no longer used. Choose another one.");
        }

        long price = 0;
        if (errors.Has("price"))
        {
            // Unreadable as typed: that reason stands.
        }
        else if (request.Price is not { } amount || amount <= 0)
        {
            errors.Add("price", "Give a price above zero.");
        }
        else if (amount > limits.MaxPrice)
        {
            errors.Add("price", "The price is too high.");
        }
        else if (Money.ToMinor(amount) is { } minor)
        {
            price = minor;
        }
        else
        {
            errors.Add("price", "A price has at most two decimals.");
        }

        var currency = request.Currency?.Trim().ToUpperInvariant() ?? "";
        if (!limits.Currencies.Contains(currency, StringComparer.Ordinal))
        {
            errors.Add("currency", "Choose a currency from the list.");
        }

        var unit = request.Unit?.Trim() ?? "";
        if (!limits.Units.Contains(unit, StringComparer.Ordinal))
        {
            errors.Add("unit", "Choose a unit from the list.");
        }

        var quantity = request.Quantity ?? 0;
        if (errors.Has("quantity"))
        {
            // Unreadable as typed: that reason stands.
        }
        else if (quantity <= 0)
        {
            errors.Add("quantity", "Give a quantity above zero.");
        }
        else if (quantity > limits.MaxQuantity)
        {
            errors.Add("quantity", "The quantity is too large.");
        }
        else if (decimal.Round(quantity, 3) != quantity)
        {
            errors.Add("quantity", "A quantity has at most three decimals.");
        }

        var country = request.Country?.Trim().ToUpperInvariant() ?? "";
        if (!Countries.IsAssigned(country))
        {
            errors.Add("country", "Choose a country.");
        }

        var region = Flatten(request.Region);
        if (region.Length == 0)
        {
            errors.Add("region", "Name the region.");
        }
        else if (region.Length > RegionMaxLength)
        {
            errors.Add("region", "The region name is too long.");
        }
        else if (!PlainText.IsAcceptable(region))
        {
            errors.Add("region", PlainText.Message);
        }

        if (request.OrganizationId is { } organizationId
            && (await network.OrganizationsOfAsync(memberId, cancellationToken)).All(o => o.Id != organizationId))
        {
            errors.Add("organizationId", "You can post only for an organization you work at.");
        }

        errors.ThrowIfAny("marketplace.listing_invalid", "Some fields of the listing are not valid.");
        return new ListingValues(type!.Value, title, description, request.CategoryId!.Value, price, currency, unit, quantity, country, region,
            request.OrganizationId);
    }

    /// <summary>One line: runs of white space (line breaks included) become one space.</summary>
    private static string Flatten(string? text) =>
        string.Join(' ', (text ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}

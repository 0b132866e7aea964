using System.Globalization;
using System.Text;
using Bogus;
using static Tradehall.Demo.DemoMarketCatalog;
using BogusGender = Bogus.DataSets.Name.Gender;

namespace Tradehall.Demo;

/// <summary>A generated trader: name and place, and whether they write in Russian.</summary>
internal sealed record MarketPerson(string FirstName, string LastName, Gender Gender, Place Place, bool Russian);

/// <summary>Who a generated listing is posted by, and on behalf of which organization.</summary>
internal sealed record MarketOwner(Guid MemberId, Guid? OrganizationId, Place Place, bool Russian);

/// <summary>
/// MKT-01 demo data: a market that looks real — listings of every category of the seeded taxonomy with titles and
/// descriptions in English and Russian, units and prices per category and currency, offers and requests about 70/30,
/// places from the Russian north-west and Siberia to the Baltic, Germany and China, posted over the last
/// <see cref="Months"/> months. Prices follow each sector's trend and seasons month by month plus noise, so analytics
/// and price reviews have a history to show. Everything but ids comes from <c>seed</c>: the same seed and clock give
/// the same market.
/// </summary>
internal sealed class DemoMarket
{
    public const int Months = 18;

    /// <summary>Month 0 of the price and rate curves: fixed, so a month's level does not depend on when the market was made.</summary>
    private const int EpochMonth = 2025 * 12;

    /// <summary>Inner nodes of the taxonomy: traders post mostly to the leaves below them, so these weigh a quarter.</summary>
    private static readonly HashSet<int> Branches = [1, 2, 6, 10, 11, 16, 19, 23, 27, 28, 34, 37, 38, 41, 44, 47, 48, 54, 57, 58, 61, 66];

    private static readonly HashSet<int> Popular = [3, 4, 12, 13, 29, 49, 50, 52];

    /// <summary>
    /// The trades beyond timber (ids from 100) weigh less than timber's: their leaves half a timber leaf, their inner
    /// nodes a quarter, so timber stays the largest trade of the market.
    /// </summary>
    private const int FirstIndustryId = 100;

    private static readonly HashSet<int> IndustryBranches = [100, 101, 110, 115, 120, 122, 140, 141, 146, 150, 160, 161, 166, 170, 180, 187, 200, 204, 208, 211, 220, 230];

    private readonly Random random;
    private readonly Randomizer names;
    private readonly Dictionary<string, Faker> fakers = [];
    private readonly DateTime now;
    private readonly TimeSpan validity;
    private readonly double phase;
    private readonly int[] productWeights;
    private readonly int[] placeWeights;

    public DemoMarket(int seed, DateTime now, TimeSpan validity)
    {
        random = new Random(seed);
        names = new Randomizer(seed);
        this.now = now;
        this.validity = validity;
        phase = seed % 1000 / 1000.0 * Math.PI * 2;
        productWeights = [.. Products.Select(p => p.CategoryId >= FirstIndustryId ? (IndustryBranches.Contains(p.CategoryId) ? 1 : 2)
            : Branches.Contains(p.CategoryId) ? 1 : Popular.Contains(p.CategoryId) ? 8 : 4)];
        placeWeights = [.. Places.Select(p => p.Weight)];
    }

    /// <summary>The first day of the earliest month listings are posted in.</summary>
    public DateOnly FirstMonth => new DateOnly(now.Year, now.Month, 1).AddMonths(-Months + 1);

    public MarketPerson Person()
    {
        var place = Places[Pick(placeWeights)];
        var russian = random.NextDouble() < place.Russian;
        var locale = russian ? "ru" : place.Locale;
        if (!fakers.TryGetValue(locale, out var faker))
        {
            // One random source for every locale, so the names depend on the seed and the order only.
            faker = new Faker(locale) { Random = names };
            fakers[locale] = faker;
        }
        var female = random.NextDouble() < 0.4;
        var gender = female ? BogusGender.Female : BogusGender.Male;
        return new MarketPerson(faker.Name.FirstName(gender), faker.Name.LastName(gender), female ? Gender.Female : Gender.Male, place, russian);
    }

    /// <summary>A company name and legal form as traders of <paramref name="person"/>'s country write them.</summary>
    public (string Name, string LegalForm) Organization(MarketPerson person)
    {
        var pick = random.Next(1000);
        var name = person.Russian
            ? OrganizationStemsRu[pick % OrganizationStemsRu.Length] + OrganizationEndsRu[random.Next(OrganizationEndsRu.Length)]
            : OrganizationStemsEn[pick % OrganizationStemsEn.Length] + " " + OrganizationEndsEn[random.Next(OrganizationEndsEn.Length)];
        return (name, DemoMarketCatalog.LegalForm(person.Place.Country, pick));
    }

    /// <summary>An index below <paramref name="count"/>, low ones likelier: a few traders post most listings.</summary>
    public int PickOwner(int count) => Math.Min(count - 1, (int)(count * Math.Pow(random.NextDouble(), 1.6)));

    /// <summary>
    /// The reference price in roubles of one unit of a category's product in the month of <paramref name="month"/>:
    /// the product's level, its sector's trend since the epoch, the seasonal swing and a small monthly wobble of this seed.
    /// </summary>
    public decimal ReferencePrice(int categoryId, DateOnly month)
    {
        var product = ProductOf(categoryId);
        var sector = Sectors[product.SectorId];
        var index = month.Year * 12 + month.Month - 1 - EpochMonth;
        var trend = Math.Pow(1 + sector.Trend + (categoryId * 37 % 7 - 3) * 0.001, index);
        var season = 1 + sector.Season * Math.Cos(2 * Math.PI * (month.Month - sector.PeakMonth) / 12);
        var wobble = 1 + 0.02 * Math.Sin(index * 1.7 + categoryId + phase);
        return decimal.Round(product.BaseRub * (decimal)(trend * season * wobble), 2);
    }

    /// <summary>ANL-03 demo rates: roubles per unit of <paramref name="currency"/> in a month, drifting a few per cent.</summary>
    public static decimal Rate(string currency, DateOnly month)
    {
        var index = month.Year * 12 + month.Month - 1 - EpochMonth;
        var k = currency.Sum(c => c) % 11;
        var drift = 1 + 0.05 * Math.Sin(index / 4.0 + k) + 0.015 * Math.Sin(index * 1.3 + k);
        return decimal.Round(RateLevels[currency] * (decimal)drift, 4);
    }

    public static Product ProductOf(int categoryId) => Products.First(p => p.CategoryId == categoryId);

    /// <summary>The next listing of the market, posted by <paramref name="owner"/>.</summary>
    public Listing Listing(MarketOwner owner)
    {
        var product = Products[Pick(productWeights)];
        var sector = Sectors[product.SectorId];
        var type = random.NextDouble() < 0.7 ? ListingType.Offer : ListingType.Request;
        var place = random.NextDouble() < 0.85 ? owner.Place : Places[Pick(placeWeights)];
        var russian = random.NextDouble() < 0.9 ? owner.Russian : random.NextDouble() < place.Russian;

        // Newer months carry more listings (a growing market): the age's density falls linearly to the oldest day.
        var span = now - now.AddMonths(-Months);
        var postedAt = now - span * (1 - Math.Sqrt(random.NextDouble()));
        postedAt = postedAt.AddTicks(-(postedAt.Ticks % TimeSpan.TicksPerSecond));
        var month = new DateOnly(postedAt.Year, postedAt.Month, 1);

        var currencies = CurrenciesOf(place.Country);
        var currency = currencies[Pick([.. currencies.Select(c => c.Weight)])].Currency;
        var noise = 0.88 + 0.12 * (random.NextDouble() + random.NextDouble());
        var rub = ReferencePrice(product.CategoryId, month) * (decimal)noise * (type == ListingType.Request ? 0.95m : 1m);
        var major = Nice(currency == "RUB" ? rub : rub / Rate(currency, month));

        var name = Choose(russian ? product.Ru : product.En);
        var spec = Choose(product.Specs).In(russian);
        var title = (type == ListingType.Request ? Choose(RequestPrefixes).In(russian) : "") + name + (spec.Length > 0 ? ", " + spec : "");
        var quantity = Quantity(product);
        var listing = new Listing
        {
            Type = type,
            OwnerId = owner.MemberId,
            OrganizationId = owner.OrganizationId is not null && random.NextDouble() < 0.75 ? owner.OrganizationId : null,
            Title = title,
            Description = Description(product, sector, type, russian, name, spec, quantity, place),
            CategoryId = product.CategoryId,
            Price = (long)(major * 100),
            Currency = currency,
            Unit = product.Unit,
            Quantity = quantity,
            Country = place.Country,
            Region = place.Region,
            PostedAt = postedAt,
        };
        Lifecycle(listing);
        var days = (now - postedAt).TotalDays;
        listing.Views = (long)(days * random.NextDouble() * 6);
        listing.Inquiries = listing.Views / random.Next(25, 80);
        return listing;
    }

    /// <summary>
    /// MKT-01: listings still within their validity are active; of the older ones one in five was renewed by its owner
    /// and is active again, a few were withdrawn or blocked, the rest expired.
    /// </summary>
    private void Lifecycle(Listing listing)
    {
        listing.ExpiresAt = listing.PostedAt + validity;
        listing.UpdatedAt = listing.PostedAt;
        if (listing.ExpiresAt > now)
        {
            listing.Status = ListingStatus.Active;
            return;
        }
        var fate = random.NextDouble();
        if (fate < 0.2)
        {
            var renewed = now - validity * random.NextDouble();
            listing.UpdatedAt = renewed.AddTicks(-(renewed.Ticks % TimeSpan.TicksPerSecond));
            listing.ExpiresAt = listing.UpdatedAt + validity;
            listing.Status = ListingStatus.Active;
        }
        else if (fate < 0.24)
        {
            listing.UpdatedAt = listing.PostedAt + validity * random.NextDouble();
            listing.Status = ListingStatus.Withdrawn;
        }
        else if (fate < 0.243)
        {
            listing.UpdatedAt = listing.PostedAt + validity * random.NextDouble();
            listing.Status = ListingStatus.Blocked;
        }
        else
        {
            listing.UpdatedAt = listing.ExpiresAt;
            listing.Status = ListingStatus.Expired;
        }
    }

    private decimal Quantity(Product product) => product.Unit switch
    {
        "m3" => Steps(20, 2_000, 10),
        "t" => Steps(20, 5_000, 10),
        "m2" => Steps(200, 20_000, 100),
        "m" => Steps(500, 20_000, 100),
        "kg" => Steps(100, 20_000, 100),
        "pallet" => Steps(10, 2_000, 10),
        "truck" => Steps(1, 30, 1),
        "pcs" when product.BaseRub >= 1_000_000 => random.Next(1, 4),
        "pcs" when product.BaseRub < 100 => Steps(5_000, 200_000, 1_000),
        "pcs" when product.BaseRub < 1_000 => Steps(100, 20_000, 100),
        "pcs" when product.BaseRub < 10_000 => Steps(10, 2_000, 10),
        _ => Steps(1, 50, 1),
    };

    /// <summary>A quantity between the bounds, small ones likelier (spread evenly on a log scale), in whole steps.</summary>
    private decimal Steps(int low, int high, int step)
    {
        var value = Math.Exp(Math.Log(low) + random.NextDouble() * (Math.Log(high) - Math.Log(low)));
        return Math.Max(low, (decimal)Math.Round(value / step) * step);
    }

    /// <summary>A price as traders write one: three significant figures at most.</summary>
    private static decimal Nice(decimal major)
    {
        var step = major switch
        {
            >= 1_000_000 => 10_000m,
            >= 100_000 => 1_000m,
            >= 10_000 => 100m,
            >= 1_000 => 10m,
            >= 100 => 1m,
            >= 10 => 0.1m,
            _ => 0.01m,
        };
        return Math.Max(0.01m, decimal.Round(major / step, MidpointRounding.AwayFromZero) * step);
    }

    private string Description(Product product, Sector sector, ListingType type, bool russian, string name, string spec, decimal quantity, Place place)
    {
        var regular = random.NextDouble() < 0.5;
        var amount = quantity.ToString("#,0.###", russian ? CultureInfo.GetCultureInfo("ru-RU") : CultureInfo.InvariantCulture) + " " + UnitText(product.Unit, russian);
        var incoterm = Choose(Incoterms).In(russian);
        var payment = Choose(Payments).In(russian);
        var certificate = Choose(sector.Documents ?? Certificates).In(russian);
        var shipment = Choose(sector.Terms).In(russian);
        var what = name + (spec.Length > 0 ? ", " + spec : "");
        var text = new StringBuilder();
        if (type == ListingType.Offer)
        {
            text.Append(sector.Lead.In(russian)).Append("\n\n");
            text.Append(russian ? "- **Товар:** " : "- **Product:** ").Append(what).Append('\n');
            text.Append(russian ? "- **Объём:** " : "- **Volume:** ").Append(amount)
                .Append(regular ? (russian ? " ежемесячно" : " per month") : (russian ? ", одна партия" : ", one lot")).Append('\n');
            text.Append(russian ? "- **Условия:** " : "- **Terms:** ").Append(incoterm).Append(", ").Append(payment).Append('\n');
            text.Append(russian ? "- **Документы:** " : "- **Documents:** ").Append(certificate).Append('\n');
            text.Append(russian ? "- **Место:** " : "- **Location:** ").Append(place.CityIn(russian)).Append(", ").Append(place.RegionIn(russian)).Append("\n\n");
            text.Append(russian ? $"Отгрузка {shipment}. Фото и спецификация — по запросу в чате." : $"Shipment by {shipment}. Photos and a specification on request in the chat.");
        }
        else
        {
            text.Append(russian ? $"Ищем надёжного поставщика: {what}." : $"We are looking for a reliable supplier: {what}.").Append("\n\n");
            text.Append(russian ? "- **Объём:** " : "- **Volume:** ").Append(amount)
                .Append(regular ? (russian ? " ежемесячно, долгосрочный контракт" : " per month, long-term contract") : (russian ? ", разовая закупка" : ", one-off purchase")).Append('\n');
            text.Append(russian ? "- **Поставка:** " : "- **Delivery:** ").Append(incoterm).Append('\n');
            text.Append(russian ? "- **Оплата:** " : "- **Payment:** ").Append(payment).Append('\n');
            text.Append(russian ? "- **Обязательно:** " : "- **Required:** ").Append(certificate).Append("\n\n");
            text.Append(russian ? "Присылайте предложения с ценой, фото и сертификатами." : "Please send your offer with price, photos and certificates.");
        }
        return text.ToString();
    }

    private static string UnitText(string unit, bool russian) => unit switch
    {
        "m3" => russian ? "м³" : "m³",
        "m2" => russian ? "м²" : "m²",
        "m" => russian ? "пог. м" : "running m",
        "t" => russian ? "т" : "t",
        "pcs" => russian ? "шт." : "pcs",
        "truck" => russian ? "рейсов" : "truckloads",
        "kg" => russian ? "кг" : "kg",
        "wagon" => russian ? "вагонов" : "wagons",
        "container" => russian ? "контейнеров" : "containers",
        "pallet" => russian ? "паллетомест" : "pallet places",
        _ => unit,
    };

    private T Choose<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private int Pick(int[] weights)
    {
        var roll = random.Next(weights.Sum());
        for (var i = 0; i < weights.Length; i++)
        {
            roll -= weights[i];
            if (roll < 0)
            {
                return i;
            }
        }
        return weights.Length - 1;
    }
}

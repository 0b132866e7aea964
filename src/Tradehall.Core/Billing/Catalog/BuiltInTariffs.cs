namespace Tradehall.Core.Billing.Catalog;

/// <summary>BIL-06: the first tariffs of the built-in kinds, named and described in both languages; the operator edits them.</summary>
internal static class BuiltInTariffs
{
    // Both marketplace tariffs give the same; the operator words what sets them apart.
    private const string MarketplaceEn = "As many active listings as you need, highlighted in search results, and alerts when new listings match your saved searches.";
    private const string MarketplaceRu = "Сколько угодно активных объявлений, выделение в результатах поиска и уведомления о новых объявлениях по сохранённым поискам.";

    public static Tariff MarketplacePro() => new()
    {
        Name = "Marketplace Pro",
        NameRu = "Площадка Про",
        Price = 1_490_00,
        DescriptionEn = MarketplaceEn,
        DescriptionRu = MarketplaceRu,
    };

    public static Tariff MarketplaceBusiness() => new()
    {
        Name = "Marketplace Business",
        NameRu = "Площадка Бизнес",
        Price = 3_990_00,
        DescriptionEn = MarketplaceEn,
        DescriptionRu = MarketplaceRu,
    };

    public static Tariff Analytics() => new()
    {
        Name = "Analytics",
        NameRu = "Аналитика",
        Price = 2_490_00,
        DescriptionEn = "Median prices by category, region and unit, how they change month to month, and charts of their history.",
        DescriptionRu = "Медианные цены по категориям, регионам и единицам измерения, их изменение от месяца к месяцу и графики истории.",
    };

    public static Tariff PriceReview() => new()
    {
        Name = "Price review",
        NameRu = "Обзор цен",
        Price = 990_00,
        DescriptionEn = "A PDF review of market prices every month, with the reviews of past months.",
        DescriptionRu = "Ежемесячный обзор рыночных цен в PDF, а также обзоры прошлых месяцев.",
    };
}

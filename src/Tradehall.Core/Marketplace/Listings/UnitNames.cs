namespace Tradehall.Core.Marketplace.Listings;

/// <summary>
/// MKT-01, MKT-08, RUN-07: how a unit code (<see cref="MarketplaceOptions.Units"/>) reads in the reader's language — the
/// same on listings, quotes, deals and the chat messages that carry quotes.
/// </summary>
[ModuleApi]
public static class UnitNames
{
    public static string Of(IStringLocalizer text, string code) => code switch
    {
        "m3" => text["m³"],
        "t" => text["tonne"],
        "kg" => text["kg"],
        "pcs" => text["pcs"],
        "m2" => text["m²"],
        "m" => text["metre"],
        "l" => text["litre"],
        "set" => text["set"],
        "pallet" => text["pallet"],
        "truck" => text["truckload"],
        "wagon" => text["wagon"],
        "container" => text["container"],
        _ => code,
    };
}

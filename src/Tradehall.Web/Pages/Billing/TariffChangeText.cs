namespace Tradehall.Web.Pages.Billing;

/// <summary>BIL-14: one announced change in a sentence, the same on the personal account and on the page of changes.</summary>
public static class TariffChangeText
{
    public static string Summary(IStringLocalizer L, Formats fmt, TariffChangeView c, string currency) => c.Type switch
    {
        "price" => L["{0}, {1}: from {2} a period costs {3} instead of {4}.", c.ServiceKind, c.Tariff, fmt.Day(c.EffectiveOn),
            fmt.Money(c.NewPrice, currency), fmt.Money(c.OldPrice ?? c.NewPrice, currency)],
        "new" => L["{0}: the new tariff {1} is on sale from {2} at {3} per period.", c.ServiceKind, c.Tariff, fmt.Day(c.EffectiveOn), fmt.Money(c.NewPrice, currency)],
        _ => L["{0}, {1}: the tariff is closed; from {2} services move to {3} at {4} per period.", c.ServiceKind, c.Tariff, fmt.Day(c.EffectiveOn),
            c.Successor ?? "—", fmt.Money(c.NewPrice, currency)],
    };
}

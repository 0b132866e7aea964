namespace Tradehall.Web.Pages.Billing;

/// <summary>What the "how to top up" block needs beyond the operator's details: whose payment it is.</summary>
public sealed record TopUpDetails(string AccountNumber, string Login);

/// <summary>Wording the personal-account pages share, so a date or a price reads the same on each of them.</summary>
public static class BillingText
{
    /// <summary>BIL-06: what one period of a tariff is, after its price: "per month", "per 12 months".</summary>
    public static string Per(IStringLocalizer text, int months) => months == 1 ? text["per month"] : text["per {0} months", months];

    /// <summary>The months of a catalogue period as the API writes it (ISO 8601, <c>P12M</c>).</summary>
    public static int Months(string period) =>
        period.Length > 2 && period[0] == 'P' && period[^1] == 'M' && int.TryParse(period[1..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var months)
            ? months : 1;
}

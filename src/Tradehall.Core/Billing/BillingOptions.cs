using System.ComponentModel.DataAnnotations;

namespace Tradehall.Core.Billing;

/// <summary>Every period, fee and limit of billing (SPEC §13); the gateway secret comes from configuration or a key store.</summary>
public sealed class BillingOptions
{
    public const string SectionName = "Billing";

    /// <summary>BIL-01: the operator currency of every personal account.</summary>
    [Required, RegularExpression("^[A-Z]{3}$", ErrorMessage = "Billing:Currency must be an ISO 4217 code such as RUB.")]
    public string Currency { get; set; } = "RUB";

    /// <summary>The largest single top-up or credit accepted, in the operator currency.</summary>
    [Range(1, 1_000_000_000)]
    public decimal MaxPayment { get; set; } = 10_000_000m;

    /// <summary>BIL-11: data of a built-in subscription suspended for non-payment is kept this long…</summary>
    [Range(1, 3650)]
    public int BuiltInGraceDays { get; set; } = 40;

    /// <summary>…of which the last days are the reserve, announced when it begins.</summary>
    [Range(0, 3650)]
    public int BuiltInReserveDays { get; set; } = 10;

    /// <summary>BIL-21: the longest period one statement covers, in days, so one request cannot walk a whole ledger.</summary>
    [Range(1, 3660)]
    public int StatementMaxDays { get; set; } = 366;

    /// <summary>BIL-22: warn the subscriber when the funds run out within this many days.</summary>
    [Range(0, 365)]
    public int ForecastWarningDays { get; set; } = 7;

    public GatewayOptions Gateway { get; set; } = new();
}

public sealed class GatewayOptions
{
    /// <summary>The HMAC-SHA256 secret shared with the payment gateway (SEC-10). Without it every callback is refused.</summary>
    public string? Secret { get; set; }
}

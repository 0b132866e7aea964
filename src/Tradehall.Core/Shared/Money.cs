namespace Tradehall.Core.Shared;

/// <summary>
/// An amount in integer minor units (kopecks, cents) with its ISO 4217 currency. Money is never a
/// floating-point number; the API's 2-decimal numbers convert exactly or are refused.
/// </summary>
public readonly record struct Money(long Minor, string Currency)
{
    public const int Decimals = 2;
    private const long Scale = 100;

    public decimal Amount => ToAmount(Minor);

    public static Money Zero(string currency) => new(0, currency);

    /// <summary>The exact minor units of <paramref name="amount"/>, or null when it has more than two decimals.</summary>
    public static long? ToMinor(decimal amount)
    {
        var scaled = amount * Scale;
        return scaled == decimal.Truncate(scaled) && scaled is >= long.MinValue and <= long.MaxValue ? (long)scaled : null;
    }

    /// <summary>The amount with exactly two decimals (adding 0.00 fixes the scale, so JSON shows 1000.00, not 1000).</summary>
    public static decimal ToAmount(long minor) => minor / (decimal)Scale + 0.00m;

    public static Money operator +(Money a, Money b) => new(checked(a.Minor + b.Minor), Same(a, b));

    public static Money operator -(Money a, Money b) => new(checked(a.Minor - b.Minor), Same(a, b));

    public static Money operator -(Money a) => a with { Minor = -a.Minor };

    public Money Add(Money other) => this + other;

    public Money Subtract(Money other) => this - other;

    public Money Negate() => -this;

    private static string Same(Money a, Money b) =>
        a.Currency == b.Currency ? a.Currency : throw new InvalidOperationException($"Cannot combine {a.Currency} and {b.Currency}.");

    public override string ToString() => Amount.ToString("0.00", CultureInfo.InvariantCulture) + " " + Currency;
}

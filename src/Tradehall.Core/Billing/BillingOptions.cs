namespace Tradehall.Core.Billing;

/// <summary>Every period, fee and limit of billing (SPEC §13); the gateway secret comes from configuration or a key store.</summary>
[ModuleApi]
public sealed class BillingOptions : IValidatableObject
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

    /// <summary>BIL-11: the grace period offered for a new operator-defined kind (the "general" default)…</summary>
    [Range(1, 3650)]
    public int GeneralGraceDays { get; set; } = 14;

    /// <summary>…and its reserve.</summary>
    [Range(0, 3650)]
    public int GeneralReserveDays { get; set; } = 7;

    /// <summary>BIL-14: a price change takes effect no sooner than this many days after subscribers are told; a closed tariff's subscribers move to its successor after as long.</summary>
    [Range(0, 365)]
    public int TariffChangeNoticeDays { get; set; } = 10;

    /// <summary>BIL-20: the pause tariff — a paused service's period costs this share of its tariff's price, in percent.</summary>
    [Range(0, 100)]
    public int PausePricePercent { get; set; } = 10;

    /// <summary>BIL-14: subscribers may object to an announced change for this many days after it is announced; silence is acceptance.</summary>
    [Range(0, 365)]
    public int TariffObjectionDays { get; set; } = 10;

    /// <summary>BIL-11 (§13): grace periods offered for a new operator-defined kind, by preset; "general" is <see cref="GeneralGraceDays"/>.</summary>
    public Dictionary<string, Catalog.GracePreset> GracePresets { get; set; } = Catalog.GracePreset.Defaults();

    /// <summary>BIL-06: the longest period a tariff may be sold for.</summary>
    [Range(1, 120)]
    public int MaxTariffPeriodMonths { get; set; } = 36;
    /// <summary>BIL-21: the longest period one statement covers, in days, so one request cannot walk a whole ledger.</summary>
    [Range(1, 3660)]
    public int StatementMaxDays { get; set; } = 366;

    /// <summary>BIL-21: ledger lines per page of <c>GET /api/v1/billing/transactions</c> when the caller names no page size, and the most a caller may ask for.</summary>
    [Range(1, 10_000)]
    public int TransactionsPageSize { get; set; } = 100;

    [Range(1, 10_000)]
    public int TransactionsMaxPageSize { get; set; } = 1000;

    /// <summary>BIL-22: warn the subscriber when the funds run out within this many days.</summary>
    [Range(0, 365)]
    public int ForecastWarningDays { get; set; } = 7;

    /// <summary>
    /// BIL-23: how long a call waits (PostgreSQL) for a parallel call with the same Idempotency-Key to finish before it
    /// answers 409 <c>request.idempotency_in_progress</c>; one that finishes in time gets the first call's answer.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan IdempotencyWait { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>BIL-17: a refund to the bank is paid within this many business days (OPS-05 calendar) of the application.</summary>
    [Range(1, 60)]
    public int RefundDueBusinessDays { get; set; } = 10;

    /// <summary>BIL-13: a debt invoice (a charge that took the balance below zero on credit) is due this many calendar days after it is issued.</summary>
    [Range(1, 365)]
    public int CreditInvoiceDays { get; set; } = 3;

    /// <summary>BIL-13: each day a debt invoice is late adds this percentage of its amount (two decimal places at most).</summary>
    [Range(typeof(decimal), "0", "100")]
    public decimal PenaltyPercentPerDay { get; set; } = 0.1m;

    /// <summary>BIL-13: the largest credit limit the operator may grant, in the operator currency.</summary>
    [Range(0, 1_000_000_000)]
    public decimal MaxCreditLimit { get; set; } = 10_000_000m;

    /// <summary>BIL-12: a debt unpaid for longer than this many months terminates the contract.</summary>
    [Range(1, 120)]
    public int DebtTerminationMonths { get; set; } = 6;

    /// <summary>BIL-25: the contract's term, in months from acceptance (a calendar year), extended by as much at its end.</summary>
    [Range(1, 120)]
    public int ContractTermMonths { get; set; } = 12;

    /// <summary>BIL-25: notice of non-extension must be given at least this many days before the term ends.</summary>
    [Range(0, 365)]
    public int NonExtensionNoticeDays { get; set; } = 30;

    /// <summary>BIL-19: a non-resident's payments may total this much of <see cref="NonResidentCapCurrency"/> at most, converted at the rate of the day they registered.</summary>
    [Range(typeof(decimal), "0.01", "1000000000")]
    public decimal NonResidentCap { get; set; } = 49_000m;

    [Required, RegularExpression("^[A-Z]{3}$", ErrorMessage = "Billing:NonResidentCapCurrency must be an ISO 4217 code such as USD.")]
    public string NonResidentCapCurrency { get; set; } = "USD";

    /// <summary>BIL-18: the monthly fee for keeping a member's information while their services are suspended by a sanction (OPS-02), in the operator currency.</summary>
    [Range(typeof(decimal), "0", "1000000")]
    public decimal StorageFeePerMonth { get; set; } = 300m;

    public GatewayOptions Gateway { get; set; } = new();

    public BillingRunOptions Run { get; set; } = new();

    public BankImportOptions BankImport { get; set; } = new();

    public ProvisioningHookOptions Hooks { get; set; } = new();

    /// <summary>Data annotations do not descend into nested settings, so those are checked here.</summary>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(BankImport, new ValidationContext(BankImport), results, validateAllProperties: true);
        Validator.TryValidateObject(Run, new ValidationContext(Run), results, validateAllProperties: true);
        Validator.TryValidateObject(Hooks, new ValidationContext(Hooks), results, validateAllProperties: true);
        results.AddRange(Catalog.GracePreset.Check(GracePresets));
        return results;
    }
}

/// <summary>The daily billing run and the resumption of paid-up services (BIL-09..11).</summary>
public sealed class BillingRunOptions
{
    /// <summary>Whether this node takes part in the daily run; the cluster lease still lets only one node run it.</summary>
    public bool Daily { get; set; } = true;

    /// <summary>The local time (site time zone) after which the day's run starts.</summary>
    public TimeOnly At { get; set; } = new(1, 0);

    /// <summary>Services billed per database transaction.</summary>
    [Range(1, 10_000)]
    public int BatchSize { get; set; } = 2_000;

    /// <summary>How long a run may go silent before another node may take over; extended after every batch.</summary>
    [Range(typeof(TimeSpan), "00:00:10", "01:00:00")]
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>BIL-10: suspended services whose debt is cleared resume within this time (the promise is 24 hours).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:01:00")]
    public TimeSpan ResumeInterval { get; set; } = TimeSpan.FromSeconds(30);
}

/// <summary>
/// BIL-24: calling the webhooks of operator-defined kinds. With the defaults a delivery is tried 12 times over about six
/// hours (30 s, 1, 2, 4 … minutes apart, at most an hour), so a receiver that is down for an hour loses nothing.
/// </summary>
public sealed class ProvisioningHookOptions
{
    /// <summary>Attempts of one series before the delivery is marked failed for the operator to replay.</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 12;

    /// <summary>The wait after the first failed attempt; each further failure doubles it…</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>…up to this.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long the receiver may take to answer before the attempt counts as failed.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often the worker looks for due deliveries.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:10:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Deliveries sent per pass of the worker.</summary>
    [Range(1, 1000)]
    public int BatchSize { get; set; } = 50;

    /// <summary>Deliveries per page of the operator's log when none is asked, and the most that may be asked.</summary>
    [Range(1, 1000)]
    public int PageSize { get; set; } = 50;

    [Range(1, 1000)]
    public int MaxPageSize { get; set; } = 200;
}

/// <summary>BIL-03 (b): importing bank statements.</summary>
public sealed class BankImportOptions
{
    /// <summary>
    /// The operator's settlement account (20 digits). When set, only 1C documents paid to it count as incoming;
    /// when empty, every document of the statement is taken as a payment to the operator.
    /// </summary>
    [RegularExpression("^[0-9]{20}$", ErrorMessage = "Billing:BankImport:SettlementAccount must be 20 digits.")]
    public string? SettlementAccount { get; set; }

    /// <summary>The largest statement file accepted, in bytes.</summary>
    [Range(1024, 100 * 1024 * 1024)]
    public int MaxFileBytes { get; set; } = 5 * 1024 * 1024;

    /// <summary>How many held payments the suspense queue lists at once (oldest first).</summary>
    [Range(1, 10_000)]
    public int SuspenseShown { get; set; } = 200;
}

public sealed class GatewayOptions
{
    /// <summary>The HMAC-SHA256 secret shared with the payment gateway (SEC-10). Without it every callback is refused.</summary>
    public string? Secret { get; set; }
}

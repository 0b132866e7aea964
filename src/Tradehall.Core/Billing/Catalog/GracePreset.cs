namespace Tradehall.Core.Billing.Catalog;

/// <summary>
/// BIL-11 (§13): a grace period and its reserve offered when the operator adds a kind. Colocation's 7 days are all
/// reserve: the subscriber's own equipment stands in the rack, so they are warned at once and have every day of the
/// week to pay or collect it (the same reasoning gives a dedicated server 1 day of 1).
/// </summary>
public sealed class GracePreset
{
    public const string General = "general";

    [Range(1, 3650)]
    public int GraceDays { get; set; }

    [Range(0, 3650)]
    public int ReserveDays { get; set; }

    public static Dictionary<string, GracePreset> Defaults() => new(StringComparer.Ordinal)
    {
        ["web-hosting"] = new() { GraceDays = 40, ReserveDays = 10 },
        ["vds"] = new() { GraceDays = 20, ReserveDays = 7 },
        ["email"] = new() { GraceDays = 20, ReserveDays = 7 },
        ["dedicated-server"] = new() { GraceDays = 1, ReserveDays = 1 },
        ["colocation"] = new() { GraceDays = 7, ReserveDays = 7 },
    };

    internal static IEnumerable<ValidationResult> Check(IReadOnlyDictionary<string, GracePreset> presets)
    {
        foreach (var (name, preset) in presets)
        {
            var results = new List<ValidationResult>();
            if (!Validator.TryValidateObject(preset, new ValidationContext(preset), results, validateAllProperties: true) || preset.ReserveDays > preset.GraceDays)
            {
                yield return new ValidationResult($"Billing:GracePresets:{name} needs 1–3650 grace days and a reserve no longer than them.");
            }
        }
    }
}

/// <summary>A preset as the API lists it: <c>name</c> is what <c>gracePreset</c> takes.</summary>
public sealed record GracePresetView(string Name, int GraceDays, int ReserveDays);

/// <summary>BIL-11: the presets offered, "general" first.</summary>
public static class GracePresets
{
    public static IReadOnlyList<GracePresetView> List(BillingOptions options) =>
        [new(GracePreset.General, options.GeneralGraceDays, options.GeneralReserveDays),
            .. options.GracePresets.Where(p => p.Key != GracePreset.General).Select(p => new GracePresetView(p.Key, p.Value.GraceDays, p.Value.ReserveDays))];

    /// <summary>The named preset, or null when none is named; an unknown name is refused naming <c>gracePreset</c>.</summary>
    public static GracePresetView? Find(BillingOptions options, string? name) =>
        string.IsNullOrWhiteSpace(name) ? null
            : List(options).FirstOrDefault(p => p.Name == name.Trim())
                ?? throw DomainException.Field("request.invalid", "gracePreset", "Choose one of the presets listed by the catalogue's grace-presets call.");
}

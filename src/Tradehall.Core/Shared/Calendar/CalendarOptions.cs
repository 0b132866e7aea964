namespace Tradehall.Core.Shared.Calendar;

/// <summary>
/// Operator configuration of the business-day calendar (OPS-05), bound from the "Calendar" section.
/// </summary>
/// <remarks>
/// The configuration binder appends bound items to a list that already has items and cannot bind an
/// empty JSON array, so list defaults cannot live in property initializers. Instead, an unset (null)
/// list means "use the default" and a configured list replaces the default entirely.
/// </remarks>
public sealed class CalendarOptions : IValidatableObject
{
    public const string SectionName = "Calendar";

    /// <summary>Public holidays of the Russian Labour Code, art. 112, as "MM-dd".</summary>
    public static IReadOnlyList<string> LabourCodeHolidays { get; } =
    [
        "01-01", "01-02", "01-03", "01-04", "01-05", "01-06", "01-07", "01-08",
        "02-23", "03-08", "05-01", "05-09", "06-12", "11-04",
    ];

    /// <summary>
    /// Holidays that art. 112 excludes from the weekend shift: the government moves them by yearly decree,
    /// which arrives as <see cref="Transfers"/>.
    /// </summary>
    public static IReadOnlyList<string> LabourCodeShiftExemptHolidays { get; } =
    [
        "01-01", "01-02", "01-03", "01-04", "01-05", "01-06", "01-07", "01-08",
    ];

    public static IReadOnlyList<DayOfWeek> DefaultWeekendDays { get; } = [DayOfWeek.Saturday, DayOfWeek.Sunday];

    /// <summary>Weekly rest days; null means Saturday and Sunday.</summary>
    public IList<DayOfWeek>? WeekendDays { get; set; }

    /// <summary>Yearly public holidays as "MM-dd"; null means <see cref="LabourCodeHolidays"/>.</summary>
    public IList<string>? Holidays { get; set; }

    /// <summary>
    /// Holidays (as "MM-dd") that stay put when they fall on a weekend day. Null means
    /// <see cref="LabourCodeShiftExemptHolidays"/> while <see cref="Holidays"/> is also unset, and none
    /// once <see cref="Holidays"/> is configured, because the exemption belongs to the Labour Code list.
    /// </summary>
    public IList<string>? ShiftExemptHolidays { get; set; }

    /// <summary>Government transfers of days off, entered as each yearly decree words them.</summary>
    public IList<DayTransfer> Transfers { get; set; } = [];

    internal IEnumerable<DayOfWeek> EffectiveWeekendDays => (IEnumerable<DayOfWeek>?)WeekendDays ?? DefaultWeekendDays;

    internal IEnumerable<string> EffectiveHolidays => (IEnumerable<string>?)Holidays ?? LabourCodeHolidays;

    internal IEnumerable<string> EffectiveShiftExemptHolidays =>
        (IEnumerable<string>?)ShiftExemptHolidays ?? (Holidays is null ? LabourCodeShiftExemptHolidays : []);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var weekend = EffectiveWeekendDays.ToList();
        foreach (var day in weekend.Where(d => !Enum.IsDefined(d)))
        {
            yield return Error($"{SectionName}:{nameof(WeekendDays)} contains {(int)day}, which is not a day of the week.", nameof(WeekendDays));
        }

        if (weekend.Distinct().Count() >= 7)
        {
            yield return Error($"{SectionName}:{nameof(WeekendDays)} must leave at least one working day in the week.", nameof(WeekendDays));
        }

        var holidays = new HashSet<(int Month, int Day)>();
        foreach (var (value, index) in EffectiveHolidays.Select((v, i) => (v, i)))
        {
            if (TryParseMonthDay(value, out var monthDay))
            {
                holidays.Add(monthDay);
            }
            else
            {
                yield return MalformedMonthDay(nameof(Holidays), index, value);
            }
        }

        foreach (var (value, index) in EffectiveShiftExemptHolidays.Select((v, i) => (v, i)))
        {
            if (!TryParseMonthDay(value, out var monthDay))
            {
                yield return MalformedMonthDay(nameof(ShiftExemptHolidays), index, value);
            }
            else if (!holidays.Contains(monthDay))
            {
                // An exemption for a day that is not a holiday has no effect, so it is almost certainly a typo.
                yield return Error(
                    $"{SectionName}:{nameof(ShiftExemptHolidays)}[{index}] \"{value}\" is not one of the holidays in {SectionName}:{nameof(Holidays)}.",
                    nameof(ShiftExemptHolidays));
            }
        }

        foreach (var error in ValidateTransfers())
        {
            yield return error;
        }
    }

    /// <summary>Parses "MM-dd"; 29 February is accepted and simply does not occur in common years.</summary>
    internal static bool TryParseMonthDay(string? value, out (int Month, int Day) monthDay)
    {
        monthDay = default;
        if (value is not { Length: 5 } || value[2] != '-'
            || !int.TryParse(value.AsSpan(0, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var month)
            || !int.TryParse(value.AsSpan(3, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var day)
            || month is < 1 or > 12
            || day < 1 || day > DateTime.DaysInMonth(2000, month)) // a leap year, so "02-29" is accepted
        {
            return false;
        }

        monthDay = (month, day);
        return true;
    }

    private IEnumerable<ValidationResult> ValidateTransfers()
    {
        var sources = new HashSet<DateOnly>();
        var targets = new HashSet<DateOnly>();
        for (var i = 0; i < Transfers.Count; i++)
        {
            var setting = $"{SectionName}:{nameof(Transfers)}[{i}]";
            var transfer = Transfers[i];
            if (transfer.From == default || transfer.To == default)
            {
                yield return Error($"{setting} must set both From and To (\"yyyy-MM-dd\").", nameof(Transfers));
                continue;
            }

            if (transfer.From == transfer.To)
            {
                yield return Error($"{setting} moves the day off on {Format(transfer.From)} to the same day.", nameof(Transfers));
                continue;
            }

            if (!sources.Add(transfer.From))
            {
                yield return Error($"{setting}: {Format(transfer.From)} is the From of more than one transfer.", nameof(Transfers));
            }

            if (!targets.Add(transfer.To))
            {
                yield return Error($"{setting}: {Format(transfer.To)} is the To of more than one transfer.", nameof(Transfers));
            }
        }

        // A day that is both a source and a target would be working and off at once.
        foreach (var day in sources.Intersect(targets).Order())
        {
            yield return Error($"{SectionName}:{nameof(Transfers)}: {Format(day)} is both the From of one transfer and the To of another.", nameof(Transfers));
        }
    }

    private static ValidationResult MalformedMonthDay(string setting, int index, string? value) =>
        Error($"{SectionName}:{setting}[{index}] \"{value}\" is not a valid month and day; use \"MM-dd\", e.g. \"01-07\".", setting);

    private static ValidationResult Error(string message, string member) => new(message, [member]);

    private static string Format(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>
/// A government transfer: the day off on <see cref="From"/> moves to <see cref="To"/>, which becomes a day
/// off. An ordinary From (a Saturday, a Sunday or a day off gained by the weekend shift) becomes a working
/// day. A holiday as From stays a holiday and its rest goes to To instead of to the automatic weekend shift.
/// </summary>
public sealed class DayTransfer
{
    public DateOnly From { get; set; }

    public DateOnly To { get; set; }
}

using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Tradehall.Core.Shared.Calendar;

namespace Tradehall.Tests.Shared.Calendar;

public sealed class BusinessCalendarTests
{
    // Government decrees on transfers of days off: No. 1564 of 16.09.2021 (2022), No. 1335 of 04.10.2024 (2025)
    // and the decree of 24.09.2025 (2026).
    private static readonly DayTransfer[] Decree2022 =
    [
        Transfer("2022-01-01", "2022-05-03"),
        Transfer("2022-01-02", "2022-05-10"),
        Transfer("2022-03-05", "2022-03-07"),
    ];

    private static readonly DayTransfer[] Decree2025 =
    [
        Transfer("2025-01-04", "2025-05-02"),
        Transfer("2025-01-05", "2025-12-31"),
        Transfer("2025-02-23", "2025-05-08"),
        Transfer("2025-03-08", "2025-06-13"),
        Transfer("2025-11-01", "2025-11-03"),
    ];

    private static readonly DayTransfer[] Decree2026 =
    [
        Transfer("2026-01-03", "2026-01-09"),
        Transfer("2026-01-04", "2026-12-31"),
    ];

    private static readonly BusinessCalendar Russia = Calendar(new CalendarOptions
    {
        Transfers = [.. Decree2022, .. Decree2025, .. Decree2026],
    });

    private static readonly BusinessCalendar RussiaWithoutDecrees = Calendar(new CalendarOptions());

    [Theory]
    [InlineData(2022, 247)]
    [InlineData(2025, 247)]
    [InlineData(2026, 247)]
    public void OPS05_production_calendar_year_has_the_official_number_of_working_days(int year, int workingDays)
    {
        Assert.Equal(workingDays, Russia.CountBusinessDays(new DateOnly(year - 1, 12, 31), new DateOnly(year, 12, 31)));
    }

    [Theory]
    [InlineData("2025-01-01")]
    [InlineData("2025-01-02")]
    [InlineData("2025-01-03")]
    [InlineData("2025-01-04")]
    [InlineData("2025-01-05")]
    [InlineData("2025-01-06")]
    [InlineData("2025-01-07")]
    [InlineData("2025-01-08")]
    [InlineData("2025-02-23")]
    [InlineData("2025-03-08")]
    [InlineData("2025-05-01")]
    [InlineData("2025-05-02")]
    [InlineData("2025-05-03")]
    [InlineData("2025-05-04")]
    [InlineData("2025-05-08")]
    [InlineData("2025-05-09")]
    [InlineData("2025-05-10")]
    [InlineData("2025-05-11")]
    [InlineData("2025-06-12")]
    [InlineData("2025-06-13")]
    [InlineData("2025-06-14")]
    [InlineData("2025-06-15")]
    [InlineData("2025-11-02")]
    [InlineData("2025-11-03")]
    [InlineData("2025-11-04")]
    [InlineData("2025-12-31")]
    public void OPS05_2025_day_off(string day)
    {
        Assert.False(Russia.IsBusinessDay(Date(day)));
    }

    [Theory]
    [InlineData("2025-01-09")]
    [InlineData("2025-02-24")]
    [InlineData("2025-03-10")]
    [InlineData("2025-05-05")]
    [InlineData("2025-05-07")]
    [InlineData("2025-05-12")]
    [InlineData("2025-06-11")]
    [InlineData("2025-06-16")]
    [InlineData("2025-11-01")]
    [InlineData("2025-11-05")]
    [InlineData("2025-12-30")]
    public void OPS05_2025_working_day(string day)
    {
        Assert.True(Russia.IsBusinessDay(Date(day)));
    }

    [Fact]
    public void OPS05_2025_weekday_days_off_and_working_saturday_are_listed_for_the_operator()
    {
        Assert.Equal(
            Dates("2025-01-01", "2025-01-02", "2025-01-03", "2025-01-06", "2025-01-07", "2025-01-08",
                "2025-05-01", "2025-05-02", "2025-05-08", "2025-05-09", "2025-06-12", "2025-06-13",
                "2025-11-03", "2025-11-04", "2025-12-31"),
            Russia.DaysOff(2025));
        Assert.Equal(Dates("2025-11-01"), Russia.WorkingWeekendDays(2025));
    }

    [Fact]
    public void OPS05_holiday_on_sunday_moves_to_monday()
    {
        // 2026: 8 March is a Sunday and no decree moves it.
        Assert.False(Russia.IsBusinessDay(Date("2026-03-09")));
        Assert.True(Russia.IsBusinessDay(Date("2026-03-10")));
    }

    [Fact]
    public void OPS05_holiday_on_saturday_moves_to_monday()
    {
        // 2026: 9 May is a Saturday.
        Assert.True(Russia.IsBusinessDay(Date("2026-05-08")));
        Assert.False(Russia.IsBusinessDay(Date("2026-05-11")));
        Assert.True(Russia.IsBusinessDay(Date("2026-05-12")));
    }

    [Fact]
    public void OPS05_transfer_from_a_weekend_holiday_replaces_its_automatic_shift()
    {
        // Sunday 23 February 2025 would give Monday the 24th off; the decree sends that rest to 8 May.
        Assert.False(RussiaWithoutDecrees.IsBusinessDay(Date("2025-02-24")));
        Assert.True(RussiaWithoutDecrees.IsBusinessDay(Date("2025-05-08")));

        Assert.True(Russia.IsBusinessDay(Date("2025-02-24")));
        Assert.False(Russia.IsBusinessDay(Date("2025-05-08")));
        Assert.False(Russia.IsBusinessDay(Date("2025-02-23")));
    }

    [Fact]
    public void OPS05_transfer_makes_a_saturday_a_working_day()
    {
        Assert.False(RussiaWithoutDecrees.IsBusinessDay(Date("2025-11-01")));
        Assert.True(Russia.IsBusinessDay(Date("2025-11-01")));
        Assert.False(Russia.IsBusinessDay(Date("2025-11-03")));
    }

    [Fact]
    public void OPS05_transfer_of_a_day_off_gained_by_the_shift_makes_it_a_working_day()
    {
        // The same 2025 outcome as the decree, worded from the shifted Monday instead of the Sunday holiday.
        var calendar = Calendar(new CalendarOptions { Transfers = [Transfer("2025-02-24", "2025-05-08")] });

        Assert.True(calendar.IsBusinessDay(Date("2025-02-24")));
        Assert.False(calendar.IsBusinessDay(Date("2025-05-08")));
    }

    [Fact]
    public void OPS05_new_year_holidays_are_exempt_from_the_weekend_shift()
    {
        // 1 and 2 January 2022 are Saturday and Sunday; without a decree their rest is not moved.
        Assert.Equal(
            Dates("2022-01-03", "2022-01-04", "2022-01-05", "2022-01-06", "2022-01-07"),
            RussiaWithoutDecrees.DaysOff(2022).Where(day => day.Month == 1));
        Assert.True(RussiaWithoutDecrees.IsBusinessDay(Date("2022-01-10")));
    }

    [Fact]
    public void OPS05_new_year_holidays_shift_when_the_exemption_is_cleared()
    {
        var calendar = Calendar(new CalendarOptions { ShiftExemptHolidays = [] });

        // 1, 2 and 8 January 2022 fall on a weekend; the first free weekdays after them are 10–12 January.
        Assert.False(calendar.IsBusinessDay(Date("2022-01-10")));
        Assert.False(calendar.IsBusinessDay(Date("2022-01-11")));
        Assert.False(calendar.IsBusinessDay(Date("2022-01-12")));
        Assert.True(calendar.IsBusinessDay(Date("2022-01-13")));
    }

    [Fact]
    public void OPS05_two_holidays_on_one_weekend_shift_to_monday_and_tuesday()
    {
        // 25 and 26 December 2021 are Saturday and Sunday.
        var calendar = Calendar(new CalendarOptions { Holidays = ["12-25", "12-26"] });

        Assert.False(calendar.IsBusinessDay(Date("2021-12-27")));
        Assert.False(calendar.IsBusinessDay(Date("2021-12-28")));
        Assert.True(calendar.IsBusinessDay(Date("2021-12-29")));
        Assert.Equal(Dates("2021-12-27", "2021-12-28"), calendar.DaysOff(2021));
    }

    [Fact]
    public void OPS05_holiday_shift_carries_into_the_next_year()
    {
        // Saturday 31 December 2022 and Sunday 1 January 2023.
        var calendar = Calendar(new CalendarOptions { Holidays = ["12-31", "01-01"] });

        Assert.Equal(Dates("2023-01-02", "2023-01-03"), calendar.DaysOff(2023));
        Assert.True(calendar.IsBusinessDay(Date("2023-01-04")));
    }

    [Fact]
    public void OPS05_leap_day_2024_02_29_is_a_business_day()
    {
        var leapDay = Date("2024-02-29");

        Assert.True(Russia.IsBusinessDay(leapDay));
        Assert.Equal(leapDay, Russia.AddBusinessDays(Date("2024-02-28"), 1));
        Assert.Equal(Date("2024-03-01"), Russia.AddBusinessDays(leapDay, 1));
    }

    [Fact]
    public void OPS05_holiday_on_29_february_only_exists_in_leap_years()
    {
        var calendar = Calendar(new CalendarOptions { Holidays = ["02-29"] });

        Assert.False(calendar.IsBusinessDay(Date("2024-02-29")));
        Assert.True(calendar.IsBusinessDay(Date("2025-02-28")));
        Assert.True(calendar.IsBusinessDay(Date("2025-03-03")));
    }

    [Theory]
    [InlineData("2025-04-30", 1, "2025-05-05")]
    [InlineData("2025-04-30", 3, "2025-05-07")]
    [InlineData("2025-04-30", 4, "2025-05-12")]
    [InlineData("2025-04-30", 10, "2025-05-20")]
    [InlineData("2025-12-29", 1, "2025-12-30")]
    [InlineData("2025-12-29", 2, "2026-01-12")]
    [InlineData("2025-12-29", 3, "2026-01-13")]
    [InlineData("2025-12-29", 10, "2026-01-22")]
    [InlineData("2025-11-01", 1, "2025-11-05")]
    public void OPS05_add_business_days_skips_days_off(string start, int days, string expected)
    {
        Assert.Equal(Date(expected), Russia.AddBusinessDays(Date(start), days));
    }

    [Theory]
    [InlineData("2025-05-01", "2025-05-05")]
    [InlineData("2025-05-05", "2025-05-05")]
    [InlineData("2025-11-01", "2025-11-01")]
    [InlineData("2025-12-31", "2026-01-12")]
    public void OPS05_add_zero_business_days_gives_the_first_business_day_from_start(string start, string expected)
    {
        Assert.Equal(Date(expected), Russia.AddBusinessDays(Date(start), 0));
    }

    [Fact]
    public void OPS05_add_negative_business_days_is_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Russia.AddBusinessDays(Date("2025-05-05"), -1));
    }

    [Theory]
    [InlineData("2025-04-30", "2025-05-12", 4)]
    [InlineData("2025-12-29", "2026-01-13", 3)]
    [InlineData("2025-05-05", "2025-05-05", 0)]
    [InlineData("2025-05-01", "2025-05-04", 0)]
    [InlineData("2024-12-31", "2026-12-31", 494)]
    public void OPS05_count_business_days_excludes_start_and_includes_end(string fromExclusive, string toInclusive, int expected)
    {
        Assert.Equal(expected, Russia.CountBusinessDays(Date(fromExclusive), Date(toInclusive)));
    }

    [Fact]
    public void OPS05_count_undoes_add_over_several_years()
    {
        for (var start = Date("2024-12-20"); start <= Date("2026-01-15"); start = start.AddDays(7))
        {
            foreach (var days in (int[])[1, 3, 10, 60, 300])
            {
                Assert.Equal(days, Russia.CountBusinessDays(start, Russia.AddBusinessDays(start, days)));
            }
        }
    }

    [Fact]
    public void OPS05_count_with_end_before_start_is_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Russia.CountBusinessDays(Date("2025-05-05"), Date("2025-05-04")));
    }

    [Fact]
    public void OPS05_concurrent_first_use_gives_the_same_answers()
    {
        var days = Enumerable.Range(0, 3 * 366).Select(i => Date("2024-01-01").AddDays(i)).ToArray();
        var expected = days.Select(Russia.IsBusinessDay).ToArray();
        var calendar = Calendar(new CalendarOptions { Transfers = [.. Decree2025, .. Decree2026] });
        var actual = new bool[days.Length];

        Parallel.For(0, days.Length, i => actual[i] = calendar.IsBusinessDay(days[i]));

        Assert.Equal(expected, actual);
    }

    [Fact]
    public void OPS05_configured_weekend_days_replace_saturday_and_sunday()
    {
        var calendar = Calendar(new CalendarOptions { WeekendDays = [DayOfWeek.Friday, DayOfWeek.Saturday], Holidays = [] });

        Assert.False(calendar.IsBusinessDay(Date("2025-05-09")));
        Assert.True(calendar.IsBusinessDay(Date("2025-05-11")));
    }

    [Fact]
    public void OPS05_calendar_binds_from_configuration_and_replaces_default_lists()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Calendar:Holidays:0"] = "12-25",
                ["Calendar:Holidays:1"] = "12-26",
                ["Calendar:Transfers:0:From"] = "2025-11-01",
                ["Calendar:Transfers:0:To"] = "2025-11-03",
            })
            .Build();

        var options = configuration.GetSection(CalendarOptions.SectionName).Get<CalendarOptions>()!;
        var calendar = Calendar(options);

        Assert.Equal(["12-25", "12-26"], options.Holidays!);
        Assert.True(calendar.IsBusinessDay(Date("2025-01-01")));
        Assert.False(calendar.IsBusinessDay(Date("2025-12-25")));
        Assert.True(calendar.IsBusinessDay(Date("2025-11-01")));
        Assert.False(calendar.IsBusinessDay(Date("2025-11-03")));
    }

    [Fact]
    public void OPS05_default_options_are_valid()
    {
        Assert.Empty(Validate(new CalendarOptions()));
    }

    [Theory]
    [InlineData("13-01")]
    [InlineData("02-30")]
    [InlineData("1-7")]
    [InlineData("01/07")]
    [InlineData("ab-cd")]
    [InlineData("")]
    public void OPS05_malformed_holiday_is_rejected_naming_the_setting(string holiday)
    {
        var message = Assert.Single(Validate(new CalendarOptions { Holidays = ["01-07", holiday] }));

        Assert.Equal($"Calendar:Holidays[1] \"{holiday}\" is not a valid month and day; use \"MM-dd\", e.g. \"01-07\".", message);
    }

    [Fact]
    public void OPS05_shift_exemption_must_name_a_holiday()
    {
        var message = Assert.Single(Validate(new CalendarOptions { ShiftExemptHolidays = ["01-09"] }));

        Assert.Equal("Calendar:ShiftExemptHolidays[0] \"01-09\" is not one of the holidays in Calendar:Holidays.", message);
    }

    [Fact]
    public void OPS05_transfer_to_the_same_day_is_rejected()
    {
        var message = Assert.Single(Validate(new CalendarOptions { Transfers = [Transfer("2025-11-01", "2025-11-01")] }));

        Assert.Equal("Calendar:Transfers[0] moves the day off on 2025-11-01 to the same day.", message);
    }

    [Fact]
    public void OPS05_transfer_without_to_is_rejected()
    {
        var message = Assert.Single(Validate(new CalendarOptions { Transfers = [new DayTransfer { From = Date("2025-11-01") }] }));

        Assert.Equal("Calendar:Transfers[0] must set both From and To (\"yyyy-MM-dd\").", message);
    }

    [Fact]
    public void OPS05_conflicting_transfers_are_rejected()
    {
        var messages = Validate(new CalendarOptions
        {
            Transfers =
            [
                Transfer("2025-11-01", "2025-11-03"),
                Transfer("2025-11-01", "2025-11-05"),
                Transfer("2025-11-03", "2025-11-07"),
            ],
        });

        Assert.Equal(
            [
                "Calendar:Transfers[1]: 2025-11-01 is the From of more than one transfer.",
                "Calendar:Transfers: 2025-11-03 is both the From of one transfer and the To of another.",
            ],
            messages);
    }

    [Fact]
    public void OPS05_week_without_working_days_is_rejected()
    {
        var message = Assert.Single(Validate(new CalendarOptions { WeekendDays = [.. Enum.GetValues<DayOfWeek>()] }));

        Assert.Equal("Calendar:WeekendDays must leave at least one working day in the week.", message);
    }

    [Fact]
    public void OPS05_calendar_refuses_invalid_options()
    {
        var exception = Assert.Throws<OptionsValidationException>(() => Calendar(new CalendarOptions { Holidays = ["31-12"] }));

        Assert.Contains("Calendar:Holidays[0] \"31-12\"", exception.Message, StringComparison.Ordinal);
    }

    private static BusinessCalendar Calendar(CalendarOptions options) => new(Options.Create(options));

    // The same entry point the host's ValidateDataAnnotations uses.
    private static List<string?> Validate(CalendarOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return [.. results.Select(result => result.ErrorMessage)];
    }

    private static DayTransfer Transfer(string from, string to) => new() { From = Date(from), To = Date(to) };

    private static DateOnly Date(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly[] Dates(params string[] isos) => [.. isos.Select(Date)];
}

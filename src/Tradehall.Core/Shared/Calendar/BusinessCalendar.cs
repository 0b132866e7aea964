using System.Collections.Concurrent;
using System.Diagnostics;

namespace Tradehall.Core.Shared.Calendar;

/// <summary>
/// Business days per OPS-05: weekend days, public holidays, holidays on a weekend moved to the next
/// working day (except the exempt ones), then the government transfers of days off.
/// </summary>
/// <remarks>Thread-safe; each year is computed on first use and cached.</remarks>
public sealed class BusinessCalendar(IOptions<CalendarOptions> options)
{
    private readonly Rules rules = new(options.Value);
    private readonly ConcurrentDictionary<int, YearCalendar> years = new();

    public bool IsBusinessDay(DateOnly day) => !GetYear(day.Year).IsOff(day);

    /// <summary>
    /// The day that is <paramref name="days"/> business days after <paramref name="start"/>, not counting
    /// start itself; with zero days, start if it is a business day, otherwise the next business day.
    /// </summary>
    public DateOnly AddBusinessDays(DateOnly start, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);

        var day = start;
        if (days == 0)
        {
            while (!IsBusinessDay(day))
            {
                day = day.AddDays(1);
            }
        }

        for (var remaining = days; remaining > 0;)
        {
            day = day.AddDays(1);
            if (IsBusinessDay(day))
            {
                remaining--;
            }
        }

        return day;
    }

    /// <summary>Business days in the range (<paramref name="fromExclusive"/>, <paramref name="toInclusive"/>].</summary>
    public int CountBusinessDays(DateOnly fromExclusive, DateOnly toInclusive)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(toInclusive, fromExclusive);

        var count = 0;
        for (var year = fromExclusive.Year; year < toInclusive.Year; year++)
        {
            count += GetYear(year).BusinessDayCount;
        }

        return count + GetYear(toInclusive.Year).BusinessDaysThrough(toInclusive)
            - GetYear(fromExclusive.Year).BusinessDaysThrough(fromExclusive);
    }

    /// <summary>
    /// Days off of a year that are not weekend days: holidays, shifted holidays and transfer targets,
    /// in date order.
    /// </summary>
    public IReadOnlyList<DateOnly> DaysOff(int year) => GetYear(CheckYear(year)).DaysOff;

    /// <summary>Weekend days of a year that are working days because a transfer moved their rest away.</summary>
    public IReadOnlyList<DateOnly> WorkingWeekendDays(int year) => GetYear(CheckYear(year)).WorkingWeekendDays;

    private static int CheckYear(int year)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, DateOnly.MinValue.Year);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, DateOnly.MaxValue.Year);
        return year;
    }

    private YearCalendar GetYear(int year) => years.GetOrAdd(year, static (y, r) => r.BuildYear(y), rules);

    /// <summary>A validated, immutable copy of the options, so later changes to the options object cannot skew cached years.</summary>
    private sealed class Rules
    {
        private readonly HashSet<DayOfWeek> weekend;
        private readonly HashSet<(int Month, int Day)> holidays;
        private readonly HashSet<(int Month, int Day)> shiftExempt;
        private readonly (DateOnly From, DateOnly To)[] transfers;
        private readonly HashSet<DateOnly> transferSources;

        public Rules(CalendarOptions options)
        {
            // Options built in code skip the host's validation, and a bad calendar silently shifts deadlines.
            var failures = options.Validate(new ValidationContext(options))
                .Select(result => result.ErrorMessage ?? string.Empty)
                .ToList();
            if (failures.Count > 0)
            {
                throw new OptionsValidationException(Options.DefaultName, typeof(CalendarOptions), failures);
            }

            weekend = [.. options.EffectiveWeekendDays];
            holidays = [.. options.EffectiveHolidays.Select(Parse)];
            shiftExempt = [.. options.EffectiveShiftExemptHolidays.Select(Parse)];
            transfers = [.. options.Transfers.Select(t => (t.From, t.To))];
            transferSources = [.. transfers.Select(t => t.From)];
        }

        public YearCalendar BuildYear(int year)
        {
            var first = new DateOnly(year, 1, 1);
            var off = new bool[DateTime.IsLeapYear(year) ? 366 : 365];
            for (var i = 0; i < off.Length; i++)
            {
                var day = first.AddDays(i);
                off[i] = IsWeekend(day) || IsHoliday(day);
            }

            foreach (var day in ShiftedDaysOff(year))
            {
                off[day.DayOfYear - 1] = true;
            }

            foreach (var transfer in transfers)
            {
                // A holiday on From stays a holiday; what moves is the weekday rest it would otherwise gain.
                if (transfer.From.Year == year && !IsHoliday(transfer.From))
                {
                    off[transfer.From.DayOfYear - 1] = false;
                }

                if (transfer.To.Year == year)
                {
                    off[transfer.To.DayOfYear - 1] = true;
                }
            }

            return new YearCalendar(first, off, IsWeekend);
        }

        /// <summary>Days of the year that receive the rest of a holiday falling on a weekend day.</summary>
        private IEnumerable<DateOnly> ShiftedDaysOff(int year)
        {
            // Late holidays of the previous year can shift into this one, so walk both years in date order;
            // the order makes two holidays on one weekend take Monday and Tuesday.
            var taken = new HashSet<DateOnly>();
            var last = new DateOnly(year, 12, 31);
            for (var day = new DateOnly(Math.Max(year - 1, 1), 1, 1); day <= last; day = day.AddDays(1))
            {
                // A transfer from a holiday tells where its rest goes instead of the automatic shift
                // (2025: from Sunday 23 February to Thursday 8 May, so Monday 24 February is a working day).
                if (!IsWeekend(day) || !IsHoliday(day) || shiftExempt.Contains((day.Month, day.Day))
                    || transferSources.Contains(day))
                {
                    continue;
                }

                var target = day.AddDays(1);
                while (IsWeekend(target) || IsHoliday(target) || taken.Contains(target))
                {
                    target = target.AddDays(1);
                }

                taken.Add(target);
            }

            return taken.Where(day => day.Year == year);
        }

        private bool IsWeekend(DateOnly day) => weekend.Contains(day.DayOfWeek);

        private bool IsHoliday(DateOnly day) => holidays.Contains((day.Month, day.Day));

        private static (int Month, int Day) Parse(string value) =>
            CalendarOptions.TryParseMonthDay(value, out var monthDay)
                ? monthDay
                : throw new UnreachableException($"Validated month-day \"{value}\" failed to parse.");
    }

    private sealed class YearCalendar
    {
        private readonly bool[] off;
        private readonly int[] businessDaysThrough;

        public YearCalendar(DateOnly first, bool[] off, Func<DateOnly, bool> isWeekend)
        {
            this.off = off;
            businessDaysThrough = new int[off.Length];
            var daysOff = new List<DateOnly>();
            var workingWeekendDays = new List<DateOnly>();
            var count = 0;
            for (var i = 0; i < off.Length; i++)
            {
                var day = first.AddDays(i);
                if (!off[i])
                {
                    count++;
                }

                businessDaysThrough[i] = count;
                if (off[i] && !isWeekend(day))
                {
                    daysOff.Add(day);
                }
                else if (!off[i] && isWeekend(day))
                {
                    workingWeekendDays.Add(day);
                }
            }

            DaysOff = daysOff.AsReadOnly();
            WorkingWeekendDays = workingWeekendDays.AsReadOnly();
        }

        public IReadOnlyList<DateOnly> DaysOff { get; }

        public IReadOnlyList<DateOnly> WorkingWeekendDays { get; }

        public int BusinessDayCount => businessDaysThrough[^1];

        public bool IsOff(DateOnly day) => off[day.DayOfYear - 1];

        public int BusinessDaysThrough(DateOnly day) => businessDaysThrough[day.DayOfYear - 1];
    }
}

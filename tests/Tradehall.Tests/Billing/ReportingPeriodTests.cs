using Tradehall.Core.Billing.Services;

namespace Tradehall.Tests.Billing;

public sealed class ReportingPeriodTests
{
    [Theory]
    [InlineData("2026-01-31", 1, "2026-02-28")]
    [InlineData("2026-01-31", 2, "2026-03-31")]
    [InlineData("2026-01-31", 3, "2026-04-30")]
    [InlineData("2028-01-31", 1, "2028-02-29")]
    [InlineData("2028-02-29", 1, "2028-03-29")]
    [InlineData("2028-02-29", 12, "2029-02-28")]
    [InlineData("2026-03-15", 1, "2026-04-15")]
    [InlineData("2026-12-31", 2, "2027-02-28")]
    public void BIL08_period_ends_on_the_activation_day_clamped_to_the_month(string activated, int period, string end) =>
        Assert.Equal(DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture),
            ReportingPeriods.End(DateOnly.Parse(activated, System.Globalization.CultureInfo.InvariantCulture), period));

    [Fact]
    public void BIL08_each_period_starts_where_the_previous_ended()
    {
        var activated = new DateOnly(2026, 1, 31);
        for (var n = 2; n <= 24; n++)
        {
            Assert.Equal(ReportingPeriods.End(activated, n - 1), ReportingPeriods.Start(activated, n));
        }
    }
}

using System.Globalization;
using Tradehall.Core.Analytics.Charts;
using Tradehall.Core.Analytics.Prices;
using Tradehall.Web.Pages.Analytics;

namespace Tradehall.Tests.Analytics;

/// <summary>ANL-01: the server-drawn charts are laid out by measured label widths: round ticks, no label over another, none cut off.</summary>
public sealed class ChartLayoutTests
{
    private static readonly decimal[] RoundSteps = [1m, 2m, 2.5m, 5m];

    [Theory]
    [InlineData(2_779.50, 20_959.75)]
    [InlineData(0.37, 0.41)]
    [InlineData(1_234_567, 1_234_567)]
    [InlineData(0, 3)]
    public void ANL01_axis_ticks_are_round_values_that_cover_every_price(double low, double high)
    {
        var ticks = ChartScale.PriceTicks([(decimal)low, (decimal)high], 6);
        Assert.InRange(ticks.Count, 2, 6);
        Assert.True(ticks[0] <= (decimal)low && ticks[^1] >= (decimal)high);
        var step = ticks[1] - ticks[0];
        var mantissa = step;
        while (mantissa >= 10)
        {
            mantissa /= 10;
        }
        while (mantissa < 1)
        {
            mantissa *= 10;
        }
        Assert.Contains(mantissa, RoundSteps);
        Assert.All(ticks.Zip(ticks.Skip(1)), pair => Assert.Equal(step, pair.Second - pair.First));
    }

    [Fact]
    public void ANL01_period_labels_are_thinned_out_so_none_touch_and_no_axis_label_is_cut_off()
    {
        // Three years of weeks: 157 labels of ten characters, with prices in the millions.
        var start = new DateOnly(2024, 1, 1);
        var periods = Enumerable.Range(0, 157).Select(i => new ChartPeriod(start.AddDays(7 * i).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            new PriceStats(3, 1_200_000m + i, 1_250_000m + i * 100, 1_900_000m), new PriceStats(1, null, 1_100_000m, null), 3m)).ToList();
        foreach (var size in ChartSize.Both)
        {
            var chart = PriceChart.For(periods, size);
            var f = chart.Frame;
            var shown = f.PeriodTicks.Select(t => (X: double.Parse(t.At, CultureInfo.InvariantCulture), Width: ChartText.Width(t.Label, ChartSize.FontSize))).ToList();
            Assert.True(shown.Count > 1);
            foreach (var (a, b) in shown.Zip(shown.Skip(1)))
            {
                Assert.True(b.X - a.X >= (a.Width + b.Width) / 2, $"{size.Name}: labels at {a.X} and {b.X} touch");
            }
            Assert.True(shown[0].X - shown[0].Width / 2 >= 0 && shown[^1].X + shown[^1].Width / 2 <= size.Width, $"{size.Name}: a period label is cut off");
            Assert.All(chart.PriceTicks, t => Assert.True(f.PlotLeft - 6 - ChartText.Width(t.Label, ChartSize.FontSize) >= 0, $"{size.Name}: {t.Label} is cut off"));

            var counts = CountChart.For(periods, size);
            Assert.All(counts.RatioTicks, t => Assert.True(counts.Frame.PlotRight + 6 + ChartText.Width(t.Label, ChartSize.FontSize) <= size.Width, $"{size.Name}: {t.Label} is cut off"));
        }
    }
}

using System.Globalization;
using Tradehall.Core.Data;

namespace Tradehall.Tests.Data;

/// <summary>MKT-02: times read back from SQLite's text are the instants written, to the tick, in UTC.</summary>
public sealed class DbTimeTests
{
    [Theory]
    [InlineData("2026-11-29 08:24:19.1234567")]
    [InlineData("2026-11-29 08:24:19.5")]
    [InlineData("2026-11-29 08:24:19.0000001")]
    [InlineData("2028-02-29 23:59:59")]
    [InlineData("2026-12-31T00:00:00.25")]
    [InlineData("0001-01-01 00:00:00")]
    [InlineData("9999-12-31 23:59:59.9999999")]
    public void MKT02_the_fixed_format_reads_as_the_general_parser_reads_it(string text)
    {
        var parsed = DbTime.Parse(text);
        Assert.Equal(DateTime.Parse(text, CultureInfo.InvariantCulture).Ticks, parsed.Ticks);
        Assert.Equal(DateTimeKind.Utc, parsed.Kind);
    }

    [Theory]
    [InlineData("2026-11-29 08:24", "2026-11-29T08:24:00")]
    [InlineData("2026-11-29", "2026-11-29T00:00:00")]
    [InlineData("2026-11-29 08:24:19.12345678", "2026-11-29T08:24:19.1234568")]
    public void MKT02_other_shapes_go_through_the_general_parser(string text, string expected) =>
        Assert.Equal(DateTime.Parse(expected, CultureInfo.InvariantCulture).Ticks, DbTime.Parse(text).Ticks);

    [Theory]
    [InlineData("2026-02-30 08:24:19")]
    [InlineData("2026-13-01 08:24:19")]
    [InlineData("2026-11-29 24:00:00")]
    [InlineData("0000-01-01 00:00:00")]
    public void MKT02_an_impossible_time_is_refused_not_read_as_another(string text) =>
        Assert.Throws<FormatException>(() => DbTime.Parse(text));
}

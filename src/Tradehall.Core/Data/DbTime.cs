using System.Data.Common;

namespace Tradehall.Core.Data;

/// <summary>
/// A UTC time read from a row on either engine. SQLite keeps times as text in the provider's fixed format
/// (<c>2026-11-29 08:24:19.1234567</c>), which the reader parses with the general, culture-aware parser: a quarter of the
/// cost of reading a search window's thousand rows. The fixed positions are read here directly.
/// </summary>
[ModuleApi]
public static class DbTime
{
    private const int Seconds = 19;

    private const int FractionDigits = 7;

    public static DateTime Read(DbDataReader reader, int ordinal) => reader.GetFieldType(ordinal) == typeof(string)
        ? Parse(reader.GetString(ordinal))
        : DateTime.SpecifyKind(reader.GetDateTime(ordinal), DateTimeKind.Utc);

    /// <summary><c>yyyy-MM-dd HH:mm:ss</c> with up to seven digits of fraction; any other shape through the general parser.</summary>
    public static DateTime Parse(string text)
    {
        var digits = text.Length == Seconds ? 0 : text.Length - Seconds - 1;
        if (text.Length >= Seconds && text.Length != Seconds + 1 && text.Length <= Seconds + 1 + FractionDigits
            && text[4] == '-' && text[7] == '-' && (text[10] is ' ' or 'T') && text[13] == ':' && text[16] == ':'
            && (text.Length == Seconds || text[Seconds] == '.')
            && Digits(text, 0, 4, out var year) && Digits(text, 5, 2, out var month) && Digits(text, 8, 2, out var day)
            && Digits(text, 11, 2, out var hour) && Digits(text, 14, 2, out var minute) && Digits(text, 17, 2, out var second)
            && Digits(text, Seconds + 1, digits, out var fraction)
            && year >= 1 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month) && hour < 24 && minute < 60 && second < 60)
        {
            for (var n = digits; n < FractionDigits; n++)
            {
                fraction *= 10;
            }
            return new DateTime(year, month, day, hour, minute, second, DateTimeKind.Utc).AddTicks(fraction);
        }
        return DateTime.SpecifyKind(DateTime.Parse(text, CultureInfo.InvariantCulture), DateTimeKind.Utc);
    }

    private static bool Digits(string text, int start, int count, out int value)
    {
        value = 0;
        for (var i = start; i < start + count; i++)
        {
            var digit = text[i] - '0';
            if ((uint)digit > 9)
            {
                return false;
            }
            value = value * 10 + digit;
        }
        return true;
    }
}

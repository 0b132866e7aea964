using System.Buffers;
using System.Diagnostics.CodeAnalysis;

namespace Tradehall.Core.Legal.Subscribers;

/// <summary>
/// KYC-02: the control digits of Russian tax and registration numbers and the control key of bank
/// accounts. Pure functions: digits only, exact lengths, no normalisation.
/// </summary>
[ModuleApi]
public static class LegalChecksums
{
    private static readonly int[] Inn10Weights = [2, 4, 10, 3, 5, 9, 4, 6, 8];
    private static readonly int[] Inn12FirstWeights = [7, 2, 4, 10, 3, 5, 9, 4, 6, 8];
    private static readonly int[] Inn12SecondWeights = [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8];
    private static readonly int[] AccountWeights = [7, 1, 3];
    private static readonly SearchValues<char> AsciiDigits = SearchValues.Create("0123456789");
    private static readonly SearchValues<char> DigitsAndCapitals = SearchValues.Create("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ");

    /// <summary>Exactly <paramref name="length"/> ASCII digits.</summary>
    public static bool IsDigits([NotNullWhen(true)] string? value, int length) =>
        value is not null && value.Length == length && value.All(char.IsAsciiDigit);

    /// <summary>INN of an organisation: 10 digits, the last one the control digit of the first nine.</summary>
    public static bool IsValidInn10([NotNullWhen(true)] string? inn) =>
        IsDigits(inn, 10) && WeightedControl(inn, Inn10Weights) == Digit(inn, 9);

    /// <summary>INN of a person or an individual entrepreneur: 12 digits, the last two control digits.</summary>
    public static bool IsValidInn12([NotNullWhen(true)] string? inn) =>
        IsDigits(inn, 12)
        && WeightedControl(inn, Inn12FirstWeights) == Digit(inn, 10)
        && WeightedControl(inn, Inn12SecondWeights) == Digit(inn, 11);

    /// <summary>OGRN: 13 digits; the number of the first twelve, mod 11, mod 10, is the last.</summary>
    public static bool IsValidOgrn([NotNullWhen(true)] string? ogrn) =>
        IsDigits(ogrn, 13) && Remainder(ogrn.AsSpan(0, 12), 11) % 10 == Digit(ogrn, 12);

    /// <summary>OGRNIP: 15 digits; the number of the first fourteen, mod 13, mod 10, is the last.</summary>
    public static bool IsValidOgrnip([NotNullWhen(true)] string? ogrnip) =>
        IsDigits(ogrnip, 15) && Remainder(ogrnip.AsSpan(0, 14), 13) % 10 == Digit(ogrnip, 14);

    /// <summary>KPP: 9 characters; the 5th and 6th (the reason code) may be digits or capital Latin letters.</summary>
    public static bool IsValidKpp([NotNullWhen(true)] string? kpp) =>
        kpp is { Length: 9 }
        && !kpp.AsSpan(0, 4).ContainsAnyExcept(AsciiDigits)
        && !kpp.AsSpan(4, 2).ContainsAnyExcept(DigitsAndCapitals)
        && !kpp.AsSpan(6, 3).ContainsAnyExcept(AsciiDigits);

    /// <summary>BIC of a Russian bank: 9 digits.</summary>
    public static bool IsValidBic([NotNullWhen(true)] string? bic) => IsDigits(bic, 9);

    /// <summary>
    /// Settlement account: 20 digits whose control key holds together with the last three digits of
    /// the bank's BIC (weights 7, 1, 3 repeated over the 23 digits; the sum ends in 0).
    /// </summary>
    public static bool IsValidSettlementAccount([NotNullWhen(true)] string? account, string? bic) =>
        IsDigits(account, 20) && IsValidBic(bic) && AccountKeyHolds(string.Concat(bic.AsSpan(6, 3), account));

    /// <summary>Correspondent account: 20 digits whose key holds with "0" and the 5th and 6th digits of the BIC.</summary>
    public static bool IsValidCorrespondentAccount([NotNullWhen(true)] string? account, string? bic) =>
        IsDigits(account, 20) && IsValidBic(bic) && AccountKeyHolds(string.Concat("0", bic.AsSpan(4, 2), account));

    private static int Digit(string value, int index) => value[index] - '0';

    private static int WeightedControl(string digits, int[] weights)
    {
        var sum = 0;
        for (var i = 0; i < weights.Length; i++)
        {
            sum += Digit(digits, i) * weights[i];
        }
        return sum % 11 % 10;
    }

    /// <summary>The remainder of a long decimal number, digit by digit, so no length can overflow.</summary>
    private static int Remainder(ReadOnlySpan<char> digits, int divisor)
    {
        var remainder = 0;
        foreach (var c in digits)
        {
            remainder = (remainder * 10 + (c - '0')) % divisor;
        }
        return remainder;
    }

    private static bool AccountKeyHolds(string digits)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            sum += (digits[i] - '0') * AccountWeights[i % 3];
        }
        return sum % 10 == 0;
    }
}

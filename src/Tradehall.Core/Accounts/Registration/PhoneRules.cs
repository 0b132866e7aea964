using LibPhone = PhoneNumbers;

namespace Tradehall.Core.Accounts.Registration;

/// <summary>
/// ACC-03: what people type, read as a phone number of any country by Google's libphonenumber and stored in E.164
/// (<c>+79161234567</c>). A number without its country code belongs to the operator's default country.
/// </summary>
public static class PhoneRules
{
    /// <summary>The library's region for a number that carries its own country code.</summary>
    private const string UnknownRegion = "ZZ";

    private static readonly LibPhone.PhoneNumberUtil Util = LibPhone.PhoneNumberUtil.GetInstance();

    /// <summary>The E.164 form, or null when the input is not a valid number of its country.</summary>
    public static string? ToE164(string? input, string defaultCountryCode) =>
        Parse(input, RegionOf(defaultCountryCode)) is { } number ? Util.Format(number, LibPhone.PhoneNumberFormat.E164) : null;

    /// <summary>
    /// Whether a valid number can receive text messages: a mobile number, or one of the countries (the USA, Canada, ...)
    /// whose plan does not tell mobile numbers from fixed lines.
    /// </summary>
    public static bool ReceivesSms(string e164) =>
        Parse(e164, UnknownRegion) is { } number
        && Util.GetNumberType(number) is LibPhone.PhoneNumberType.MOBILE or LibPhone.PhoneNumberType.FIXED_LINE_OR_MOBILE;

    /// <summary>The main country of a calling code ("7" is Russia, "1" the USA), whose numbers may be written without the code.</summary>
    private static string RegionOf(string callingCode) =>
        int.TryParse(callingCode, NumberStyles.None, CultureInfo.InvariantCulture, out var code) ? Util.GetRegionCodeForCountryCode(code) : UnknownRegion;

    private static LibPhone.PhoneNumber? Parse(string? input, string region)
    {
        // Letters are refused rather than read as a keypad word ("916-CALL-NOW") or an extension ("ext 2").
        if (string.IsNullOrWhiteSpace(input) || input.Any(char.IsLetter))
        {
            return null;
        }
        var trimmed = input.Trim();
        // 00 is the international prefix of most countries; the library knows only the default country's own (810 in Russia).
        if (trimmed.StartsWith("00", StringComparison.Ordinal))
        {
            trimmed = "+" + trimmed[2..];
        }
        try
        {
            var number = Util.Parse(trimmed, region);
            return Util.IsValidNumber(number) && !number.HasExtension ? number : null;
        }
        catch (LibPhone.NumberParseException)
        {
            return null;
        }
    }
}

namespace Tradehall.Core.Accounts.Registration;

/// <summary>ACC-03: normalises what people type into E.164 (<c>+79161234567</c>) with a small rule set.</summary>
public static class PhoneNumbers
{
    /// <summary>The E.164 form, or null when the input is not a plausible phone number.</summary>
    public static string? ToE164(string? input, string defaultCountryCode)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return null;
        }
        var trimmed = input.Trim();
        var international = trimmed.StartsWith('+');
        var digits = new System.Text.StringBuilder();
        foreach (var c in international ? trimmed[1..] : trimmed)
        {
            if (char.IsAsciiDigit(c))
            {
                digits.Append(c);
            }
            else if (c is not (' ' or '-' or '(' or ')' or '.'))
            {
                return null;
            }
        }
        var number = digits.ToString();
        if (!international)
        {
            if (number.StartsWith("00", StringComparison.Ordinal))
            {
                number = number[2..];
            }
            else if (defaultCountryCode == "7" && number.Length == 11 && number[0] == '8')
            {
                // The Russian trunk prefix: 8 912 ... is +7 912 ...
                number = "7" + number[1..];
            }
            else if (number.Length == 10 && number[0] != '0')
            {
                number = defaultCountryCode + number;
            }
            else if (!number.StartsWith(defaultCountryCode, StringComparison.Ordinal))
            {
                return null;
            }
        }
        if (number.Length is < 8 or > 15 || number[0] == '0')
        {
            return null;
        }
        // Numbers of the +7 plan (Russia, Kazakhstan) have exactly ten digits after the code.
        if (number[0] == '7' && number.Length != 11)
        {
            return null;
        }
        return "+" + number;
    }
}

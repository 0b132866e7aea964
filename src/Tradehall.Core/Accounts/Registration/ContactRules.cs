namespace Tradehall.Core.Accounts.Registration;

/// <summary>ACC-02, ACC-03: the checks every email address and phone number passes, wherever it is entered.</summary>
[ModuleApi]
public static class ContactRules
{
    /// <summary>Adds an error for an address of a disposable-mail service (shipped list plus the operator's).</summary>
    public static void CheckEmail(string? email, AccountsOptions options, FieldErrors errors, string field = "email")
    {
        if (errors.Has(field) || string.IsNullOrWhiteSpace(email))
        {
            return;
        }
        if (!EmailRules.IsMailable(email))
        {
            errors.Add(field, EmailRules.Message);
            return;
        }
        var domain = email.Trim()[(email.Trim().LastIndexOf('@') + 1)..];
        if (ShippedLists.IsDisposableDomain(domain, options.BlockedEmailDomains))
        {
            errors.Add(field, "Addresses of disposable email services are not accepted. Use a permanent address.");
        }
    }

    /// <summary>
    /// The number in E.164, or null with an error added when it is malformed, in a blocked range, or — unless
    /// <paramref name="receivesSms"/> is false (a contact number) — one that cannot receive a text message.
    /// </summary>
    public static string? CheckPhone(string? input, AccountsOptions options, FieldErrors errors, string field = "phone", bool receivesSms = true)
    {
        if (errors.Has(field))
        {
            return null;
        }
        var phone = PhoneRules.ToE164(input, options.DefaultCountryCallingCode);
        if (phone is null)
        {
            errors.Add(field, "Enter a mobile number with its country code, for example +7 916 123-45-67.");
            return null;
        }
        if (options.BlockedPhonePrefixes.Any(p => phone.StartsWith(new string([.. p.Where(c => c == '+' || char.IsAsciiDigit(c))]), StringComparison.Ordinal)))
        {
            errors.Add(field, "Numbers in this range cannot be used. Use your own mobile number.");
            return null;
        }
        if (receivesSms && !PhoneRules.ReceivesSms(phone))
        {
            errors.Add(field, "This number cannot receive text messages. Enter a mobile number.");
            return null;
        }
        return phone;
    }
}

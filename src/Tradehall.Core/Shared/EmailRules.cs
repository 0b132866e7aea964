namespace Tradehall.Core.Shared;

/// <summary>
/// ACC-02: an address is accepted only if mail can reach it. SMTP without the SMTPUTF8 extension (which the
/// sender does not use) carries ASCII addresses only, so a Cyrillic "е" in "еve@example.org" would register an
/// account no mail ever reaches, and would look like another member's address. Internationalised domains
/// are taken in their ASCII (xn--) form, so what a member types at sign-in is what was stored.
/// </summary>
public static class EmailRules
{
    public const string Message = "Enter the address in Latin letters; write an internationalised domain in its xn-- form.";

    /// <summary>Whether every character is printable ASCII (an empty text passes: presence is checked elsewhere).</summary>
    public static bool IsMailable(string? email) =>
        string.IsNullOrEmpty(email) || (Ascii.IsValid(email) && !email.Any(char.IsControl));
}

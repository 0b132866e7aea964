using Microsoft.AspNetCore.DataProtection;

namespace Tradehall.Core.Legal.Subscribers;

/// <summary>
/// KYC-05: sensitive legal data are encrypted at rest with ASP.NET Core Data Protection (keys in the
/// database, shared by every node) and shown only masked.
/// </summary>
public sealed class SensitiveText(IDataProtectionProvider provider)
{
    public const string Purpose = "Tradehall.Legal.v1";

    /// <summary>The columns of <see cref="LegalSubscriber"/> that hold ciphertext.</summary>
    public static readonly string[] ProtectedFields =
        [nameof(LegalSubscriber.DocumentNumber), nameof(LegalSubscriber.Inn), nameof(LegalSubscriber.Bic),
         nameof(LegalSubscriber.SettlementAccount), nameof(LegalSubscriber.CorrespondentAccount)];

    private readonly IDataProtector protector = provider.CreateProtector(Purpose);

    public string? Protect(string? plain) => plain is null ? null : protector.Protect(plain);

    public string? Unprotect(string? stored) => stored is null ? null : protector.Unprotect(stored);

    /// <summary>
    /// <c>•••• 1234</c>: the last four characters of a long value, two of a short one, none of a
    /// very short one, so a mask never gives the whole value away.
    /// </summary>
    public static string? Mask(string? plain)
    {
        if (plain is null)
        {
            return null;
        }
        var compact = string.Concat(plain.Where(c => !char.IsWhiteSpace(c)));
        var shown = compact.Length switch
        {
            >= 8 => 4,
            >= 5 => 2,
            _ => 0,
        };
        return shown == 0 ? "••••" : "•••• " + compact[^shown..];
    }
}

using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Tradehall.Core.Billing.Hooks;

/// <summary>
/// BIL-24, SEC-10: a kind's webhook secret is made by the platform, shown to the operator once, and kept encrypted with
/// Data Protection (keys shared by every node), so neither the database nor a log ever holds it readable.
/// </summary>
public sealed class HookSecrets(IDataProtectionProvider provider)
{
    public const string Purpose = "Tradehall.Billing.Hooks.v1";

    private readonly IDataProtector protector = provider.CreateProtector(Purpose);

    /// <summary>A new secret (256 random bits) and its stored form.</summary>
    public (string Plain, string Stored) New()
    {
        var plain = "whsec_" + SecureTokens.NewToken();
        return (plain, protector.Protect(plain));
    }

    public string Reveal(string stored) => protector.Unprotect(stored);

    /// <summary>The signature of one attempt: lowercase hex of HMAC-SHA256(secret, timestamp + "." + body).</summary>
    public static string Sign(string secret, long timestamp, byte[] body)
    {
        var prefix = Encoding.UTF8.GetBytes(timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture) + ".");
        byte[] signed = [.. prefix, .. body];
        return Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed));
    }
}

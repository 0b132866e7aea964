using System.Security.Cryptography;

namespace Tradehall.Core.Shared;

/// <summary>SEC-02: secrets come from the cryptographic generator and are stored only as hashes.</summary>
public static class SecureTokens
{
    public static string NewToken(int bytes = 32) =>
        Base64UrlEncode(RandomNumberGenerator.GetBytes(bytes));

    public static string NewNumericCode(int digits)
    {
        var upper = 1;
        for (var i = 0; i < digits; i++)
        {
            upper *= 10;
        }
        return RandomNumberGenerator.GetInt32(0, upper).ToString($"D{digits}", System.Globalization.CultureInfo.InvariantCulture);
    }

    public static string Hash(string secret) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    public static bool HashEquals(string hashHex, string secret) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(hashHex), Encoding.ASCII.GetBytes(Hash(secret)));

    private static string Base64UrlEncode(byte[] data) =>
        Convert.ToBase64String(data).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

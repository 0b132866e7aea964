namespace Tradehall.Core.Shared;

/// <summary>Names of the rate-limit policies (SEC-06); the host defines them from <c>RateLimits</c> options.</summary>
public static class RateLimits
{
    /// <summary>Sign-in, token creation, registration, magic links and resets: per client address.</summary>
    public const string Auth = "auth";

    /// <summary>Sending and checking SMS codes: per client address (the per-number cooldown is a rule of its own).</summary>
    public const string Phone = "phone";

    /// <summary>MKT-07: listing search, stricter for visitors than for members (anti-scraping).</summary>
    public const string Search = "search";
}

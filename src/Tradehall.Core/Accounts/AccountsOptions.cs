namespace Tradehall.Core.Accounts;

/// <summary>Every limit and period of accounts and sign-in (SPEC §13, SEC-01..03).</summary>
[ModuleApi]
public sealed class AccountsOptions
{
    public const string SectionName = "Accounts";

    [Range(14, 120)]
    public int MinimumAge { get; set; } = 18;

    [Range(8, 64)]
    public int PasswordMinLength { get; set; } = 10;

    [Range(64, 1024)]
    public int PasswordMaxLength { get; set; } = 128;

    /// <summary>PBKDF2-HMAC-SHA512 iterations (SEC-01: at least 210,000).</summary>
    [Range(210_000, 10_000_000)]
    public int PasswordHashIterations { get; set; } = 210_000;

    [Range(1, 100)]
    public int LockoutFailures { get; set; } = 5;

    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);

    [Range(4, 10)]
    public int PhoneCodeDigits { get; set; } = 6;

    [Range(typeof(TimeSpan), "00:01:00", "01:00:00")]
    public TimeSpan PhoneCodeLifetime { get; set; } = TimeSpan.FromMinutes(10);

    [Range(1, 20)]
    public int PhoneCodeMaxTries { get; set; } = 5;

    [Range(typeof(TimeSpan), "00:00:10", "01:00:00")]
    public TimeSpan PhoneCodeResendCooldown { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Lifetime of emailed links: confirmation, magic sign-in, password reset (SEC-02: ≤ 10 minutes).</summary>
    [Range(typeof(TimeSpan), "00:01:00", "00:10:00")]
    public TimeSpan EmailLinkLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// How long the "this wasn't me" link sent to the previous address after an email change works (ACC-08). Longer than
    /// other links on purpose: the owner may read that mailbox days later, and the link grants no access — it only
    /// restores the address and ends every session and token.
    /// </summary>
    [Range(typeof(TimeSpan), "01:00:00", "30.00:00:00")]
    public TimeSpan EmailRevertLinkLifetime { get; set; } = TimeSpan.FromDays(7);

    /// <summary>
    /// How long a browser that signed in stays known to the account: while the account is locked by failures from
    /// elsewhere, a known browser still signs in with the right password, with its own count of wrong ones (ACC-05).
    /// </summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "730.00:00:00")]
    public TimeSpan KnownDeviceLifetime { get; set; } = TimeSpan.FromDays(180);

    /// <summary>Default lifetime of a personal access token (ACC-12).</summary>
    [Range(1, 3650)]
    public int ApiTokenDays { get; set; } = 90;

    /// <summary>A session unused this long ends (SEC-03 inactivity lifetime).</summary>
    [Range(typeof(TimeSpan), "00:05:00", "30.00:00:00")]
    public TimeSpan SessionIdleTimeout { get; set; } = TimeSpan.FromHours(12);

    /// <summary>A "remember me" session unused this long ends.</summary>
    [Range(typeof(TimeSpan), "01:00:00", "90.00:00:00")]
    public TimeSpan RememberMeIdleTimeout { get; set; } = TimeSpan.FromDays(14);

    /// <summary>No session lives longer than this, however active (SEC-03 absolute lifetime).</summary>
    [Range(typeof(TimeSpan), "01:00:00", "365.00:00:00")]
    public TimeSpan SessionAbsoluteLifetime { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How soon a password change or a disabled account ends other sessions (SEC-03: 60 s).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan SecurityStampInterval { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Staff must use a second factor to open the consoles (SEC-05).</summary>
    public bool StaffRequireTwoFactor { get; set; } = true;

    /// <summary>ACC-02: domains refused in addition to the shipped disposable-email list.</summary>
    public List<string> BlockedEmailDomains { get; set; } = [];

    /// <summary>ACC-03: E.164 prefixes refused, e.g. virtual-number ranges ("+7940").</summary>
    public List<string> BlockedPhonePrefixes { get; set; } = [];

    /// <summary>Country code assumed for numbers written without one ("8 912 ..." becomes +7 912 ...).</summary>
    [Required, RegularExpression("^[1-9][0-9]{0,2}$")]
    public string DefaultCountryCallingCode { get; set; } = "7";
}

namespace Tradehall.Core.Accounts.SignIn;

/// <summary>
/// ACC-05, SEC-06: a browser that signed in to an account before. It keeps its own count of wrong passwords, so failures
/// from elsewhere — anyone can type a victim's address — lock every other browser out but not the owner's usual one.
/// The cookie holds a random secret; only its hash is stored.
/// </summary>
public sealed class KnownDevice
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid MemberId { get; set; }
    public required string TokenHash { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime LastSignInAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    public int Failures { get; set; }
    public DateTime? LockedUntil { get; set; }
}

internal sealed class KnownDeviceConfiguration : IEntityTypeConfiguration<KnownDevice>
{
    public void Configure(EntityTypeBuilder<KnownDevice> b)
    {
        b.ToTable("accounts_known_devices");
        b.HasKey(d => d.Id);
        b.Property(d => d.TokenHash).HasMaxLength(64);
        b.HasIndex(d => d.TokenHash).IsUnique();
        b.HasIndex(d => d.MemberId);
        b.HasOne<Member>().WithMany().HasForeignKey(d => d.MemberId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>The known-device cookie and its server-side counter.</summary>
public sealed class KnownDevices(AppDbContext db, TimeProvider time, IOptions<AccountsOptions> options)
{
    public const string CookieName = "__Host-tradehall-device";

    /// <summary>This browser's record for <paramref name="memberId"/>, if it signed in to that account before and the record lives.</summary>
    public async Task<KnownDevice?> FindAsync(HttpContext http, Guid memberId, CancellationToken cancellationToken)
    {
        if (!http.Request.Cookies.TryGetValue(CookieName, out var secret) || string.IsNullOrEmpty(secret))
        {
            return null;
        }
        var hash = SecureTokens.Hash(secret);
        var now = time.UtcNow();
        return await db.Set<KnownDevice>().FirstOrDefaultAsync(d => d.TokenHash == hash && d.MemberId == memberId && d.ExpiresAt > now, cancellationToken);
    }

    public bool IsLocked(KnownDevice device) => device.LockedUntil > time.UtcNow();

    /// <summary>Seconds until the device may try again.</summary>
    public int SecondsLocked(KnownDevice device) =>
        device.LockedUntil is { } until ? Math.Max(1, (int)Math.Ceiling((until - time.UtcNow()).TotalSeconds)) : 0;

    /// <summary>A wrong password from this browser: after as many as an account may have, it is locked for as long (ACC-05).</summary>
    public async Task FailedAsync(KnownDevice device, CancellationToken cancellationToken)
    {
        var o = options.Value;
        device.Failures++;
        if (device.Failures >= o.LockoutFailures)
        {
            device.Failures = 0;
            device.LockedUntil = time.UtcNow() + o.LockoutDuration;
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>After a completed sign-in: this browser is known to the account from now on (its cookie renewed).</summary>
    public async Task RememberAsync(HttpContext http, Guid memberId, CancellationToken cancellationToken)
    {
        var now = time.UtcNow();
        var lifetime = options.Value.KnownDeviceLifetime;
        var device = await FindAsync(http, memberId, cancellationToken);
        if (device is null)
        {
            var secret = SecureTokens.NewToken();
            device = new KnownDevice { MemberId = memberId, TokenHash = SecureTokens.Hash(secret), CreatedAt = now };
            db.Set<KnownDevice>().Add(device);
            http.Response.Cookies.Append(CookieName, secret, new CookieOptions
            {
                HttpOnly = true,
                Secure = true,
                SameSite = SameSiteMode.Strict,
                Path = "/",
                IsEssential = true,
                MaxAge = lifetime,
            });
        }
        device.LastSignInAt = now;
        device.ExpiresAt = now + lifetime;
        device.Failures = 0;
        device.LockedUntil = null;
        await db.SaveChangesAsync(cancellationToken);
    }
}

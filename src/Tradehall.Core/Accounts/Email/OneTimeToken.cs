using Microsoft.AspNetCore.Identity;

namespace Tradehall.Core.Accounts.Email;

/// <summary>
/// SEC-02: a secret sent in an emailed link (email confirmation, magic sign-in, password reset,
/// email change). Random, stored as a hash, bound to its purpose, short-lived and used once.
/// </summary>
public sealed class OneTimeToken
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid MemberId { get; set; }
    public required string Purpose { get; set; }
    public required string TokenHash { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    public DateTime? UsedAt { get; set; }
}

internal sealed class OneTimeTokenConfiguration : IEntityTypeConfiguration<OneTimeToken>
{
    public void Configure(EntityTypeBuilder<OneTimeToken> b)
    {
        b.ToTable("accounts_one_time_tokens");
        b.HasKey(t => t.Id);
        b.Property(t => t.Purpose).HasMaxLength(400);
        b.Property(t => t.TokenHash).HasMaxLength(64);
        b.HasIndex(t => t.TokenHash).IsUnique();
        b.HasIndex(t => new { t.MemberId, t.Purpose });
        b.HasOne<Member>().WithMany().HasForeignKey(t => t.MemberId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>
/// Identity's token provider for every emailed link, so <c>UserManager.ConfirmEmailAsync</c>,
/// <c>ResetPasswordAsync</c> and <c>ChangeEmailAsync</c> get single-use, database-backed tokens
/// instead of the default reusable ones.
/// </summary>
public sealed class OneTimeTokenProvider(AppDbContext db, TimeProvider time, IOptions<AccountsOptions> options) : IUserTwoFactorTokenProvider<Member>
{
    public const string Name = "OneTime";

    public Task<string> GenerateAsync(string purpose, UserManager<Member> manager, Member user) =>
        IssueAsync(user, purpose, options.Value.EmailLinkLifetime);

    /// <summary>A new token for <paramref name="purpose"/> that lives <paramref name="lifetime"/>.</summary>
    public async Task<string> IssueAsync(Member user, string purpose, TimeSpan lifetime)
    {
        var now = time.UtcNow();
        // A new link for the same purpose retires the previous one.
        await db.Set<OneTimeToken>()
            .Where(t => t.MemberId == user.Id && t.Purpose == purpose && t.UsedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.UsedAt, now));
        var token = SecureTokens.NewToken();
        db.Set<OneTimeToken>().Add(new OneTimeToken
        {
            MemberId = user.Id,
            Purpose = purpose,
            TokenHash = SecureTokens.Hash(token),
            CreatedAt = now,
            ExpiresAt = now + lifetime,
        });
        await db.SaveChangesAsync();
        return token;
    }

    /// <summary>Valid once: the check and the use are one conditional update.</summary>
    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<Member> manager, Member user)
    {
        if (string.IsNullOrEmpty(token))
        {
            return false;
        }
        var hash = SecureTokens.Hash(token);
        var now = time.UtcNow();
        var consumed = await db.Set<OneTimeToken>()
            .Where(t => t.TokenHash == hash && t.MemberId == user.Id && t.Purpose == purpose && t.UsedAt == null && t.ExpiresAt > now)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.UsedAt, now));
        return consumed == 1;
    }

    public Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<Member> manager, Member user) => Task.FromResult(false);

    /// <summary>Finds whose token this is, for links that carry only the token.</summary>
    public async Task<Guid?> FindMemberAsync(string token, string purposePrefix) => (await FindAsync(token, purposePrefix))?.MemberId;

    /// <summary>Whose token this is and its whole purpose, for purposes that carry a value (such as the address to restore).</summary>
    public async Task<(Guid MemberId, string Purpose)?> FindAsync(string token, string purposePrefix)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }
        var hash = SecureTokens.Hash(token);
        var row = await db.Set<OneTimeToken>().AsNoTracking()
            .Where(t => t.TokenHash == hash && t.Purpose.StartsWith(purposePrefix))
            .Select(t => new { t.MemberId, t.Purpose })
            .FirstOrDefaultAsync();
        return row is null ? null : (row.MemberId, row.Purpose);
    }

    /// <summary>Why a token no longer works, so the page can say so plainly.</summary>
    public async Task<string> DescribeFailureAsync(string token)
    {
        var hash = SecureTokens.Hash(token ?? "");
        var row = await db.Set<OneTimeToken>().AsNoTracking().FirstOrDefaultAsync(t => t.TokenHash == hash);
        return row switch
        {
            null => "This link is not valid. Request a new one.",
            { UsedAt: not null } => "This link has already been used. Request a new one.",
            _ => "This link has expired. Request a new one.",
        };
    }
}

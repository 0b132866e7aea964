using Microsoft.AspNetCore.Identity;

namespace Tradehall.Core.Accounts.Tokens;

public sealed record IssuedToken(Guid Id, string Token, DateTime ExpiresAt);

/// <summary>A token a signed-in member makes for themselves (Settings); no password is asked again.</summary>
public sealed record CreateOwnTokenRequest
{
    [Required(ErrorMessage = "Name the token, e.g. the program that uses it."), MaxLength(100), VisibleText]
    public string? Name { get; init; }

    public string[]? Scopes { get; init; }

    [Range(1, 3650, ErrorMessage = "A token lives from 1 to 3650 days.")]
    public int? ExpiresInDays { get; init; }
}

/// <summary>ACC-12: issuing, listing and revoking personal access tokens.</summary>
public sealed class ApiTokens(AppDbContext db, UserManager<Member> users, TimeProvider time, IOptions<AccountsOptions> options, EvidenceArchive archive)
{
    public const string SecretPrefix = "th_";

    /// <summary>
    /// Adds a token to the unit of work (the caller saves) with the scopes granted from <paramref name="scopes"/>;
    /// the scopes are checked first and refused with errors naming <c>scopes</c> (ACC-12).
    /// <paramref name="twoFactor"/> says the holder gave their second factor, which staff scopes need (SEC-05).
    /// </summary>
    public async Task<IssuedToken> IssueAsync(Member member, string name, string[]? scopes, int? days, bool twoFactor, string via)
    {
        var errors = new FieldErrors();
        var staff = await users.IsInRoleAsync(member, Roles.Operator) || await users.IsInRoleAsync(member, Roles.Support);
        var granted = ApiScopes.Grant(scopes, staff && (twoFactor || !options.Value.StaffRequireTwoFactor), errors);
        errors.ThrowIfAny();
        var now = time.UtcNow();
        var secret = SecretPrefix + SecureTokens.NewToken();
        var token = new ApiToken
        {
            MemberId = member.Id,
            Name = name,
            Prefix = secret[..10],
            TokenHash = SecureTokens.Hash(secret),
            Scopes = string.Join(' ', granted),
            TwoFactor = twoFactor,
            CreatedAt = now,
            ExpiresAt = now.AddDays(days ?? options.Value.ApiTokenDays),
        };
        db.Set<ApiToken>().Add(token);
        archive.Record("account.token_created", $"token:{token.Id}", member.Id, after: new { token.Name, token.Scopes, token.ExpiresAt, token.TwoFactor, via });
        return new IssuedToken(token.Id, secret, token.ExpiresAt);
    }

    /// <summary>Checks and saves a token for a signed-in member; <paramref name="twoFactor"/> says the session used a second factor.</summary>
    public async Task<IssuedToken> CreateAsync(Guid memberId, CreateOwnTokenRequest request, bool twoFactor, CancellationToken cancellationToken)
    {
        var errors = FieldErrors.FromAnnotations(request);
        if (request.Scopes is null)
        {
            errors.Add(nameof(request.Scopes), "Choose at least one scope.");
        }
        errors.ThrowIfAny();
        var member = await users.FindByIdAsync(memberId.ToString()) ?? throw DomainException.NotFound("account.not_found", "No such account.");
        var issued = await IssueAsync(member, request.Name!.Trim(), request.Scopes, request.ExpiresInDays, twoFactor, "settings");
        await db.SaveChangesAsync(cancellationToken);
        return issued;
    }

    /// <summary>
    /// SEC-03: ends every token of the member — after a password change or reset, an undone email change,
    /// or a disabled account. Added to the unit of work's archive; the update itself runs at once.
    /// </summary>
    public async Task RevokeAllAsync(Guid memberId, string reason, CancellationToken cancellationToken)
    {
        var now = time.UtcNow();
        var ended = await db.Set<ApiToken>().Where(t => t.MemberId == memberId && t.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, now), cancellationToken);
        if (ended > 0)
        {
            archive.Record("account.tokens_revoked", $"member:{memberId}", memberId, after: new { count = ended, reason });
        }
    }

    public Task<List<ApiToken>> ListAsync(Guid memberId, CancellationToken cancellationToken) =>
        db.Set<ApiToken>().AsNoTracking().Where(t => t.MemberId == memberId)
            .OrderByDescending(t => t.CreatedAt).ToListAsync(cancellationToken);

    public async Task RevokeAsync(Guid memberId, Guid tokenId, CancellationToken cancellationToken)
    {
        var token = await db.Set<ApiToken>().FirstOrDefaultAsync(t => t.Id == tokenId && t.MemberId == memberId, cancellationToken)
            ?? throw DomainException.NotFound("account.token_not_found", "No such token.");
        if (token.RevokedAt is null)
        {
            token.RevokedAt = time.UtcNow();
            archive.Record("account.token_revoked", $"token:{token.Id}", memberId);
            await db.SaveChangesAsync(cancellationToken);
        }
    }
}

/// <summary>A token as its owner's list shows it: never its secret, only the prefix that tells it apart.</summary>
public sealed record TokenListItem(
    Guid Id, string Name, string Prefix, string[] Scopes, DateTime CreatedAt, DateTime ExpiresAt, DateTime? LastUsedAt, DateTime? RevokedAt)
{
    public static TokenListItem Of(ApiToken t) => new(t.Id, t.Name, t.Prefix, t.Scopes.Split(' '), t.CreatedAt, t.ExpiresAt, t.LastUsedAt, t.RevokedAt);
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tradehall.Core.Archive;
using Tradehall.Core.Data;
using Tradehall.Core.Shared;

namespace Tradehall.Core.Accounts.Tokens;

public sealed record IssuedToken(Guid Id, string Token, DateTime ExpiresAt);

/// <summary>ACC-12: issuing, listing and revoking personal access tokens.</summary>
public sealed class ApiTokens(AppDbContext db, TimeProvider time, IOptions<AccountsOptions> options, EvidenceArchive archive)
{
    public const string SecretPrefix = "th_";

    /// <summary>Adds a token to the unit of work; the caller saves.</summary>
    public IssuedToken Issue(Guid memberId, string name, IEnumerable<string>? scopes, int? days, bool twoFactor)
    {
        var now = time.UtcNow();
        var secret = SecretPrefix + SecureTokens.NewToken();
        var granted = (scopes ?? ApiScopes.All).Where(ApiScopes.All.Contains).Distinct().ToArray();
        var token = new ApiToken
        {
            MemberId = memberId,
            Name = name,
            Prefix = secret[..10],
            TokenHash = SecureTokens.Hash(secret),
            Scopes = string.Join(' ', granted.Length > 0 ? granted : ApiScopes.All),
            TwoFactor = twoFactor,
            CreatedAt = now,
            ExpiresAt = now.AddDays(days ?? options.Value.ApiTokenDays),
        };
        db.Set<ApiToken>().Add(token);
        archive.Record("account.token_created", $"token:{token.Id}", memberId, after: new { token.Name, token.Scopes, token.ExpiresAt });
        return new IssuedToken(token.Id, secret, token.ExpiresAt);
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

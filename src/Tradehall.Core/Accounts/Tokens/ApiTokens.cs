using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tradehall.Core.Archive;
using Tradehall.Core.Data;
using Tradehall.Core.Shared;

namespace Tradehall.Core.Accounts.Tokens;

public sealed record IssuedToken(Guid Id, string Token, DateTime ExpiresAt);

/// <summary>A token a signed-in member makes for themselves (Settings); no password is asked again.</summary>
public sealed record CreateOwnTokenRequest
{
    [Required(ErrorMessage = "Name the token, e.g. the program that uses it."), MaxLength(100)]
    public string? Name { get; init; }

    public string[]? Scopes { get; init; }

    [Range(1, 3650, ErrorMessage = "A token lives from 1 to 3650 days.")]
    public int? ExpiresInDays { get; init; }
}

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

    /// <summary>Checks and saves a token for a signed-in member; <paramref name="twoFactor"/> says the session used a second factor.</summary>
    public async Task<IssuedToken> CreateAsync(Guid memberId, CreateOwnTokenRequest request, bool twoFactor, CancellationToken cancellationToken)
    {
        var errors = FieldErrors.FromAnnotations(request);
        var scopes = request.Scopes ?? [];
        if (scopes.Length == 0)
        {
            errors.Add(nameof(request.Scopes), "Choose at least one scope.");
        }
        else if (scopes.Any(s => !ApiScopes.All.Contains(s)))
        {
            errors.Add(nameof(request.Scopes), "Choose scopes from the list.");
        }
        errors.ThrowIfAny();
        var issued = Issue(memberId, request.Name!.Trim(), scopes, request.ExpiresInDays, twoFactor);
        await db.SaveChangesAsync(cancellationToken);
        return issued;
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

using Microsoft.AspNetCore.Identity;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;

namespace Tradehall.Core.Accounts.Tokens;

/// <summary>ACC-12: <c>Authorization: Bearer th_...</c> on the JSON API.</summary>
public sealed class BearerAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    AppDbContext db, TimeProvider time) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";
    public const string ScopeClaim = "scope";
    public const string TokenIdClaim = "token_id";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (header is null || !header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }
        var secret = header["Bearer ".Length..].Trim();
        var hash = SecureTokens.Hash(secret);
        var now = time.UtcNow();
        var found = await db.Set<ApiToken>().AsNoTracking()
            .Where(t => t.TokenHash == hash)
            .Join(db.Set<Member>(), t => t.MemberId, m => m.Id, (t, m) => new { Token = t, Member = m })
            .FirstOrDefaultAsync(Context.RequestAborted);
        if (found is null || found.Token.RevokedAt is not null || found.Token.ExpiresAt <= now || found.Member.DisabledAt is not null)
        {
            return AuthenticateResult.Fail("The token is not valid.");
        }
        var roles = await db.Set<IdentityUserRole<Guid>>().Where(ur => ur.UserId == found.Member.Id)
            .Join(db.Set<Role>(), ur => ur.RoleId, r => r.Id, (ur, r) => r.Name!)
            .ToListAsync(Context.RequestAborted);
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, found.Member.Id.ToString()),
            new(ClaimTypes.Name, found.Member.UserName ?? ""),
            new(TokenIdClaim, found.Token.Id.ToString()),
        };
        claims.AddRange(roles.Select(r => new Claim(ClaimTypes.Role, r)));
        claims.AddRange(found.Token.Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(s => new Claim(ScopeClaim, s)));
        if (found.Token.TwoFactor)
        {
            claims.Add(new Claim("amr", "mfa"));
        }
        if (found.Token.LastUsedAt is null || found.Token.LastUsedAt < now.AddMinutes(-1))
        {
            await db.Set<ApiToken>().Where(t => t.Id == found.Token.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAt, now), Context.RequestAborted);
        }
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }
}

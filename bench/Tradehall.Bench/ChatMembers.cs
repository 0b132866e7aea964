using Tradehall.Core.Accounts;
using Tradehall.Core.Accounts.Tokens;
using Tradehall.Core.Network.Profiles;
using Tradehall.Demo;

namespace Tradehall.Bench;

/// <summary>A member of the chat benchmark and the bearer token its client signs in with.</summary>
internal sealed record BenchMember(Guid Id, string Token);

/// <summary>The chat benchmark's members, written straight to the database as a bulk load would.</summary>
internal static class ChatMembers
{
    /// <summary>Members as registration leaves them (confirmed, with a page handle) and a bearer token each, inserted in bulk.</summary>
    public static async Task<List<BenchMember>> SeedAsync(IServiceProvider services, int count, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = services.GetRequiredService<TimeProvider>().UtcNow();
        var result = new List<BenchMember>(count);
        var members = new List<Member>(count);
        var profiles = new List<Profile>(count);
        var tokens = new List<ApiToken>(count);
        for (var n = 0; n < count; n++)
        {
            var email = $"chat{n}@bench.tradehall.local";
            var member = DemoSeed.LoadMember(email, $"+7991{n:D7}", "Chat", n, now);
            members.Add(member);
            profiles.Add(new Profile { MemberId = member.Id, Handle = $"bench-chat-{n}", CreatedAt = now });
            var secret = ApiTokens.SecretPrefix + SecureTokens.NewToken();
            tokens.Add(new ApiToken
            {
                MemberId = member.Id, Name = "chat benchmark", Prefix = secret[..10], TokenHash = SecureTokens.Hash(secret),
                Scopes = string.Join(' ', ApiScopes.All), CreatedAt = now, ExpiresAt = now.AddDays(1),
            });
            result.Add(new BenchMember(member.Id, secret));
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.InsertEntitiesAsync(members, cancellationToken);
        await db.InsertEntitiesAsync(profiles, cancellationToken);
        await db.InsertEntitiesAsync(tokens, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }
}

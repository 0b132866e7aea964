using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Tradehall.Core.Accounts.Sessions;

/// <summary>
/// ACC-07, SEC-03: a signed-in browser. The cookie holds only this row's key, so a session can be
/// listed, ended from another device, and ended on the server at sign-out.
/// </summary>
public sealed class SignInSession
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid MemberId { get; set; }
    public required byte[] Ticket { get; set; }
    public bool Persistent { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime LastSeenAt { get; set; }
    public DateTime? EndedAt { get; set; }

    [PersonalData("showing the member where they are signed in", Shared.Retention.WhileAccountExists)]
    public string? Ip { get; set; }

    [PersonalData("showing the member where they are signed in", Shared.Retention.WhileAccountExists)]
    public string? UserAgent { get; set; }
}

internal sealed class SignInSessionConfiguration : IEntityTypeConfiguration<SignInSession>
{
    public void Configure(EntityTypeBuilder<SignInSession> b)
    {
        b.ToTable("accounts_sessions");
        b.HasKey(s => s.Id);
        b.Property(s => s.Ip).HasMaxLength(45);
        b.Property(s => s.UserAgent).HasMaxLength(300);
        b.HasIndex(s => new { s.MemberId, s.EndedAt });
        b.HasOne<Member>().WithMany().HasForeignKey(s => s.MemberId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>Keeps cookie tickets in <see cref="SignInSession"/> rows and enforces idle and absolute lifetimes.</summary>
public sealed class SessionTicketStore(IServiceScopeFactory scopes, TimeProvider time, IOptions<AccountsOptions> options, IHttpContextAccessor http) : ITicketStore
{
    public async Task<string> StoreAsync(AuthenticationTicket ticket)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = time.UtcNow();
        var request = http.HttpContext;
        string? agent = request?.Request.Headers.UserAgent;
        var id = Guid.CreateVersion7();
        // The key travels inside the ticket, so pages can tell "this device" from the others.
        (ticket.Principal.Identity as ClaimsIdentity)?.AddClaim(new Claim(SessionIdClaim, id.ToString()));
        var session = new SignInSession
        {
            Id = id,
            MemberId = Guid.Parse(ticket.Principal.FindFirstValue(ClaimTypes.NameIdentifier)!),
            Ticket = TicketSerializer.Default.Serialize(ticket),
            Persistent = ticket.Properties.IsPersistent,
            CreatedAt = now,
            LastSeenAt = now,
            Ip = request?.Connection.RemoteIpAddress?.ToString(),
            UserAgent = agent is { Length: > 300 } ? agent[..300] : agent,
        };
        db.Set<SignInSession>().Add(session);
        await db.SaveChangesAsync();
        return session.Id.ToString();
    }

    public async Task RenewAsync(string key, AuthenticationTicket ticket)
    {
        if (!Guid.TryParse(key, out var id))
        {
            return;
        }
        // A refreshed sign-in (password or second-factor change) builds a new principal: keep this session's key in it.
        if (ticket.Principal.FindFirst(SessionIdClaim) is null && ticket.Principal.Identity is ClaimsIdentity identity)
        {
            identity.AddClaim(new Claim(SessionIdClaim, id.ToString()));
        }
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var bytes = TicketSerializer.Default.Serialize(ticket);
        var now = time.UtcNow();
        await db.Set<SignInSession>().Where(s => s.Id == id && s.EndedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Ticket, bytes).SetProperty(x => x.LastSeenAt, now));
    }

    public async Task<AuthenticationTicket?> RetrieveAsync(string key)
    {
        if (!Guid.TryParse(key, out var id))
        {
            return null;
        }
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var session = await db.Set<SignInSession>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == id);
        if (session is null || session.EndedAt is not null)
        {
            return null;
        }
        var o = options.Value;
        var now = time.UtcNow();
        var idle = session.Persistent ? o.RememberMeIdleTimeout : o.SessionIdleTimeout;
        if (session.LastSeenAt + idle <= now || session.CreatedAt + o.SessionAbsoluteLifetime <= now)
        {
            await EndAsync(db, id, now);
            return null;
        }
        if (session.LastSeenAt < now.AddMinutes(-1))
        {
            await db.Set<SignInSession>().Where(s => s.Id == id)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.LastSeenAt, now));
        }
        return TicketSerializer.Default.Deserialize(session.Ticket);
    }

    public async Task RemoveAsync(string key)
    {
        if (!Guid.TryParse(key, out var id))
        {
            return;
        }
        await using var scope = scopes.CreateAsyncScope();
        await EndAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), id, time.UtcNow());
    }

    private static Task<int> EndAsync(AppDbContext db, Guid id, DateTime now) =>
        db.Set<SignInSession>().Where(s => s.Id == id && s.EndedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.EndedAt, now));

    public const string SessionIdClaim = "sid";

    /// <summary>The session of the current request, to mark "this device" and to keep it on "end the others".</summary>
    public static Guid? CurrentSession(ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(SessionIdClaim), out var id) ? id : null;
}

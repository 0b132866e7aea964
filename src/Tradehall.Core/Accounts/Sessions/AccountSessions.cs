namespace Tradehall.Core.Accounts.Sessions;

public sealed record SessionView(Guid Id, DateTime CreatedAt, DateTime LastSeenAt, string? Ip, string? UserAgent, bool Current);

/// <summary>ACC-07: the member's signed-in devices, and ending them.</summary>
public sealed class AccountSessions(AppDbContext db, TimeProvider time, EvidenceArchive archive)
{
    public async Task<List<SessionView>> ListAsync(Guid memberId, Guid? current, CancellationToken cancellationToken)
    {
        var rows = await db.Set<SignInSession>().AsNoTracking()
            .Where(s => s.MemberId == memberId && s.EndedAt == null)
            .OrderByDescending(s => s.LastSeenAt)
            .Select(s => new { s.Id, s.CreatedAt, s.LastSeenAt, s.Ip, s.UserAgent })
            .ToListAsync(cancellationToken);
        return rows.Select(s => new SessionView(s.Id, s.CreatedAt, s.LastSeenAt, s.Ip, s.UserAgent, s.Id == current)).ToList();
    }

    public async Task EndAsync(Guid memberId, Guid sessionId, CancellationToken cancellationToken)
    {
        var now = time.UtcNow();
        var ended = await db.Set<SignInSession>().Where(s => s.Id == sessionId && s.MemberId == memberId && s.EndedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.EndedAt, now), cancellationToken);
        if (ended == 0)
        {
            throw DomainException.NotFound("account.session_not_found", "No such session.");
        }
        archive.Record("account.session_ended", $"session:{sessionId}", memberId);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Ends every session of a member, except the one given (SEC-03: password change, disabled account).</summary>
    public static Task<int> EndAllAsync(AppDbContext db, Guid memberId, DateTime now, Guid? except, CancellationToken cancellationToken) =>
        db.Set<SignInSession>().Where(s => s.MemberId == memberId && s.EndedAt == null && s.Id != except)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.EndedAt, now), cancellationToken);
}

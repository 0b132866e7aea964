namespace Tradehall.Core.Accounts;

public sealed record DuplicateRow(DateTime FlaggedAt, DateTime? ReviewedAt, Guid MemberId, string MemberName, string MemberEmail,
    Guid ExistingId, string ExistingName, string ExistingEmail, DateOnly DateOfBirth);

/// <summary>The staff console's start: how many members, how many new this week, and the possible duplicate accounts.</summary>
public sealed record MemberOverview(int Members, int NewThisWeek, int OpenDuplicates, IReadOnlyList<DuplicateRow> Duplicates);

/// <summary>ACC-04, ACC-10: what staff see first — member counts and accounts flagged as possibly the same person, unreviewed first.</summary>
public sealed class MemberOverviews(AppDbContext db, TimeProvider time)
{
    public const int DuplicatesShown = 50;

    public async Task<MemberOverview> ReadAsync(CancellationToken cancellationToken)
    {
        var members = db.Set<Member>().AsNoTracking();
        var weekAgo = time.UtcNow().AddDays(-7);
        var duplicates = db.Set<PossibleDuplicate>().AsNoTracking();
        var rows = await (
            from d in duplicates
            join m in members on d.MemberId equals m.Id
            join e in members on d.ExistingMemberId equals e.Id
            orderby d.ReviewedAt == null descending, d.FlaggedAt descending
            select new DuplicateRow(d.FlaggedAt, d.ReviewedAt, m.Id, m.FirstName + " " + m.LastName, m.Email!,
                e.Id, e.FirstName + " " + e.LastName, e.Email!, m.DateOfBirth))
            .Take(DuplicatesShown)
            .ToListAsync(cancellationToken);
        return new MemberOverview(
            await members.CountAsync(cancellationToken),
            await members.CountAsync(m => m.RegisteredAt >= weekAgo, cancellationToken),
            await duplicates.CountAsync(d => d.ReviewedAt == null, cancellationToken),
            rows);
    }
}

using Microsoft.EntityFrameworkCore;
using Tradehall.Core.Data;

namespace Tradehall.Web.Pages.Operator;

public sealed record DuplicateRow(DateTime FlaggedAt, DateTime? ReviewedAt, Guid MemberId, string MemberName, string MemberEmail,
    Guid ExistingId, string ExistingName, string ExistingEmail, DateOnly DateOfBirth);

/// <summary>OPS, ACC-04, ACC-10: the staff console start — member counts and possible duplicate accounts (read-only).</summary>
[Authorize(Policy = AccountsModule.StaffConsolePolicy)]
public sealed class IndexModel(AppDbContext db, TimeProvider time) : TradehallPageModel
{
    public const int DuplicatesShown = 50;

    public int Members { get; private set; }
    public int NewThisWeek { get; private set; }
    public int OpenDuplicates { get; private set; }
    public IReadOnlyList<DuplicateRow> Duplicates { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var weekAgo = time.UtcNow().AddDays(-7);
        Members = await db.Users.CountAsync(cancellationToken);
        NewThisWeek = await db.Users.CountAsync(m => m.RegisteredAt >= weekAgo, cancellationToken);
        var duplicates = db.Set<PossibleDuplicate>().AsNoTracking();
        OpenDuplicates = await duplicates.CountAsync(d => d.ReviewedAt == null, cancellationToken);
        Duplicates = await (
            from d in duplicates
            join m in db.Users on d.MemberId equals m.Id
            join e in db.Users on d.ExistingMemberId equals e.Id
            orderby d.ReviewedAt == null descending, d.FlaggedAt descending
            select new DuplicateRow(d.FlaggedAt, d.ReviewedAt, m.Id, m.FirstName + " " + m.LastName, m.Email!,
                e.Id, e.FirstName + " " + e.LastName, e.Email!, m.DateOfBirth))
            .Take(DuplicatesShown)
            .ToListAsync(cancellationToken);
    }
}

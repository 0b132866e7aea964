namespace Tradehall.Core.Legal.Subscribers;

/// <summary>KYC-04, KYC-05: a member reads their own legal data and its history, masked.</summary>
public sealed class ShowLegalData(AppDbContext db, SensitiveText sensitive, IOptions<LegalOptions> options, IStringLocalizer<SharedResource> text)
{
    /// <summary>The member's current legal data, or null before they have entered any.</summary>
    public async Task<LegalDataResponse?> FindAsync(Guid memberId, CancellationToken cancellationToken)
    {
        var row = await db.Set<LegalSubscriber>().AsNoTracking().FirstOrDefaultAsync(s => s.MemberId == memberId, cancellationToken);
        return row is null ? null : Respond(LegalSnapshot.Read(row, sensitive), row.Version, row.UpdatedAt);
    }

    public async Task<LegalDataResponse> HandleAsync(Guid memberId, CancellationToken cancellationToken) =>
        await FindAsync(memberId, cancellationToken)
        ?? throw DomainException.NotFound("legal.not_found", "No legal data has been entered yet.");

    /// <summary>Every version, newest first.</summary>
    public async Task<IReadOnlyList<LegalDataVersionView>> HistoryAsync(Guid memberId, CancellationToken cancellationToken)
    {
        var versions = await db.Set<LegalSubscriberVersion>().AsNoTracking()
            .Where(v => v.MemberId == memberId)
            .OrderByDescending(v => v.Version)
            .ToListAsync(cancellationToken);
        return versions
            .Select(v => new LegalDataVersionView(v.Version, v.ChangedAt, v.ChangedById, LegalSnapshot.Unseal(v.Snapshot, sensitive).ToView()))
            .ToList();
    }

    /// <summary>The KYC-04 reminder in the request's language.</summary>
    public string Reminder => text["Report any change of these details to us within {0} working days.", options.Value.ChangeReportWorkingDays];

    internal LegalDataResponse Respond(LegalSnapshot snapshot, int version, DateTime updatedAt) => new(snapshot.ToView())
    {
        Version = version,
        UpdatedAt = updatedAt,
        ChangeReportWorkingDays = options.Value.ChangeReportWorkingDays,
        Reminder = Reminder,
    };
}

namespace Tradehall.Core.Network.Profiles;

/// <summary>NET-01: every member gets a personal page at registration, in the same transaction.</summary>
public sealed class ProfileSetup(AppDbContext db, TimeProvider time) : IDomainEventSubscriber<MemberRegistered>
{
    public async Task HandleAsync(MemberRegistered domainEvent, CancellationToken cancellationToken)
    {
        var member = domainEvent;
        // Registration runs in a transaction, which holds this lock until it commits.
        await db.Database.LockForTransactionAsync(DatabaseLockKeys.Addresses, cancellationToken);
        var handle = await Handles.FreeAsync(db, Handles.Stem(member.FirstName, member.LastName), cancellationToken);
        var profile = new Profile { MemberId = member.MemberId, Handle = handle, CreatedAt = time.UtcNow(), City = member.City };
        profile.Index(member.FullName);
        db.Set<Profile>().Add(profile);
    }
}

namespace Tradehall.Core.Accounts;

/// <summary>Published inside the registration transaction, so what other modules set up for a member commits with it.</summary>
public sealed record MemberRegistered(Guid MemberId);

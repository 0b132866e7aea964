using Microsoft.AspNetCore.Identity;

namespace Tradehall.Core.Accounts;

/// <summary>
/// Identity's user manager reading lockout time from the injected clock, so the 15-minute lockout
/// (ACC-05) follows the same time as every other rule.
/// </summary>
public sealed class MemberManager(
    IUserStore<Member> store, IOptions<IdentityOptions> optionsAccessor, IPasswordHasher<Member> passwordHasher,
    IEnumerable<IUserValidator<Member>> userValidators, IEnumerable<IPasswordValidator<Member>> passwordValidators,
    ILookupNormalizer keyNormalizer, IdentityErrorDescriber errors, IServiceProvider services, ILogger<UserManager<Member>> logger,
    TimeProvider time)
    : UserManager<Member>(store, optionsAccessor, passwordHasher, userValidators, passwordValidators, keyNormalizer, errors, services, logger)
{
    public override async Task<bool> IsLockedOutAsync(Member user)
    {
        if (!await GetLockoutEnabledAsync(user))
        {
            return false;
        }
        var end = await GetLockoutEndDateAsync(user);
        return end >= time.GetUtcNow();
    }

    public override async Task<IdentityResult> AccessFailedAsync(Member user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var lockoutStore = (IUserLockoutStore<Member>)Store;
        var count = await lockoutStore.IncrementAccessFailedCountAsync(user, CancellationToken);
        if (count < Options.Lockout.MaxFailedAccessAttempts)
        {
            return await UpdateUserAsync(user);
        }
        await lockoutStore.SetLockoutEndDateAsync(user, time.GetUtcNow().Add(Options.Lockout.DefaultLockoutTimeSpan), CancellationToken);
        await lockoutStore.ResetAccessFailedCountAsync(user, CancellationToken);
        return await UpdateUserAsync(user);
    }
}

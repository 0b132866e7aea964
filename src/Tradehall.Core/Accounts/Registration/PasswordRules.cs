using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Tradehall.Core.Accounts.Registration;

/// <summary>SEC-01: beyond Identity's length rule, refuse over-long and commonly breached passwords.</summary>
public sealed class PasswordRules(IOptions<AccountsOptions> options) : IPasswordValidator<Member>
{
    public Task<IdentityResult> ValidateAsync(UserManager<Member> manager, Member user, string? password)
    {
        if (password is null)
        {
            return Task.FromResult(IdentityResult.Success);
        }
        if (password.Length > options.Value.PasswordMaxLength)
        {
            return Task.FromResult(IdentityResult.Failed(new IdentityError
            {
                Code = "PasswordTooLong",
                Description = $"Use at most {options.Value.PasswordMaxLength} characters.",
            }));
        }
        if (ShippedLists.IsCommonPassword(password))
        {
            return Task.FromResult(IdentityResult.Failed(new IdentityError
            {
                Code = "PasswordCommon",
                Description = "This password is on a list of commonly used or breached passwords. Choose another.",
            }));
        }
        return Task.FromResult(IdentityResult.Success);
    }
}

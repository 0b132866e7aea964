using Microsoft.AspNetCore.Identity;

namespace Tradehall.Core.Accounts.Registration;

/// <summary>SEC-01: beyond Identity's length rule, refuse over-long and commonly breached passwords.</summary>
public sealed class PasswordRules(IOptions<AccountsOptions> options, IStringLocalizer<SharedResource> text) : IPasswordValidator<Member>
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
                Description = text["Use at most {0} characters.", options.Value.PasswordMaxLength],
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

/// <summary>RUN-07: Identity's own messages that a member can meet, in the member's language.</summary>
public sealed class AccountErrorDescriber(IStringLocalizer<SharedResource> text) : IdentityErrorDescriber
{
    public override IdentityError PasswordTooShort(int length) => new()
    {
        Code = nameof(PasswordTooShort),
        Description = text["Passwords must be at least {0} characters.", length],
    };

    public override IdentityError PasswordMismatch() => new()
    {
        Code = nameof(PasswordMismatch),
        Description = text["Incorrect password."],
    };

    public override IdentityError InvalidToken() => new()
    {
        Code = nameof(InvalidToken),
        Description = text["This link is not valid. Request a new one."],
    };
}

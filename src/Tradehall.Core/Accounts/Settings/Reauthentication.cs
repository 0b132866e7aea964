using Microsoft.AspNetCore.Identity;

namespace Tradehall.Core.Accounts.Settings;

/// <summary>
/// ACC-08, SEC-05: a change of sign-in email, phone, password or second factor needs the account holder present —
/// the current password, or a current authenticator code where the account has one — so a stolen session or API token
/// cannot take the account over. Wrong passwords count toward the lockout like sign-ins do.
/// </summary>
public sealed class Reauthentication(UserManager<Member> users, SignInManager<Member> signIn)
{
    public const string PasswordField = "currentPassword";
    public const string CodeField = "totp";

    /// <summary>Either proof will do: the password, or an authenticator code when the second factor is on.</summary>
    public async Task RequireAsync(Member member, string? currentPassword, string? totp)
    {
        if (!string.IsNullOrEmpty(currentPassword))
        {
            await CheckPasswordAsync(member, currentPassword);
            return;
        }
        if (member.TwoFactorEnabled && !string.IsNullOrEmpty(totp))
        {
            await CheckCodeAsync(member, totp);
            return;
        }
        throw DomainException.Field("account.reauthentication_required", PasswordField, "Enter your current password to confirm the change.");
    }

    /// <summary>Both proofs: turning the second factor off must not be possible with either alone.</summary>
    public async Task RequireBothAsync(Member member, string? currentPassword, string? totp)
    {
        var errors = new FieldErrors();
        if (string.IsNullOrEmpty(currentPassword))
        {
            errors.Add(PasswordField, "Enter your current password.");
        }
        if (string.IsNullOrEmpty(totp))
        {
            errors.Add(CodeField, "Enter the current code from your authenticator app.");
        }
        errors.ThrowIfAny("account.reauthentication_required", "Confirm it is you.");
        await CheckPasswordAsync(member, currentPassword!);
        await CheckCodeAsync(member, totp!);
    }

    private async Task CheckPasswordAsync(Member member, string password)
    {
        var result = await signIn.CheckPasswordSignInAsync(member, password, lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            throw DomainException.TooMany("account.locked_out", "Too many wrong passwords. Try again later.");
        }
        if (!result.Succeeded)
        {
            throw DomainException.Field("account.password_incorrect", PasswordField, "The current password is not correct.");
        }
    }

    private async Task CheckCodeAsync(Member member, string code)
    {
        var clean = code.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        if (!await users.VerifyTwoFactorTokenAsync(member, users.Options.Tokens.AuthenticatorTokenProvider, clean))
        {
            await users.AccessFailedAsync(member);
            throw DomainException.Field("account.totp_invalid", CodeField, "The authenticator code is not correct.");
        }
    }
}

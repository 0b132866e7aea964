using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using QRCoder;
using Tradehall.Core.Accounts.Sessions;

namespace Tradehall.Core.Accounts.Settings;

public sealed record ChangePasswordRequest(
    [property: Required(ErrorMessage = "Enter your current password.")] string? CurrentPassword,
    [property: Required(ErrorMessage = "Choose a new password.")] string? NewPassword);

public sealed record AuthenticatorSetup(string SharedKey, string Uri, string QrCodePngBase64);

/// <summary>ACC-08, ACC-09: password change and the authenticator-app second factor with recovery codes.</summary>
public sealed class SecuritySettings(
    AppDbContext db, UserManager<Member> users, SignInManager<Member> signIn, EvidenceArchive archive,
    ApiTokens tokens, Reauthentication reauthentication, TimeProvider time)
{
    public const int RecoveryCodeCount = 10;

    /// <summary>Changes the password and ends every other session and every API token (SEC-03).</summary>
    public async Task ChangePasswordAsync(Guid memberId, Guid? currentSession, ChangePasswordRequest request, CancellationToken cancellationToken)
    {
        FieldErrors.FromAnnotations(request).ThrowIfAny();
        var member = await FindAsync(memberId);
        var result = await users.ChangePasswordAsync(member, request.CurrentPassword!, request.NewPassword!);
        if (!result.Succeeded)
        {
            var errors = new FieldErrors();
            foreach (var e in result.Errors)
            {
                errors.Add(e.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? "currentPassword" : "newPassword",
                    e.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? "The current password is not correct." : e.Description);
            }
            errors.ThrowIfAny();
        }
        await AccountSessions.EndAllAsync(db, member.Id, time.UtcNow(), currentSession, cancellationToken);
        await tokens.RevokeAllAsync(member.Id, "password-changed", cancellationToken);
        archive.Record("account.password_changed", $"member:{member.Id}", member.Id);
        await db.SaveChangesAsync(cancellationToken);
        if (currentSession is not null)
        {
            // The security stamp changed: refresh this browser's cookie so it stays signed in.
            await signIn.RefreshSignInAsync(member);
        }
    }

    /// <summary>The key to enter in an authenticator app (a new one is made if none exists yet).</summary>
    public async Task<AuthenticatorSetup> AuthenticatorAsync(Guid memberId)
    {
        var member = await FindAsync(memberId);
        var key = await users.GetAuthenticatorKeyAsync(member);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(member);
            key = await users.GetAuthenticatorKeyAsync(member);
        }
        var issuer = Uri.EscapeDataString("Tradehall");
        var uri = string.Create(CultureInfo.InvariantCulture,
            $"otpauth://totp/{issuer}:{Uri.EscapeDataString(member.Email!)}?secret={key}&issuer={issuer}&digits=6");
        using var qr = QRCodeGenerator.GenerateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(qr).GetGraphic(5);
        var grouped = string.Join(' ', Enumerable.Range(0, (key!.Length + 3) / 4).Select(i => key.Substring(i * 4, Math.Min(4, key.Length - i * 4)))).ToLowerInvariant();
        return new AuthenticatorSetup(grouped, uri, Convert.ToBase64String(png));
    }

    /// <summary>Turns the second factor on once the app shows a valid code; returns the recovery codes to keep.</summary>
    public async Task<IReadOnlyList<string>> EnableTwoFactorAsync(Guid memberId, string code, string? currentPassword, CancellationToken cancellationToken)
    {
        var member = await FindAsync(memberId);
        // The password first: someone else's authenticator on this account would lock its owner out (ACC-08).
        await reauthentication.RequireAsync(member, currentPassword, null);
        var clean = (code ?? "").Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        if (!await users.VerifyTwoFactorTokenAsync(member, users.Options.Tokens.AuthenticatorTokenProvider, clean))
        {
            throw DomainException.Field("account.totp_invalid", "code", "The code is not correct. Check the time on your phone and enter the current code.");
        }
        await users.SetTwoFactorEnabledAsync(member, true);
        var codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(member, RecoveryCodeCount))!.ToList();
        archive.Record("account.2fa_enabled", $"member:{member.Id}", member.Id);
        await db.SaveChangesAsync(cancellationToken);
        // The code just given is a second factor: this browser counts as signed in with it from now on (SEC-05).
        await SignInAgainAsync(member, secondFactor: true);
        return codes;
    }

    public async Task<IReadOnlyList<string>> NewRecoveryCodesAsync(Guid memberId, CancellationToken cancellationToken)
    {
        var member = await FindAsync(memberId);
        if (!member.TwoFactorEnabled)
        {
            throw new DomainException("account.2fa_off", "Turn on the second factor first.");
        }
        var codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(member, RecoveryCodeCount))!.ToList();
        archive.Record("account.2fa_recovery_codes", $"member:{member.Id}", member.Id);
        await db.SaveChangesAsync(cancellationToken);
        return codes;
    }

    /// <summary>
    /// Turns the second factor off with the password and a current code (a stolen session alone cannot), and signs this
    /// browser in again without the second-factor mark, so a staff console it opened closes (SEC-05).
    /// </summary>
    public async Task DisableTwoFactorAsync(Guid memberId, string? currentPassword, string? code, CancellationToken cancellationToken)
    {
        var member = await FindAsync(memberId);
        await reauthentication.RequireBothAsync(member, currentPassword, code);
        await users.SetTwoFactorEnabledAsync(member, false);
        await users.ResetAuthenticatorKeyAsync(member);
        archive.Record("account.2fa_disabled", $"member:{member.Id}", member.Id);
        await db.SaveChangesAsync(cancellationToken);
        await SignInAgainAsync(member, secondFactor: false);
    }

    /// <summary>Renews this browser's sign-in (the security stamp changed) with or without the second-factor mark.</summary>
    private async Task SignInAgainAsync(Member member, bool secondFactor)
    {
        var current = await signIn.Context.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        if (current.Succeeded)
        {
            await signIn.SignInWithClaimsAsync(member, current.Properties, secondFactor ? [new Claim("amr", "mfa")] : []);
        }
    }

    public Task<int> RecoveryCodesLeftAsync(Member member) => users.CountRecoveryCodesAsync(member);

    private async Task<Member> FindAsync(Guid memberId) =>
        await users.FindByIdAsync(memberId.ToString()) ?? throw DomainException.NotFound("account.not_found", "No such account.");
}

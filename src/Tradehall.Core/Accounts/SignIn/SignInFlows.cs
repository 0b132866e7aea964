using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Tradehall.Core.Accounts.Email;
using Tradehall.Core.Accounts.Sessions;

namespace Tradehall.Core.Accounts.SignIn;

public sealed record CreateTokenRequest
{
    [Required(ErrorMessage = "Enter your email address.")]
    public string? Email { get; init; }

    [Required(ErrorMessage = "Enter your password.")]
    public string? Password { get; init; }

    [Required(ErrorMessage = "Name the token, e.g. the program that uses it."), MaxLength(100), VisibleText]
    public string? Name { get; init; }

    [RegularExpression("^[0-9]{6}$", ErrorMessage = "Enter the 6-digit code from your authenticator app.")]
    public string? Totp { get; init; }

    public string[]? Scopes { get; init; }

    [Range(1, 3650, ErrorMessage = "A token lives from 1 to 3650 days.")]
    public int? ExpiresInDays { get; init; }
}

public sealed record CreateTokenResponse(string Token, DateTime ExpiresAt);

public sealed record ForgotPasswordRequest(
    [property: Required(ErrorMessage = "Enter your email address."), EmailAddress(ErrorMessage = "Enter a valid email address.")] string? Email);

public sealed record ResetPasswordRequest(
    [property: Required(ErrorMessage = "The reset token is missing.")] string? Token,
    [property: Required(ErrorMessage = "Choose a new password.")] string? Password);

public enum PasswordSignInOutcome
{
    SignedIn,
    NeedsSecondFactor,
    LockedOut,
    Failed,
}

/// <summary>
/// ACC-05, ACC-06, ACC-08, ACC-12: every way in — password (with lockout), second factor,
/// emailed magic link, password reset — and API tokens. Each attempt is archived (ARC-01) and logged (SEC-09).
/// </summary>
public sealed partial class SignInFlows(
    AppDbContext db, UserManager<Member> users, SignInManager<Member> signIn, OneTimeTokenProvider oneTime,
    AccountEmails emails, ApiTokens tokens, KnownDevices devices, UnknownAddressLockout unknownAddresses,
    EvidenceArchive archive, TimeProvider time, ILogger<SignInFlows> logger)
{
    public async Task<CreateTokenResponse> CreateTokenAsync(CreateTokenRequest request, CancellationToken cancellationToken)
    {
        var errors = FieldErrors.FromAnnotations(request);
        // Unknown or empty scope lists are refused before the password is tried (ACC-12); who may hold which is checked on issuing.
        ApiScopes.Grant(request.Scopes, staffWithSecondFactor: true, errors);
        errors.ThrowIfAny();
        var member = await users.FindByEmailAsync(request.Email!.Trim());
        if (member is null || member.DisabledAt is not null)
        {
            LogSignIn(logger, null, "token", "unknown-or-disabled");
            throw UnknownAddressFailure(request.Email!, request.Password!) is { } locked ? LockedOut(locked) : InvalidCredentials();
        }
        var result = await signIn.CheckPasswordSignInAsync(member, request.Password!, lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            await RecordAsync("account.signin_locked", member.Id, "token", cancellationToken);
            throw LockedOut(SecondsLocked(member));
        }
        if (!result.Succeeded)
        {
            await RecordAsync("account.signin_failed", member.Id, "token", cancellationToken);
            throw InvalidCredentials();
        }
        if (member.TwoFactorEnabled)
        {
            if (string.IsNullOrEmpty(request.Totp))
            {
                throw new DomainException("account.totp_required", "This account uses a second factor: send the code from the authenticator app as totp.", StatusCodes.Status401Unauthorized);
            }
            if (!await users.VerifyTwoFactorTokenAsync(member, users.Options.Tokens.AuthenticatorTokenProvider, request.Totp))
            {
                await users.AccessFailedAsync(member);
                await RecordAsync("account.signin_failed", member.Id, "token-totp", cancellationToken);
                throw new DomainException("account.totp_invalid", "The authenticator code is not correct.", StatusCodes.Status401Unauthorized);
            }
        }
        var issued = await tokens.IssueAsync(member, request.Name!.Trim(), request.Scopes, request.ExpiresInDays, member.TwoFactorEnabled, "password");
        await RecordAsync("account.signin", member.Id, "token", cancellationToken);
        return new CreateTokenResponse(issued.Token, issued.ExpiresAt);
    }

    /// <summary>Password sign-in for the pages; a new server-side session is created on success (SEC-03).</summary>
    public async Task<PasswordSignInOutcome> PasswordAsync(string email, string password, bool remember, CancellationToken cancellationToken)
    {
        var member = await users.FindByEmailAsync(email.Trim());
        if (member is null || member.DisabledAt is not null)
        {
            LogSignIn(logger, null, "password", "unknown-or-disabled");
            return UnknownAddressFailure(email, password) is null ? PasswordSignInOutcome.Failed : PasswordSignInOutcome.LockedOut;
        }
        // ACC-05: failures typed elsewhere lock the account, but the owner's usual browser keeps its own count.
        if (await users.IsLockedOutAsync(member) && await devices.FindAsync(signIn.Context, member.Id, cancellationToken) is { } device)
        {
            return await KnownDevicePasswordAsync(member, device, password, remember, cancellationToken);
        }
        var result = await signIn.PasswordSignInAsync(member, password, remember, lockoutOnFailure: true);
        var outcome = result switch
        {
            { Succeeded: true } => PasswordSignInOutcome.SignedIn,
            { RequiresTwoFactor: true } => PasswordSignInOutcome.NeedsSecondFactor,
            { IsLockedOut: true } => PasswordSignInOutcome.LockedOut,
            _ => PasswordSignInOutcome.Failed,
        };
        return await FinishAsync(outcome, member, "password", cancellationToken);
    }

    private async Task<PasswordSignInOutcome> KnownDevicePasswordAsync(Member member, KnownDevice device, string password, bool remember, CancellationToken cancellationToken)
    {
        PasswordSignInOutcome outcome;
        if (devices.IsLocked(device))
        {
            outcome = PasswordSignInOutcome.LockedOut;
        }
        else if (!await users.CheckPasswordAsync(member, password))
        {
            await devices.FailedAsync(device, cancellationToken);
            outcome = devices.IsLocked(device) ? PasswordSignInOutcome.LockedOut : PasswordSignInOutcome.Failed;
        }
        else if (member.TwoFactorEnabled)
        {
            await StartSecondFactorAsync(member);
            outcome = PasswordSignInOutcome.NeedsSecondFactor;
        }
        else
        {
            await signIn.SignInAsync(member, remember, authenticationMethod: "pwd");
            outcome = PasswordSignInOutcome.SignedIn;
        }
        return await FinishAsync(outcome, member, "password-known-device", cancellationToken);
    }

    /// <summary>Archives the outcome, and makes this browser known to the account when it signed in.</summary>
    private async Task<PasswordSignInOutcome> FinishAsync(PasswordSignInOutcome outcome, Member member, string method, CancellationToken cancellationToken)
    {
        if (outcome == PasswordSignInOutcome.SignedIn)
        {
            await devices.RememberAsync(signIn.Context, member.Id, cancellationToken);
        }
        await RecordAsync(outcome switch
        {
            PasswordSignInOutcome.SignedIn => "account.signin",
            PasswordSignInOutcome.NeedsSecondFactor => "account.signin_password_ok",
            PasswordSignInOutcome.LockedOut => "account.signin_locked",
            _ => "account.signin_failed",
        }, member.Id, method, cancellationToken);
        return outcome;
    }

    /// <summary>The half-signed-in state a correct password leads to; the second-factor step reads it.</summary>
    private async Task StartSecondFactorAsync(Member member)
    {
        var pending = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, member.Id.ToString())], IdentityConstants.TwoFactorUserIdScheme));
        await signIn.Context.SignInAsync(IdentityConstants.TwoFactorUserIdScheme, pending);
    }

    /// <summary>The second step: an authenticator code, or one of the recovery codes.</summary>
    public async Task<PasswordSignInOutcome> SecondFactorAsync(string code, bool isRecoveryCode, bool remember, CancellationToken cancellationToken)
    {
        var member = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (member is null)
        {
            return PasswordSignInOutcome.Failed;
        }
        var clean = isRecoveryCode ? RecoveryCode(code) : code.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        var method = isRecoveryCode ? "recovery-code" : "totp";
        if (await users.IsLockedOutAsync(member) && await devices.FindAsync(signIn.Context, member.Id, cancellationToken) is { } device)
        {
            return await KnownDeviceSecondFactorAsync(member, device, clean, isRecoveryCode, remember, method, cancellationToken);
        }
        var result = isRecoveryCode
            ? await signIn.TwoFactorRecoveryCodeSignInAsync(clean)
            : await signIn.TwoFactorAuthenticatorSignInAsync(clean, remember, rememberClient: false);
        var outcome = result.Succeeded ? PasswordSignInOutcome.SignedIn
            : result.IsLockedOut ? PasswordSignInOutcome.LockedOut : PasswordSignInOutcome.Failed;
        return await FinishAsync(outcome, member, method, cancellationToken);
    }

    /// <summary>As Identity's own second step, but counted on the known browser while the account is locked from elsewhere.</summary>
    private async Task<PasswordSignInOutcome> KnownDeviceSecondFactorAsync(
        Member member, KnownDevice device, string code, bool isRecoveryCode, bool remember, string method, CancellationToken cancellationToken)
    {
        PasswordSignInOutcome outcome;
        if (devices.IsLocked(device))
        {
            outcome = PasswordSignInOutcome.LockedOut;
        }
        else if (isRecoveryCode
            ? !(await users.RedeemTwoFactorRecoveryCodeAsync(member, code)).Succeeded
            : !await users.VerifyTwoFactorTokenAsync(member, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            await devices.FailedAsync(device, cancellationToken);
            outcome = devices.IsLocked(device) ? PasswordSignInOutcome.LockedOut : PasswordSignInOutcome.Failed;
        }
        else
        {
            await signIn.Context.SignOutAsync(IdentityConstants.TwoFactorUserIdScheme);
            await signIn.SignInWithClaimsAsync(member, remember, [new Claim("amr", "mfa")]);
            outcome = PasswordSignInOutcome.SignedIn;
        }
        return await FinishAsync(outcome, member, method + "-known-device", cancellationToken);
    }

    /// <summary>Identity keeps recovery codes as "XXXXX-XXXXX": accept them typed in lower case, with spaces or without the dash.</summary>
    private static string RecoveryCode(string code)
    {
        var clean = code.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal).ToUpperInvariant();
        return clean.Length == 10 ? clean[..5] + "-" + clean[5..] : clean;
    }

    /// <summary>ACC-06: emails a sign-in link. Says nothing about whether the address has an account.</summary>
    public async Task RequestMagicLinkAsync(string email, CancellationToken cancellationToken)
    {
        var member = await users.FindByEmailAsync(email.Trim());
        if (member is null || member.DisabledAt is not null)
        {
            return;
        }
        await emails.SendMagicLinkAsync(member);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Signs in with an emailed link; returns an explanation when the link does not work. A member
    /// with a second factor still has to give it: the link stands in for the password only.
    /// </summary>
    public async Task<(PasswordSignInOutcome Outcome, string? Problem)> MagicLinkAsync(string token, CancellationToken cancellationToken)
    {
        var memberId = await oneTime.FindMemberAsync(token, AccountEmails.MagicLinkPurpose);
        var member = memberId is null ? null : await users.FindByIdAsync(memberId.Value.ToString());
        if (member is null || member.DisabledAt is not null
            || !await users.VerifyUserTokenAsync(member, OneTimeTokenProvider.Name, AccountEmails.MagicLinkPurpose, token))
        {
            return (PasswordSignInOutcome.Failed, await oneTime.DescribeFailureAsync(token));
        }
        if (await users.IsLockedOutAsync(member) && await devices.FindAsync(signIn.Context, member.Id, cancellationToken) is null)
        {
            return (PasswordSignInOutcome.LockedOut, "The account is temporarily locked after too many failed sign-ins. Try again later.");
        }
        // The link proves control of the mailbox, which also confirms the address.
        if (!member.EmailConfirmed)
        {
            member.EmailConfirmed = true;
            await users.UpdateAsync(member);
        }
        if (member.TwoFactorEnabled)
        {
            await StartSecondFactorAsync(member);
            await RecordAsync("account.signin_link_ok", member.Id, "magic-link", cancellationToken);
            return (PasswordSignInOutcome.NeedsSecondFactor, null);
        }
        await signIn.SignInAsync(member, isPersistent: false, authenticationMethod: "magic-link");
        await FinishAsync(PasswordSignInOutcome.SignedIn, member, "magic-link", cancellationToken);
        return (PasswordSignInOutcome.SignedIn, null);
    }

    /// <summary>ACC-08: emails a reset link. Says nothing about whether the address has an account.</summary>
    public async Task RequestPasswordResetAsync(ForgotPasswordRequest request, CancellationToken cancellationToken)
    {
        FieldErrors.FromAnnotations(request).ThrowIfAny();
        var member = await users.FindByEmailAsync(request.Email!.Trim());
        if (member is null || member.DisabledAt is not null)
        {
            return;
        }
        await emails.SendPasswordResetAsync(member);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Sets a new password from a reset link; every session, every API token and the lockout end (SEC-03).</summary>
    public async Task ResetPasswordAsync(ResetPasswordRequest request, CancellationToken cancellationToken)
    {
        FieldErrors.FromAnnotations(request).ThrowIfAny();
        var (token, newPassword) = (request.Token!, request.Password!);
        var memberId = await oneTime.FindMemberAsync(token, UserManager<Member>.ResetPasswordTokenPurpose);
        var member = memberId is null ? null : await users.FindByIdAsync(memberId.Value.ToString());
        if (member is null)
        {
            throw DomainException.Field("account.reset_token_invalid", "token", await oneTime.DescribeFailureAsync(token));
        }
        var errors = new FieldErrors();
        foreach (var validator in users.PasswordValidators)
        {
            foreach (var error in (await validator.ValidateAsync(users, member, newPassword)).Errors)
            {
                errors.Add("password", error.Description);
            }
        }
        errors.ThrowIfAny();
        var result = await users.ResetPasswordAsync(member, token, newPassword);
        if (!result.Succeeded)
        {
            throw DomainException.Field("account.reset_token_invalid", "token", await oneTime.DescribeFailureAsync(token));
        }
        await users.SetLockoutEndDateAsync(member, null);
        await users.ResetAccessFailedCountAsync(member);
        await AccountSessions.EndAllAsync(db, member.Id, time.UtcNow(), except: null, cancellationToken);
        await tokens.RevokeAllAsync(member.Id, "password-reset", cancellationToken);
        await RecordAsync("account.password_reset", member.Id, "email-link", cancellationToken);
    }

    public async Task SignOutAsync(Guid memberId, CancellationToken cancellationToken)
    {
        await signIn.SignOutAsync();
        await RecordAsync("account.signout", memberId, "cookie", cancellationToken);
    }

    private async Task RecordAsync(string action, Guid memberId, string method, CancellationToken cancellationToken)
    {
        LogSignIn(logger, memberId, method, action);
        archive.Record(action, $"member:{memberId}", memberId, after: new { method });
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>A failed sign-in for an address without an account: the same hashing cost and the same lockout as a real one.</summary>
    private int? UnknownAddressFailure(string email, string password)
    {
        SpendAPasswordCheck(password);
        var key = users.NormalizeEmail(email.Trim());
        return unknownAddresses.LockedSeconds(key) ?? unknownAddresses.Failed(key);
    }

    private static string? placeholderHash;

    /// <summary>
    /// SEC-09, ACC-05: an unknown address costs the same hashing as a known one, so the answer's timing does not tell
    /// which addresses have accounts.
    /// </summary>
    private void SpendAPasswordCheck(string password)
    {
        placeholderHash ??= users.PasswordHasher.HashPassword(null!, SecureTokens.NewToken());
        users.PasswordHasher.VerifyHashedPassword(null!, placeholderHash, password);
    }

    private static DomainException InvalidCredentials() =>
        new("account.invalid_credentials", "The email or password is not correct.", StatusCodes.Status401Unauthorized);

    private int SecondsLocked(Member member) =>
        member.LockoutEnd is { } end ? Math.Max(1, (int)Math.Ceiling((end - time.GetUtcNow()).TotalSeconds)) : 60;

    private static DomainException LockedOut(int seconds) =>
        DomainException.TooMany("account.locked_out",
            $"Too many failed sign-ins. The account is locked for {Math.Ceiling(seconds / 60.0)} more minutes.", seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sign-in {Outcome} for member {MemberId} by {Method}")]
    private static partial void LogSignIn(ILogger logger, Guid? memberId, string method, string outcome);
}

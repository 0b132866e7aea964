using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Tradehall.Core.Accounts.Registration;
using Tradehall.Core.Accounts.Sessions;
using Tradehall.Core.Accounts.Settings;

namespace Tradehall.Core.Accounts.Email;

public sealed record ConfirmEmailRequest([property: Required(ErrorMessage = "The confirmation token is missing.")] string? Token);

public sealed record ConfirmEmailChangeRequest(
    [property: Required(ErrorMessage = "The confirmation token is missing.")] string? Token,
    [property: Required(ErrorMessage = "The new email address is missing.")] string? Email);

/// <summary>ACC-08: the new address, and the current password (or, with a second factor, a current code) to prove it is the owner.</summary>
public sealed record ChangeEmailRequest(
    [property: Required(ErrorMessage = "Enter the new email address."), EmailAddress(ErrorMessage = "Enter a valid email address."), MaxLength(254)] string? Email,
    string? CurrentPassword = null,
    string? Totp = null);

public sealed record RevertEmailRequest([property: Required(ErrorMessage = "The token is missing.")] string? Token);

/// <summary>ACC-02, ACC-08: confirming the address by its emailed link, resending the link, and changing the address.</summary>
public sealed class EmailFlows(
    AppDbContext db, UserManager<Member> users, SignInManager<Member> signIn, OneTimeTokenProvider tokens, AccountEmails emails, EvidenceArchive archive,
    Reauthentication reauthentication, ApiTokens apiTokens, TimeProvider time, IOptions<AccountsOptions> options)
{
    public async Task ConfirmAsync(ConfirmEmailRequest request, CancellationToken cancellationToken)
    {
        FieldErrors.FromAnnotations(request).ThrowIfAny();
        var memberId = await tokens.FindMemberAsync(request.Token!, UserManager<Member>.ConfirmEmailTokenPurpose);
        var member = memberId is null ? null : await users.FindByIdAsync(memberId.Value.ToString());
        if (member is null || !(await users.ConfirmEmailAsync(member, request.Token!)).Succeeded)
        {
            throw DomainException.Field("account.email_token_invalid", "token", await tokens.DescribeFailureAsync(request.Token!));
        }
        archive.Record("account.email_confirmed", $"member:{member.Id}", member.Id);
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task ResendConfirmationAsync(Guid memberId, CancellationToken cancellationToken)
    {
        var member = await users.FindByIdAsync(memberId.ToString()) ?? throw DomainException.NotFound("account.not_found", "No such account.");
        if (member.EmailConfirmed)
        {
            throw DomainException.Field("account.email_already_confirmed", "email", "Your email address is already confirmed.");
        }
        await emails.SendConfirmationAsync(member);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Sends a confirmation link to the new address; the address changes only when it is opened.</summary>
    public async Task RequestChangeAsync(Guid memberId, ChangeEmailRequest request, CancellationToken cancellationToken)
    {
        var errors = FieldErrors.FromAnnotations(request);
        var email = request.Email?.Trim() ?? "";
        ContactRules.CheckEmail(email, options.Value, errors);
        errors.ThrowIfAny();
        var normalized = users.NormalizeEmail(email);
        if (await db.Set<Member>().AnyAsync(m => m.NormalizedEmail == normalized, cancellationToken))
        {
            throw DomainException.Conflict("account.email_taken", "email", "An account with this email address already exists.");
        }
        var member = await users.FindByIdAsync(memberId.ToString()) ?? throw DomainException.NotFound("account.not_found", "No such account.");
        await reauthentication.RequireAsync(member, request.CurrentPassword, request.Totp);
        await emails.SendEmailChangeAsync(member, email);
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task ConfirmChangeAsync(ConfirmEmailChangeRequest request, CancellationToken cancellationToken)
    {
        FieldErrors.FromAnnotations(request).ThrowIfAny();
        var (token, newEmail) = (request.Token!, request.Email!.Trim());
        var memberId = await tokens.FindMemberAsync(token, "ChangeEmail:");
        var member = memberId is null ? null : await users.FindByIdAsync(memberId.Value.ToString());
        if (member is null)
        {
            throw DomainException.Field("account.email_token_invalid", "token", await tokens.DescribeFailureAsync(token));
        }
        var before = member.Email;
        var result = await users.ChangeEmailAsync(member, newEmail, token);
        if (!result.Succeeded)
        {
            var duplicate = result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.DuplicateEmail));
            throw duplicate
                ? DomainException.Conflict("account.email_taken", "email", "An account with this email address already exists.")
                : DomainException.Field("account.email_token_invalid", "token", await tokens.DescribeFailureAsync(token));
        }
        await users.SetUserNameAsync(member, newEmail);
        archive.Record("account.email_changed", $"member:{member.Id}", member.Id, before: new { email = before }, after: new { email = newEmail });
        await emails.SendEmailChangedNoticeAsync(member, before!, newEmail);
        await db.SaveChangesAsync(cancellationToken);
        // The change renews the security stamp; the browser that confirmed it stays signed in, other sessions end.
        var user = signIn.Context.User;
        if (user.Identity?.AuthenticationType == IdentityConstants.ApplicationScheme && user.FindFirstValue(ClaimTypes.NameIdentifier) == member.Id.ToString())
        {
            await signIn.RefreshSignInAsync(member);
        }
    }

    /// <summary>
    /// ACC-08: "this wasn't me" — the previous address comes back, confirmed; every session and API token ends, and a
    /// password-reset link goes to the restored address, since whoever changed it may know the password.
    /// </summary>
    public async Task RevertChangeAsync(RevertEmailRequest request, CancellationToken cancellationToken)
    {
        FieldErrors.FromAnnotations(request).ThrowIfAny();
        var token = request.Token!;
        // The link is used up only if the whole restoration commits.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var found = await tokens.FindAsync(token, AccountEmails.RevertEmailPurpose);
        var member = found is null ? null : await users.FindByIdAsync(found.Value.MemberId.ToString());
        if (member is null || !await users.VerifyUserTokenAsync(member, OneTimeTokenProvider.Name, found!.Value.Purpose, token))
        {
            throw DomainException.Field("account.email_token_invalid", "token", await tokens.DescribeFailureAsync(token));
        }
        var previous = found.Value.Purpose[AccountEmails.RevertEmailPurpose.Length..];
        var before = member.Email;
        var normalized = users.NormalizeEmail(previous);
        if (await db.Set<Member>().AnyAsync(m => m.NormalizedEmail == normalized && m.Id != member.Id, cancellationToken))
        {
            throw DomainException.Conflict("account.email_taken", "token", "Another account uses that address now. Contact support to recover your account.");
        }
        await users.SetEmailAsync(member, previous);
        await users.SetUserNameAsync(member, previous);
        member.EmailConfirmed = true;
        await users.UpdateAsync(member);
        await users.UpdateSecurityStampAsync(member);
        await AccountSessions.EndAllAsync(db, member.Id, time.UtcNow(), except: null, cancellationToken);
        await apiTokens.RevokeAllAsync(member.Id, "email-change-reverted", cancellationToken);
        archive.Record("account.email_change_reverted", $"member:{member.Id}", member.Id, before: new { email = before }, after: new { email = previous });
        await emails.SendPasswordResetAsync(member);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}

using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tradehall.Core.Accounts.Registration;
using Tradehall.Core.Archive;
using Tradehall.Core.Data;
using Tradehall.Core.Shared;

namespace Tradehall.Core.Accounts.Email;

public sealed record ConfirmEmailRequest([property: Required(ErrorMessage = "The confirmation token is missing.")] string? Token);

public sealed record ConfirmEmailChangeRequest(
    [property: Required(ErrorMessage = "The confirmation token is missing.")] string? Token,
    [property: Required(ErrorMessage = "The new email address is missing.")] string? Email);

public sealed record ChangeEmailRequest(
    [property: Required(ErrorMessage = "Enter the new email address."), EmailAddress(ErrorMessage = "Enter a valid email address."), MaxLength(254)] string? Email);

/// <summary>ACC-02, ACC-08: confirming the address by its emailed link, resending the link, and changing the address.</summary>
public sealed class EmailFlows(
    AppDbContext db, UserManager<Member> users, SignInManager<Member> signIn, OneTimeTokenProvider tokens, AccountEmails emails, EvidenceArchive archive,
    IOptions<AccountsOptions> options)
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
        if (await db.Users.AnyAsync(m => m.NormalizedEmail == normalized, cancellationToken))
        {
            throw DomainException.Conflict("account.email_taken", "email", "An account with this email address already exists.");
        }
        var member = await users.FindByIdAsync(memberId.ToString()) ?? throw DomainException.NotFound("account.not_found", "No such account.");
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
        await db.SaveChangesAsync(cancellationToken);
        // The change renews the security stamp; the browser that confirmed it stays signed in, other sessions end.
        var user = signIn.Context.User;
        if (user.Identity?.AuthenticationType == IdentityConstants.ApplicationScheme && user.FindFirstValue(ClaimTypes.NameIdentifier) == member.Id.ToString())
        {
            await signIn.RefreshSignInAsync(member);
        }
    }
}

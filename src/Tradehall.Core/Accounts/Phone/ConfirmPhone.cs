using Microsoft.AspNetCore.Identity;
using Tradehall.Core.Accounts.Registration;
using Tradehall.Core.Accounts.Settings;

namespace Tradehall.Core.Accounts.Phone;

public sealed record ConfirmPhoneRequest([property: Required(ErrorMessage = "Enter the code from the SMS.")] string? Code);

/// <summary>ACC-08: the new number, and the current password (or, with a second factor, a current code) to prove it is the owner.</summary>
public sealed record ChangePhoneRequest(
    [property: Required(ErrorMessage = "Enter your new mobile phone number.")] string? Phone,
    string? CurrentPassword = null,
    string? Totp = null);

/// <summary>ACC-03, ACC-08: confirming the phone given at registration, resending its code, and changing to a new number.</summary>
public sealed class PhoneFlows(
    AppDbContext db, UserManager<Member> users, PhoneVerification phones, Reauthentication reauthentication, EvidenceArchive archive,
    IOptions<AccountsOptions> options)
{
    public async Task ConfirmAsync(Guid memberId, ConfirmPhoneRequest request, CancellationToken cancellationToken)
    {
        FieldErrors.FromAnnotations(request).ThrowIfAny();
        var member = await FindAsync(memberId);
        var phone = await phones.ConfirmAsync(member, request.Code!, cancellationToken);
        if (await db.Set<Member>().AnyAsync(m => m.Id != member.Id && m.PhoneNumber == phone, cancellationToken))
        {
            throw DomainException.Conflict("account.phone_taken", "phone", "This phone number is already used by another account.");
        }
        var before = new { phone = member.PhoneNumber, confirmed = member.PhoneNumberConfirmed };
        member.PhoneNumber = phone;
        member.PhoneNumberConfirmed = true;
        archive.Record("account.phone_confirmed", $"member:{member.Id}", member.Id, before: before, after: new { phone, confirmed = true });
        await users.UpdateAsync(member);
    }

    /// <summary>Sends a fresh code to the number waiting for confirmation (the new one during a change).</summary>
    public async Task ResendAsync(Guid memberId, CancellationToken cancellationToken)
    {
        var member = await FindAsync(memberId);
        var pending = await db.Set<PhoneCode>().Where(c => c.MemberId == member.Id && c.UsedAt == null)
            .OrderByDescending(c => c.SentAt).Select(c => c.Phone).FirstOrDefaultAsync(cancellationToken);
        var phone = pending ?? (member.PhoneNumberConfirmed ? null : member.PhoneNumber);
        if (phone is null)
        {
            throw DomainException.Field("account.phone_already_confirmed", "phone", "Your phone number is already confirmed.");
        }
        await phones.IssueAsync(member, phone, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The number the latest unused code went to, so a page can say where to look; null when no code waits.</summary>
    public Task<string?> PendingAsync(Guid memberId, CancellationToken cancellationToken) =>
        db.Set<PhoneCode>().AsNoTracking().Where(c => c.MemberId == memberId && c.UsedAt == null && c.SupersededAt == null)
            .OrderByDescending(c => c.SentAt).Select(c => (string?)c.Phone).FirstOrDefaultAsync(cancellationToken);

    public async Task RequestChangeAsync(Guid memberId, ChangePhoneRequest request, CancellationToken cancellationToken)
    {
        var errors = FieldErrors.FromAnnotations(request);
        var phone = ContactRules.CheckPhone(request.Phone, options.Value, errors);
        errors.ThrowIfAny();
        var member = await FindAsync(memberId);
        if (await db.Set<Member>().AnyAsync(m => m.PhoneNumber == phone, cancellationToken))
        {
            throw DomainException.Conflict("account.phone_taken", "phone", "This phone number is already used by an account.");
        }
        await reauthentication.RequireAsync(member, request.CurrentPassword, request.Totp);
        await phones.IssueAsync(member, phone!, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task<Member> FindAsync(Guid memberId) =>
        await users.FindByIdAsync(memberId.ToString()) ?? throw DomainException.NotFound("account.not_found", "No such account.");
}

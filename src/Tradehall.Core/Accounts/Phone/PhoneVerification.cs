namespace Tradehall.Core.Accounts.Phone;

/// <summary>
/// ACC-03: sends and checks SMS codes — 6 digits, 10 minutes, 5 wrong tries, one resend a minute
/// per number — all from <see cref="AccountsOptions"/>.
/// </summary>
public sealed class PhoneVerification(
    AppDbContext db, TimeProvider time, IOptions<AccountsOptions> options, IOutbox outbox,
    EvidenceArchive archive, IStringLocalizer<SharedResource> text)
{
    /// <summary>Adds a new code for <paramref name="phone"/> to the unit of work and queues the SMS.</summary>
    public async Task IssueAsync(Member member, string phone, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var now = time.UtcNow();
        var lastSent = await db.Set<PhoneCode>()
            .Where(c => c.Phone == phone || c.MemberId == member.Id)
            .OrderByDescending(c => c.SentAt)
            .Select(c => (DateTime?)c.SentAt)
            .FirstOrDefaultAsync(cancellationToken);
        if (lastSent is { } sent && sent + o.PhoneCodeResendCooldown > now)
        {
            var wait = (int)Math.Ceiling((sent + o.PhoneCodeResendCooldown - now).TotalSeconds);
            throw DomainException.TooMany("account.phone_code_cooldown",
                text["A code was sent less than {0} seconds ago. Try again in {1} seconds.", (int)o.PhoneCodeResendCooldown.TotalSeconds, wait], wait);
        }
        await db.Set<PhoneCode>()
            .Where(c => c.MemberId == member.Id && c.UsedAt == null && c.SupersededAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.SupersededAt, now), cancellationToken);
        var code = SecureTokens.NewNumericCode(o.PhoneCodeDigits);
        db.Set<PhoneCode>().Add(new PhoneCode
        {
            MemberId = member.Id,
            Phone = phone,
            CodeHash = SecureTokens.Hash(member.Id + ":" + code),
            SentAt = now,
            ExpiresAt = now + o.PhoneCodeLifetime,
        });
        using (CultureScope.Use(member.Culture))
        {
            outbox.Sms(member.Id, phone, text["Your Tradehall code is {0}. It is valid for {1} minutes. Do not share it.", code, (int)o.PhoneCodeLifetime.TotalMinutes]);
        }
        archive.Record("account.phone_code_sent", $"member:{member.Id}", member.Id);
    }

    /// <summary>Checks <paramref name="code"/> against the member's latest code; returns the confirmed phone.</summary>
    public async Task<string> ConfirmAsync(Member member, string code, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var now = time.UtcNow();
        var current = await db.Set<PhoneCode>()
            .Where(c => c.MemberId == member.Id && c.UsedAt == null && c.SupersededAt == null)
            .OrderByDescending(c => c.SentAt)
            .FirstOrDefaultAsync(cancellationToken);
        if (current is null)
        {
            throw DomainException.Field("account.phone_code_missing", "code", "There is no code waiting to be confirmed. Request a new code.");
        }
        if (current.FailedTries >= o.PhoneCodeMaxTries)
        {
            throw DomainException.TooMany("account.phone_code_tries", "Too many wrong codes. Request a new code.");
        }
        if (current.ExpiresAt <= now)
        {
            throw DomainException.Field("account.phone_code_expired", "code", "The code has expired. Request a new code.");
        }
        if (!SecureTokens.HashEquals(current.CodeHash, member.Id + ":" + (code ?? "").Trim()))
        {
            // Counted with an atomic increment so parallel guesses cannot share one try.
            await db.Set<PhoneCode>().Where(c => c.Id == current.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.FailedTries, c => c.FailedTries + 1), cancellationToken);
            archive.Record("account.phone_code_failed", $"member:{member.Id}", member.Id);
            await db.SaveChangesAsync(cancellationToken);
            var left = o.PhoneCodeMaxTries - current.FailedTries - 1;
            throw DomainException.Field("account.phone_code_wrong", "code",
                left > 0 ? text["The code is not correct. Tries left: {0}.", left] : "The code is not correct. No tries left: request a new code.");
        }
        var used = await db.Set<PhoneCode>().Where(c => c.Id == current.Id && c.UsedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.UsedAt, now), cancellationToken);
        if (used == 0)
        {
            throw DomainException.Field("account.phone_code_used", "code", "This code has already been used. Request a new code.");
        }
        return current.Phone;
    }
}

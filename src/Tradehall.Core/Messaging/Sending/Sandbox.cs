using System.Text.RegularExpressions;
using Tradehall.Core.Messaging.Chats;

namespace Tradehall.Core.Messaging.Sending;

/// <summary>
/// MSG-05: new accounts and accounts without a confirmed phone write under limits (a few new chats a day,
/// no links or files in their first messages of a chat); every member has a send rate. Counted in the
/// database, so the limits hold across nodes.
/// </summary>
public sealed partial class Sandbox(AppDbContext db, IOptions<MessagingOptions> options, TimeProvider time)
{
    private MessagingOptions Limits => options.Value;

    public async Task<bool> IsSandboxedAsync(Guid memberId, CancellationToken cancellationToken)
    {
        var member = await new MemberLookup(db).Rows.Where(m => m.Id == memberId)
            .Select(m => new { m.RegisteredAt, m.PhoneConfirmed }).FirstAsync(cancellationToken);
        return !member.PhoneConfirmed || member.RegisteredAt > time.UtcNow().AddDays(-Limits.SandboxAccountAgeDays);
    }

    public async Task CheckNewChatAsync(Guid memberId, CancellationToken cancellationToken)
    {
        if (!await IsSandboxedAsync(memberId, cancellationToken))
        {
            return;
        }
        var since = time.UtcNow().AddDays(-1);
        var started = await db.Set<Chat>().CountAsync(c => c.StartedBy == memberId && c.CreatedAt > since, cancellationToken);
        if (started >= Limits.SandboxNewChatsPerDay)
        {
            throw DomainException.TooMany("messaging.new_chat_limit",
                "New accounts may start only a few chats a day. Try again tomorrow, or confirm your phone number.", 24 * 60 * 60);
        }
    }

    public async Task CheckRateAsync(Guid memberId, DateTime now, CancellationToken cancellationToken)
    {
        var since = now.AddMinutes(-1);
        if (await db.Set<Message>().CountAsync(m => m.SenderId == memberId && m.SentAt > since, cancellationToken) >= Limits.MessagesPerMinute)
        {
            throw DomainException.TooMany("messaging.rate_limited", "You are sending messages too fast. Wait a minute.", 60);
        }
    }

    public async Task CheckContentAsync(Guid memberId, Guid chatId, string text, bool attachment, CancellationToken cancellationToken)
    {
        if (!attachment && !HasLink(text) || !await IsSandboxedAsync(memberId, cancellationToken))
        {
            return;
        }
        var written = await db.Set<Message>().CountAsync(m => m.ChatId == chatId && m.SenderId == memberId, cancellationToken);
        if (written >= Limits.SandboxFirstMessages)
        {
            return;
        }
        if (HasLink(text))
        {
            throw DomainException.Field("messaging.sandbox_link", "text", "New accounts cannot send links in their first messages of a chat.");
        }
        throw DomainException.Field("messaging.sandbox_file", "file", "New accounts cannot send files in their first messages of a chat.");
    }

    /// <summary>Web addresses in any of the forms people type them.</summary>
    public static bool HasLink(string text) => LinkPattern().IsMatch(text);

    [GeneratedRegex(@"(?:https?://|ftp://|www\.|\b[\p{L}\p{N}-]+\.(?:com|net|org|info|biz|io|me|co|ru|su|рф|xyz|top|online|site|link|app|dev|ly|gl|be|cc|tk)\b)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LinkPattern();
}

using System.Text.RegularExpressions;
using Tradehall.Core.Messaging.Chats;
using Tradehall.Core.Messaging.Reading;
using Tradehall.Core.Network;

namespace Tradehall.Core.Messaging.Search;

/// <summary>
/// MSG-03: the database's full-text index of message texts — SQLite FTS5 (a virtual table kept by triggers),
/// PostgreSQL a GIN index over <c>to_tsvector('simple', "Text")</c>. Both built by the Chats migration.
/// Words are letters and digits only, each matched as a prefix, all required.
/// </summary>
public interface IFullTextIndex
{
    /// <summary>Ids of all messages (of every chat) matching the words; the caller narrows them to the member's chats.</summary>
    IQueryable<long> Matches(IReadOnlyList<string> words);
}

internal sealed class SqliteFullTextIndex(AppDbContext db) : IFullTextIndex
{
    public IQueryable<long> Matches(IReadOnlyList<string> words)
    {
        // Each word quoted (it holds only letters and digits) and marked as a prefix: "word"* "другое"*
        var query = string.Join(' ', words.Select(w => $"\"{w}\"*"));
        return db.Database.SqlQuery<long>($"""SELECT rowid AS "Value" FROM messaging_messages_fts WHERE messaging_messages_fts MATCH {query}""");
    }
}

internal sealed class PostgresFullTextIndex(AppDbContext db) : IFullTextIndex
{
    public IQueryable<long> Matches(IReadOnlyList<string> words)
    {
        var query = string.Join(" & ", words.Select(w => w + ":*"));
        return db.Database.SqlQuery<long>(
            $"""SELECT "Id" AS "Value" FROM messaging_messages WHERE to_tsvector('simple', "Text") @@ to_tsquery('simple', {query})""");
    }
}

public sealed record SearchHit(Guid ChatId, long MessageId, Guid SenderId, MemberCard With, string Text, DateTime SentAt);

/// <summary>MSG-03: full-text search in the member's own chats only.</summary>
public sealed partial class SearchChats(AppDbContext db, IFullTextIndex index, INetwork network, IOptions<MessagingOptions> options)
{
    private const int MaxWords = 8;

    public async Task<IReadOnlyList<SearchHit>> HandleAsync(Guid memberId, string? q, CancellationToken cancellationToken)
    {
        var words = Word().Matches(q ?? "").Select(m => m.Value.ToLowerInvariant()).Distinct().Take(MaxWords).ToList();
        if (words.Count == 0)
        {
            throw DomainException.Field("messaging.query_required", "q", "Type a word to search for.");
        }
        var matches = index.Matches(words);
        var hits = await (from member in db.Set<ChatMember>()
                          where member.MemberId == memberId
                          join message in db.Set<Message>() on member.ChatId equals message.ChatId
                          where matches.Contains(message.Id)
                          orderby message.Id descending
                          select new { message, member.OtherId }).AsNoTracking().Take(options.Value.MaxSearchResults).ToListAsync(cancellationToken);
        var cards = await network.CardsAsync(hits.Select(h => h.OtherId).Distinct().ToList(), cancellationToken);
        return hits.Select(h => new SearchHit(h.message.ChatId, h.message.Id, h.message.SenderId, ChatList.Card(cards, h.OtherId),
            h.message.Text, h.message.SentAt)).ToList();
    }

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Word();
}

using Tradehall.Core.Network.Profiles;
using Tradehall.Core.Notifications;

namespace Tradehall.Core.Network.Comments;

public sealed record CommentView(Guid Id, MemberCard Author, string Text, DateTime CreatedAt, bool CanDelete);

public sealed record AddCommentRequest(string? Text);

public sealed record CommentCreated(Guid Id);

/// <summary>NET-03: comments on personal pages; the owner is told, and a member the owner blocked cannot write (NET-07).</summary>
public sealed class PageComments(AppDbContext db, PersonalPages pages, Relations relations, INetwork network, Notifier notifier,
    IOptions<NetworkOptions> options, TimeProvider time)
{
    public async Task<IReadOnlyList<CommentView>> ListAsync(string handle, Guid? viewerId, CancellationToken cancellationToken)
    {
        var (profile, _) = await pages.FindAsync(handle, cancellationToken);
        var comments = await db.Set<PageComment>().AsNoTracking().Where(c => c.PageOwnerId == profile.MemberId)
            .OrderBy(c => c.CreatedAt).ToListAsync(cancellationToken);
        var authors = await network.CardsAsync(comments.Select(c => c.AuthorId).Distinct().ToList(), cancellationToken);
        // Comments of members who are gone (disabled) leave the page with them.
        return comments.Where(c => authors.ContainsKey(c.AuthorId))
            .Select(c => new CommentView(c.Id, authors[c.AuthorId], c.Text, c.CreatedAt,
                viewerId is { } v && (v == c.AuthorId || v == profile.MemberId)))
            .ToList();
    }

    public async Task<CommentCreated> AddAsync(Guid authorId, string handle, AddCommentRequest request, CancellationToken cancellationToken)
    {
        var (profile, _) = await pages.FindAsync(handle, cancellationToken);
        var text = request.Text?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            throw DomainException.Field("network.comment_empty", "text", "Write a comment first.");
        }
        if (text.Length > options.Value.CommentMaxLength)
        {
            throw DomainException.Field("network.comment_too_long", "text", "The comment is too long.");
        }
        if (await relations.HasBlockedAsync(profile.MemberId, authorId, cancellationToken))
        {
            throw DomainException.Forbidden("network.blocked", "This member does not accept comments from you.");
        }
        var comment = new PageComment { PageOwnerId = profile.MemberId, AuthorId = authorId, Text = text, CreatedAt = time.UtcNow() };
        db.Set<PageComment>().Add(comment);
        if (authorId != profile.MemberId)
        {
            var author = (await network.CardsAsync([authorId], cancellationToken)).GetValueOrDefault(authorId);
            notifier.Add(new NotificationRequest(profile.MemberId, NotificationType.PageComment, $"/u/{profile.Handle}#comments",
                authorId, author?.Name, text));
        }
        await db.SaveChangesAsync(cancellationToken);
        return new CommentCreated(comment.Id);
    }

    /// <summary>The page's owner deletes any comment on it; an author deletes their own; others get 404.</summary>
    public async Task DeleteAsync(Guid memberId, Guid commentId, CancellationToken cancellationToken)
    {
        var deleted = await db.Set<PageComment>()
            .Where(c => c.Id == commentId && (c.PageOwnerId == memberId || c.AuthorId == memberId))
            .ExecuteDeleteAsync(cancellationToken);
        if (deleted == 0)
        {
            throw DomainException.NotFound("network.comment_not_found", "There is no such comment you may delete.");
        }
    }
}

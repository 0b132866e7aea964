using Tradehall.Core.Network.Blocking;
using Tradehall.Core.Network.Comments;
using Tradehall.Core.Network.Contacts;
using Tradehall.Core.Network.Profiles;

namespace Tradehall.Core.Network;

/// <summary>
/// PRV-03: the network's part of a member's export — their page with its visibility choices and photo, their contacts,
/// organizations and blocks (other members by the name and handle shown to them, nothing more), and the comments they wrote.
/// </summary>
internal sealed class NetworkPersonalData(AppDbContext db, PersonalPages pages, ContactBook contacts, Blocks blocks, INetwork network,
    IFileStore files) : IPersonalDataSource
{
    public async Task<PersonalDataSection> ExportAsync(Guid memberId, CancellationToken cancellationToken)
    {
        var profile = await db.Set<Profile>().AsNoTracking().FirstOrDefaultAsync(p => p.MemberId == memberId, cancellationToken);
        var comments = await db.Set<PageComment>().AsNoTracking().Where(c => c.AuthorId == memberId).OrderBy(c => c.CreatedAt)
            .Join(db.Set<Profile>(), c => c.PageOwnerId, p => p.MemberId, (c, p) => new { c.Id, Page = p.Handle, c.Text, c.CreatedAt })
            .ToListAsync(cancellationToken);
        return new PersonalDataSection("network", new Dictionary<string, object?>
        {
            ["page"] = profile is null ? null : await pages.OwnAsync(memberId, cancellationToken),
            ["contacts"] = await contacts.ListAsync(memberId, null, cancellationToken),
            ["organizations"] = await network.OrganizationsOfAsync(memberId, cancellationToken),
            ["blocked"] = await blocks.ListAsync(memberId, cancellationToken),
            ["commentsWritten"] = comments,
        }, profile?.PhotoKey is { } photo ? [PersonalDataFile.Stored("photo.jpg", files, photo)] : []);
    }
}

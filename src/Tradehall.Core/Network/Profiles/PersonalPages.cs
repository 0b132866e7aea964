using Tradehall.Core.Network.Contacts;
using Tradehall.Core.Network.Images;
using Tradehall.Core.Network.Organizations;

namespace Tradehall.Core.Network.Profiles;

public sealed record OrganizationLink(string Slug, string Name, string Role);

/// <summary>Where the viewer stands: which buttons the page offers them.</summary>
public sealed record ViewerState(string Relation, string Contact, Guid? ContactId, bool BlockedByYou, bool CanComment);

/// <summary>NET-01: a personal page as one viewer may see it; fields they may not see are null.</summary>
public sealed record PersonView(Guid Id, string Handle, string Name, string? PhotoUrl, string? City, string? Position, string? Company,
    string? Education, string? About, int? ContactsCount, IReadOnlyList<OrganizationLink> Organizations, Badges Badges, ViewerState Viewer);

/// <summary>NET-01: the owner's own page with every field and its visibility.</summary>
public sealed record PageSettings(string Handle, string Name, string? PhotoUrl,
    string? City, Visibility CityVisibility, string? Position, string? Company, Visibility WorkVisibility,
    string? Education, Visibility EducationVisibility, string? About, Visibility AboutVisibility,
    Visibility PhotoVisibility, Visibility ContactsVisibility);

public sealed record SavePageRequest(
    [property: StringLength(Profile.TextLength), VisibleText] string? City,
    Visibility? CityVisibility,
    [property: StringLength(Profile.TextLength), VisibleText] string? Position,
    [property: StringLength(Profile.TextLength), VisibleText] string? Company,
    Visibility? WorkVisibility,
    [property: StringLength(Profile.TextLength), VisibleText] string? Education,
    Visibility? EducationVisibility,
    [property: StringLength(Profile.AboutLength)] string? About,
    Visibility? AboutVisibility,
    Visibility? PhotoVisibility,
    Visibility? ContactsVisibility);

/// <summary>NET-01, NET-02: showing and editing personal pages, and their photos.</summary>
public sealed class PersonalPages(AppDbContext db, Relations relations, ImagePipeline images, IFileStore files)
{
    public const string PhotoArea = "photos";

    public static string PhotoUrl(string handle) => $"/u/{handle}/photo";

    public async Task<PersonView> ViewAsync(string handle, Guid? viewerId, CancellationToken cancellationToken)
    {
        var (profile, name) = await FindAsync(handle, cancellationToken);
        var relation = await relations.OfAsync(viewerId, profile.MemberId, cancellationToken);
        bool Sees(Visibility v) => Relations.Sees(v, relation);
        var work = Sees(profile.WorkVisibility);
        int? contacts = Sees(profile.ContactsVisibility) ? await relations.ContactIds(profile.MemberId).CountAsync(cancellationToken) : null;
        var organizations = await db.Set<OrganizationMember>().Where(m => m.MemberId == profile.MemberId)
            .Join(db.Set<Organization>(), m => m.OrganizationId, o => o.Id, (m, o) => new { o.Slug, o.Name, m.Role })
            .OrderBy(o => o.Name).ToListAsync(cancellationToken);
        var badges = (await relations.BadgesAsync([profile.MemberId], cancellationToken))[profile.MemberId];
        return new PersonView(profile.MemberId, profile.Handle, name,
            profile.PhotoKey is not null && Sees(profile.PhotoVisibility) ? PhotoUrl(profile.Handle) : null,
            Sees(profile.CityVisibility) ? profile.City : null,
            work ? profile.Position : null, work ? profile.Company : null,
            Sees(profile.EducationVisibility) ? profile.Education : null,
            Sees(profile.AboutVisibility) ? profile.About : null,
            contacts,
            organizations.Select(o => new OrganizationLink(o.Slug, o.Name, o.Role == OrganizationRole.Admin ? "admin" : "employee")).ToList(),
            badges,
            await ViewerAsync(viewerId, profile.MemberId, relation, cancellationToken));
    }

    private async Task<ViewerState> ViewerAsync(Guid? viewerId, Guid ownerId, Relation relation, CancellationToken cancellationToken)
    {
        var name = relation.ToString().ToLowerInvariant();
        if (viewerId is not { } viewer || relation == Relation.Owner)
        {
            return new ViewerState(name, "none", null, false, viewerId is not null);
        }
        var contact = await relations.LiveContactAsync(viewer, ownerId, cancellationToken);
        var state = contact switch
        {
            null => "none",
            { Status: ContactStatus.Accepted } => "accepted",
            _ when contact.RequesterId == viewer => "outgoing",
            _ => "incoming",
        };
        var blockedByYou = await relations.HasBlockedAsync(viewer, ownerId, cancellationToken);
        var blockedByOwner = await relations.HasBlockedAsync(ownerId, viewer, cancellationToken);
        return new ViewerState(name, state, contact?.Id, blockedByYou, !blockedByOwner);
    }

    public async Task<PageSettings> OwnAsync(Guid memberId, CancellationToken cancellationToken)
    {
        var profile = await db.Set<Profile>().AsNoTracking().SingleAsync(p => p.MemberId == memberId, cancellationToken);
        var member = await new MemberLookup(db).Rows.SingleAsync(m => m.Id == memberId, cancellationToken);
        return new PageSettings(profile.Handle, member.FullName, profile.PhotoKey is null ? null : PhotoUrl(profile.Handle),
            profile.City, profile.CityVisibility, profile.Position, profile.Company, profile.WorkVisibility,
            profile.Education, profile.EducationVisibility, profile.About, profile.AboutVisibility,
            profile.PhotoVisibility, profile.ContactsVisibility);
    }

    public async Task<PageSettings> SaveAsync(Guid memberId, SavePageRequest request, CancellationToken cancellationToken)
    {
        var errors = FieldErrors.FromAnnotations(request);
        foreach (var (field, value) in new (string, Visibility?)[]
        {
            (nameof(request.CityVisibility), request.CityVisibility), (nameof(request.WorkVisibility), request.WorkVisibility),
            (nameof(request.EducationVisibility), request.EducationVisibility), (nameof(request.AboutVisibility), request.AboutVisibility),
            (nameof(request.PhotoVisibility), request.PhotoVisibility), (nameof(request.ContactsVisibility), request.ContactsVisibility),
        })
        {
            if (value is { } v && !Enum.IsDefined(v))
            {
                errors.Add(field, "Choose who may see this.");
            }
        }
        errors.ThrowIfAny();
        var profile = await db.Set<Profile>().SingleAsync(p => p.MemberId == memberId, cancellationToken);
        var member = await new MemberLookup(db).Rows.SingleAsync(m => m.Id == memberId, cancellationToken);
        profile.City = Clean(request.City);
        profile.Position = Clean(request.Position);
        profile.Company = Clean(request.Company);
        profile.Education = Clean(request.Education);
        profile.About = Clean(request.About);
        profile.CityVisibility = request.CityVisibility ?? profile.CityVisibility;
        profile.WorkVisibility = request.WorkVisibility ?? profile.WorkVisibility;
        profile.EducationVisibility = request.EducationVisibility ?? profile.EducationVisibility;
        profile.AboutVisibility = request.AboutVisibility ?? profile.AboutVisibility;
        profile.PhotoVisibility = request.PhotoVisibility ?? profile.PhotoVisibility;
        profile.ContactsVisibility = request.ContactsVisibility ?? profile.ContactsVisibility;
        profile.Index(member.FullName);
        await db.SaveChangesAsync(cancellationToken);
        return await OwnAsync(memberId, cancellationToken);
    }

    /// <summary>NET-02: the new photo replaces the old one, which is deleted from the store.</summary>
    public async Task SetPhotoAsync(Guid memberId, Stream upload, long length, CancellationToken cancellationToken)
    {
        var key = await images.StoreAsync(PhotoArea, upload, length, "photo", cancellationToken);
        var profile = await db.Set<Profile>().SingleAsync(p => p.MemberId == memberId, cancellationToken);
        var old = profile.PhotoKey;
        profile.PhotoKey = key;
        await db.SaveChangesAsync(cancellationToken);
        if (old is not null)
        {
            await files.DeleteAsync(old, cancellationToken);
        }
    }

    public async Task RemovePhotoAsync(Guid memberId, CancellationToken cancellationToken)
    {
        var profile = await db.Set<Profile>().SingleAsync(p => p.MemberId == memberId, cancellationToken);
        if (profile.PhotoKey is { } old)
        {
            profile.PhotoKey = null;
            await db.SaveChangesAsync(cancellationToken);
            await files.DeleteAsync(old, cancellationToken);
        }
    }

    /// <summary>The photo when the viewer may see it; otherwise null, answered as 404.</summary>
    public async Task<Stream?> OpenPhotoAsync(string handle, Guid? viewerId, CancellationToken cancellationToken)
    {
        var (profile, _) = await FindAsync(handle, cancellationToken);
        var relation = await relations.OfAsync(viewerId, profile.MemberId, cancellationToken);
        return profile.PhotoKey is { } key && Relations.Sees(profile.PhotoVisibility, relation) ? files.Open(key) : null;
    }

    /// <summary>A page of a member who exists and is not disabled; anything else is 404.</summary>
    public async Task<(Profile Profile, string Name)> FindAsync(string handle, CancellationToken cancellationToken)
    {
        var key = handle.Trim().ToLowerInvariant();
        var found = await db.Set<Profile>().AsNoTracking().Where(p => p.Handle == key)
            .Join(new MemberLookup(db).Rows.Where(m => m.Active), p => p.MemberId, m => m.Id, (p, m) => new { Profile = p, m.FirstName, m.LastName })
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw DomainException.NotFound("network.page_not_found", "There is no such page.");
        return (found.Profile, $"{found.FirstName} {found.LastName}");
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

using Tradehall.Core.Network.Images;
using Tradehall.Core.Network.Profiles;

namespace Tradehall.Core.Network.Organizations;

public sealed record OrganizationRequest(
    [property: Required(ErrorMessage = "Enter the organization's name."), StringLength(Organization.TextLength), VisibleText] string? Name,
    [property: StringLength(100)] string? LegalForm,
    [property: StringLength(Organization.TextLength), VisibleText] string? Industry,
    [property: RegularExpression("^[A-Za-z]{2}$", ErrorMessage = "Enter a two-letter country code, such as RU.")] string? Country,
    [property: StringLength(Organization.TextLength), VisibleText] string? City,
    [property: StringLength(Organization.DescriptionLength)] string? Description,
    [property: StringLength(300)] string? Website);

public sealed record OrganizationCreated(Guid Id, string Slug);

public sealed record OrganizationPerson(Guid Id, string Handle, string Name, string Role);

/// <summary><see cref="Contact"/> answers messages to the organization: the admin who has been one the longest.</summary>
public sealed record OrganizationView(Guid Id, string Slug, string Name, string? LegalForm, string? Industry, string? Country, string? City,
    string? Description, string? Website, string? LogoUrl, IReadOnlyList<OrganizationPerson> Members, bool CanEdit, OrganizationPerson? Contact,
    DateTime CreatedAt);

/// <summary>NET-05: organization pages; their people are managed by <see cref="OrganizationPeople"/>.</summary>
public sealed class Organizations(AppDbContext db, INetwork network, ImagePipeline images, IFileStore files, TimeProvider time)
{
    public const string LogoArea = "logos";

    public static string LogoUrl(string slug) => $"/o/{slug}/logo";

    public async Task<OrganizationCreated> CreateAsync(Guid memberId, OrganizationRequest request, CancellationToken cancellationToken)
    {
        var member = await new MemberLookup(db).Rows.SingleAsync(m => m.Id == memberId, cancellationToken);
        if (!member.EmailConfirmed || !member.PhoneConfirmed)
        {
            throw DomainException.Forbidden("network.confirmation_required", "Confirm your email and phone before creating an organization.");
        }
        Validate(request);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.LockForTransactionAsync(DatabaseLockKeys.Addresses, cancellationToken);
        var slug = await Handles.FreeAsync(db.Set<Organization>().Select(o => o.Slug), Handles.Stem(request.Name!), cancellationToken);
        var organization = new Organization { Slug = slug, Name = request.Name!.Trim(), CreatedBy = memberId, CreatedAt = time.UtcNow() };
        Apply(organization, request);
        db.Set<Organization>().Add(organization);
        db.Set<OrganizationMember>().Add(new OrganizationMember
        {
            OrganizationId = organization.Id, MemberId = memberId, Role = OrganizationRole.Admin, AddedAt = time.UtcNow(),
        });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new OrganizationCreated(organization.Id, slug);
    }

    public async Task<OrganizationView> ViewAsync(string slug, Guid? viewerId, CancellationToken cancellationToken)
    {
        var organization = await FindAsync(slug, cancellationToken);
        var rows = await db.Set<OrganizationMember>().AsNoTracking().Where(m => m.OrganizationId == organization.Id).ToListAsync(cancellationToken);
        var cards = await network.CardsAsync(rows.Select(r => r.MemberId).ToList(), cancellationToken);
        var people = rows.Where(r => cards.ContainsKey(r.MemberId))
            .Select(r => new OrganizationPerson(r.MemberId, cards[r.MemberId].Handle, cards[r.MemberId].Name, r.Role == OrganizationRole.Admin ? "admin" : "employee"))
            .OrderByDescending(p => p.Role == "admin").ThenBy(p => p.Name, StringComparer.Ordinal).ToList();
        var canEdit = viewerId is { } v && rows.Any(r => r.MemberId == v && r.Role == OrganizationRole.Admin);
        var contactId = rows.Where(r => r.Role == OrganizationRole.Admin && cards.ContainsKey(r.MemberId))
            .OrderBy(r => r.AddedAt).ThenBy(r => r.MemberId).Select(r => (Guid?)r.MemberId).FirstOrDefault();
        return new OrganizationView(organization.Id, organization.Slug, organization.Name, organization.LegalForm, organization.Industry,
            organization.Country, organization.City, organization.Description, organization.Website,
            organization.LogoKey is null ? null : LogoUrl(organization.Slug), people, canEdit, people.FirstOrDefault(p => p.Id == contactId),
            organization.CreatedAt);
    }

    public async Task<OrganizationView> UpdateAsync(Guid memberId, string slug, OrganizationRequest request, CancellationToken cancellationToken)
    {
        var organization = await AdministeredAsync(memberId, slug, cancellationToken);
        Validate(request);
        organization.Name = request.Name!.Trim();
        Apply(organization, request);
        await db.SaveChangesAsync(cancellationToken);
        return await ViewAsync(organization.Slug, memberId, cancellationToken);
    }

    /// <summary>NET-05: the logo goes through the same image pipeline as personal photos (NET-02).</summary>
    public async Task SetLogoAsync(Guid memberId, string slug, Stream upload, long length, CancellationToken cancellationToken)
    {
        var organization = await AdministeredAsync(memberId, slug, cancellationToken);
        var key = await images.StoreAsync(LogoArea, upload, length, "logo", cancellationToken);
        var old = organization.LogoKey;
        organization.LogoKey = key;
        await db.SaveChangesAsync(cancellationToken);
        if (old is not null)
        {
            await files.DeleteAsync(old, cancellationToken);
        }
    }

    public async Task<Stream?> OpenLogoAsync(string slug, CancellationToken cancellationToken)
    {
        var organization = await FindAsync(slug, cancellationToken);
        return organization.LogoKey is { } key ? files.Open(key) : null;
    }

    internal async Task<Organization> AdministeredAsync(Guid memberId, string slug, CancellationToken cancellationToken)
    {
        var organization = await FindAsync(slug, cancellationToken);
        if (!await db.Set<OrganizationMember>().AnyAsync(m => m.OrganizationId == organization.Id && m.MemberId == memberId && m.Role == OrganizationRole.Admin, cancellationToken))
        {
            throw DomainException.Forbidden("network.organization_admin_only", "Only the organization's admins may do this.");
        }
        return organization;
    }

    internal async Task<Organization> FindAsync(string slug, CancellationToken cancellationToken)
    {
        var key = slug.Trim().ToLowerInvariant();
        return await db.Set<Organization>().FirstOrDefaultAsync(o => o.Slug == key, cancellationToken)
            ?? throw DomainException.NotFound("network.organization_not_found", "There is no such organization.");
    }

    private static void Validate(OrganizationRequest request)
    {
        var errors = FieldErrors.FromAnnotations(request);
        if (!string.IsNullOrWhiteSpace(request.Website)
            && (!Uri.TryCreate(request.Website.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")))
        {
            errors.Add(nameof(request.Website), "Enter a web address starting with https:// or http://.");
        }
        if (request.Name is not null && string.IsNullOrWhiteSpace(request.Name) && !errors.Has(nameof(request.Name)))
        {
            errors.Add(nameof(request.Name), "Enter the organization's name.");
        }
        errors.ThrowIfAny();
    }

    private static void Apply(Organization organization, OrganizationRequest request)
    {
        static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        organization.LegalForm = Clean(request.LegalForm);
        organization.Industry = Clean(request.Industry);
        organization.Country = Clean(request.Country)?.ToUpperInvariant();
        organization.City = Clean(request.City);
        organization.Description = Clean(request.Description);
        organization.Website = Clean(request.Website);
        organization.Index();
    }
}

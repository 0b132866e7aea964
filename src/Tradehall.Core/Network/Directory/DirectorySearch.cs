using Tradehall.Core.Network.Organizations;
using Tradehall.Core.Network.Profiles;

namespace Tradehall.Core.Network.Directory;

public sealed record DirectoryQuery(string? Q, string? City, string? Industry, string? Kind);

/// <summary>One result: a person (<c>/u/{handle}</c>) or an organization (<c>/o/{slug}</c>).</summary>
public sealed record DirectoryEntry(string Kind, string Address, string Url, string Name, string? City, string? Detail);

public sealed record DirectoryPage(string Kind, int Total, int Page, int PageSize, IReadOnlyList<DirectoryEntry> Items);

/// <summary>
/// NET-06: people and organizations by name, city and industry, typed in either alphabet. Matching runs on search columns
/// folded to lower case in C#, because SQLite's lower() folds only ASCII and Cyrillic names must match on both engines, and
/// on their transliteration keys (<see cref="DirectoryText"/>).
/// </summary>
public sealed class DirectorySearch(AppDbContext db, IOptions<NetworkOptions> options, IStringLocalizer<SharedResource> text)
{
    public const string People = "people";
    public const string OrganizationsKind = "organizations";

    public async Task<DirectoryPage> SearchAsync(DirectoryQuery query, PageRequest page, CancellationToken cancellationToken)
    {
        var kind = string.IsNullOrWhiteSpace(query.Kind) ? People : query.Kind.Trim().ToLowerInvariant();
        if (kind is not (People or OrganizationsKind))
        {
            throw DomainException.Field("network.directory_kind_invalid", "kind", "Kind is people or organizations.");
        }
        var (number, size) = page.Check(new PageLimits(options.Value.DirectoryPageSize, options.Value.DirectoryPageSize), text);
        var q = DirectoryText.Of(query.Q);
        var city = DirectoryText.Of(query.City);
        var industry = DirectoryText.Of(query.Industry);
        return kind == People
            ? await PeopleAsync(q, city, industry, number, size, cancellationToken)
            : await OrganizationsAsync(q, city, industry, number, size, cancellationToken);
    }

    private async Task<DirectoryPage> PeopleAsync(
        DirectoryText? q, DirectoryText? city, DirectoryText? industry, int page, int size, CancellationToken cancellationToken)
    {
        var profiles = db.Set<Profile>().AsNoTracking()
            .Where(p => new MemberLookup(db).Rows.Any(m => m.Id == p.MemberId && m.Active));
        if (q is not null)
        {
            profiles = profiles.Where(q.Matches<Profile>(p => p.SearchName, p => p.SearchNameKey));
        }
        if (city is not null)
        {
            profiles = profiles.Where(city.Matches<Profile>(p => p.SearchCity, p => p.SearchCityKey));
        }
        if (industry is not null)
        {
            // A person's industry is that of the organizations they work at.
            var organizations = db.Set<Organization>().Where(industry.Matches<Organization>(o => o.SearchIndustry, o => o.SearchIndustryKey));
            profiles = profiles.Where(p => db.Set<OrganizationMember>().Any(m => m.MemberId == p.MemberId && organizations.Any(o => o.Id == m.OrganizationId)));
        }
        var total = await profiles.CountAsync(cancellationToken);
        var rows = await profiles
            .Join(new MemberLookup(db).Rows, p => p.MemberId, m => m.Id, (p, m) => new { p.Handle, m.FirstName, m.LastName, p.City, p.CityVisibility, p.Position, p.Company, p.WorkVisibility })
            .OrderBy(r => r.LastName).ThenBy(r => r.FirstName).ThenBy(r => r.Handle)
            .Skip((page - 1) * size).Take(size).ToListAsync(cancellationToken);
        var items = rows.Select(r => new DirectoryEntry(People, r.Handle, $"/u/{r.Handle}", $"{r.FirstName} {r.LastName}",
            r.CityVisibility == Visibility.Public ? r.City : null,
            r.WorkVisibility == Visibility.Public ? Work(r.Position, r.Company) : null)).ToList();
        return new DirectoryPage(People, total, page, size, items);
    }

    private async Task<DirectoryPage> OrganizationsAsync(
        DirectoryText? q, DirectoryText? city, DirectoryText? industry, int page, int size, CancellationToken cancellationToken)
    {
        var organizations = db.Set<Organization>().AsNoTracking();
        if (q is not null)
        {
            organizations = organizations.Where(q.Matches<Organization>(o => o.SearchName, o => o.SearchNameKey));
        }
        if (city is not null)
        {
            organizations = organizations.Where(city.Matches<Organization>(o => o.SearchCity, o => o.SearchCityKey));
        }
        if (industry is not null)
        {
            organizations = organizations.Where(industry.Matches<Organization>(o => o.SearchIndustry, o => o.SearchIndustryKey));
        }
        var total = await organizations.CountAsync(cancellationToken);
        var rows = await organizations.OrderBy(o => o.SearchName).ThenBy(o => o.Slug).Skip((page - 1) * size).Take(size).ToListAsync(cancellationToken);
        var items = rows.Select(o => new DirectoryEntry(OrganizationsKind, o.Slug, $"/o/{o.Slug}", o.Name, o.City, o.Industry)).ToList();
        return new DirectoryPage(OrganizationsKind, total, page, size, items);
    }

    private static string? Work(string? position, string? company) =>
        (position, company) switch
        {
            (null, null) => null,
            ({ } p, null) => p,
            (null, { } c) => c,
            var (p, c) => $"{p}, {c}",
        };
}

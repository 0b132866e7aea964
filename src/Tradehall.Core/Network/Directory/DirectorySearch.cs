using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tradehall.Core.Data;
using Tradehall.Core.Network.Organizations;
using Tradehall.Core.Network.Profiles;
using Tradehall.Core.Shared;

namespace Tradehall.Core.Network.Directory;

public sealed record DirectoryQuery(string? Q, string? City, string? Industry, string? Kind, int? Page);

/// <summary>One result: a person (<c>/u/{handle}</c>) or an organization (<c>/o/{slug}</c>).</summary>
public sealed record DirectoryEntry(string Kind, string Address, string Url, string Name, string? City, string? Detail);

public sealed record DirectoryPage(string Kind, int Total, int Page, int PageSize, IReadOnlyList<DirectoryEntry> Items);

/// <summary>
/// NET-06: people and organizations by name, city and industry. Matching runs on search columns folded to lower
/// case in C#, because SQLite's lower() folds only ASCII and Cyrillic names must match on both engines.
/// </summary>
public sealed class DirectorySearch(AppDbContext db, IOptions<NetworkOptions> options)
{
    public const string People = "people";
    public const string OrganizationsKind = "organizations";

    public async Task<DirectoryPage> SearchAsync(DirectoryQuery query, CancellationToken cancellationToken)
    {
        var kind = string.IsNullOrWhiteSpace(query.Kind) ? People : query.Kind.Trim().ToLowerInvariant();
        if (kind is not (People or OrganizationsKind))
        {
            throw DomainException.Field("network.directory_kind_invalid", "kind", "Kind is people or organizations.");
        }
        if (query.Page is < 1)
        {
            throw DomainException.Field("network.directory_page_invalid", "page", "Pages start at 1.");
        }
        var page = query.Page ?? 1;
        var size = options.Value.DirectoryPageSize;
        var q = Profile.Fold(query.Q);
        var city = Profile.Fold(query.City);
        var industry = Profile.Fold(query.Industry);
        return kind == People
            ? await PeopleAsync(q, city, industry, page, size, cancellationToken)
            : await OrganizationsAsync(q, city, industry, page, size, cancellationToken);
    }

    private async Task<DirectoryPage> PeopleAsync(string? q, string? city, string? industry, int page, int size, CancellationToken cancellationToken)
    {
        var profiles = db.Set<Profile>().AsNoTracking()
            .Where(p => db.Users.Any(m => m.Id == p.MemberId && m.DisabledAt == null));
        if (q is not null)
        {
            profiles = profiles.Where(p => p.SearchName.Contains(q));
        }
        if (city is not null)
        {
            profiles = profiles.Where(p => p.SearchCity != null && p.SearchCity.Contains(city));
        }
        if (industry is not null)
        {
            // A person's industry is that of the organizations they work at.
            profiles = profiles.Where(p => db.Set<OrganizationMember>().Any(m => m.MemberId == p.MemberId
                && db.Set<Organization>().Any(o => o.Id == m.OrganizationId && o.SearchIndustry != null && o.SearchIndustry.Contains(industry))));
        }
        var total = await profiles.CountAsync(cancellationToken);
        var rows = await profiles
            .Join(db.Users, p => p.MemberId, m => m.Id, (p, m) => new { p.Handle, m.FirstName, m.LastName, p.City, p.CityVisibility, p.Position, p.Company, p.WorkVisibility })
            .OrderBy(r => r.LastName).ThenBy(r => r.FirstName).ThenBy(r => r.Handle)
            .Skip((page - 1) * size).Take(size).ToListAsync(cancellationToken);
        var items = rows.Select(r => new DirectoryEntry(People, r.Handle, $"/u/{r.Handle}", $"{r.FirstName} {r.LastName}",
            r.CityVisibility == Visibility.Public ? r.City : null,
            r.WorkVisibility == Visibility.Public ? Work(r.Position, r.Company) : null)).ToList();
        return new DirectoryPage(People, total, page, size, items);
    }

    private async Task<DirectoryPage> OrganizationsAsync(string? q, string? city, string? industry, int page, int size, CancellationToken cancellationToken)
    {
        var organizations = db.Set<Organization>().AsNoTracking();
        if (q is not null)
        {
            organizations = organizations.Where(o => o.SearchName.Contains(q));
        }
        if (city is not null)
        {
            organizations = organizations.Where(o => o.SearchCity != null && o.SearchCity.Contains(city));
        }
        if (industry is not null)
        {
            organizations = organizations.Where(o => o.SearchIndustry != null && o.SearchIndustry.Contains(industry));
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

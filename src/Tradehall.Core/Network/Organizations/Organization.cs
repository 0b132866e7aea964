namespace Tradehall.Core.Network.Organizations;

/// <summary>NET-05: a company page at <c>/o/{slug}</c>.</summary>
public sealed class Organization
{
    public const int TextLength = 200;
    public const int DescriptionLength = 4000;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Slug { get; set; }
    public required string Name { get; set; }
    public string? LegalForm { get; set; }
    public string? Industry { get; set; }

    /// <summary>ISO 3166-1 alpha-2.</summary>
    public string? Country { get; set; }

    /// <summary>Marked because a one-person business's city is where that person works.</summary>
    [PersonalData("showing where the organization works", Retention.WhileAccountExists)]
    public string? City { get; set; }

    public string? Description { get; set; }
    public string? Website { get; set; }
    public string? LogoKey { get; set; }
    public Guid CreatedBy { get; set; }
    public DateTime CreatedAt { get; set; }

    /// <summary>NET-06: lower-case copies folded in C#, so Cyrillic matches on SQLite too.</summary>
    public string SearchName { get; set; } = "";

    [PersonalData("showing where the organization works", Retention.WhileAccountExists)]
    public string? SearchCity { get; set; }

    public string? SearchIndustry { get; set; }

    /// <summary>NET-06: the search columns as <see cref="NameSkeleton"/> keys, so a name or city typed in either alphabet finds them.</summary>
    public string SearchNameKey { get; set; } = "";

    [PersonalData("showing where the organization works", Retention.WhileAccountExists)]
    public string? SearchCityKey { get; set; }

    public string? SearchIndustryKey { get; set; }

    /// <summary>The <see cref="NameSkeleton.Version"/> the keys were made by; rows keyed by an older one are keyed again at start.</summary>
    public int SearchKeyVersion { get; set; }

    public void Index()
    {
        SearchName = Profiles.Profile.Fold(Name) ?? "";
        SearchCity = Profiles.Profile.Fold(City);
        SearchIndustry = Profiles.Profile.Fold(Industry);
        (SearchNameKey, SearchCityKey, SearchIndustryKey) = Keys(SearchName, SearchCity, SearchIndustry);
        SearchKeyVersion = NameSkeleton.Version;
    }

    /// <summary>The keys of the search columns: made from them alone, so rows indexed before keys existed get them alike.</summary>
    public static (string Name, string? City, string? Industry) Keys(string searchName, string? searchCity, string? searchIndustry) =>
        (NameSkeleton.Key(searchName), Key(searchCity), Key(searchIndustry));

    private static string? Key(string? search) => search is null ? null : NameSkeleton.Key(search);
}

public enum OrganizationRole
{
    Employee = 1,
    Admin = 2,
}

/// <summary>NET-05: a member who works at an organization; admins edit the page and its people.</summary>
public sealed class OrganizationMember
{
    public Guid OrganizationId { get; set; }
    public Guid MemberId { get; set; }
    public OrganizationRole Role { get; set; }
    public DateTime AddedAt { get; set; }
}

internal sealed class OrganizationConfiguration : IEntityTypeConfiguration<Organization>
{
    public void Configure(EntityTypeBuilder<Organization> b)
    {
        b.ToTable("network_organizations");
        b.HasKey(o => o.Id);
        b.Property(o => o.Slug).HasMaxLength(Profiles.Handles.MaxLength);
        b.HasIndex(o => o.Slug).IsUnique();
        b.Property(o => o.Name).HasMaxLength(Organization.TextLength);
        b.Property(o => o.LegalForm).HasMaxLength(100);
        b.Property(o => o.Industry).HasMaxLength(Organization.TextLength);
        b.Property(o => o.Country).HasMaxLength(2);
        b.Property(o => o.City).HasMaxLength(Organization.TextLength);
        b.Property(o => o.Description).HasMaxLength(Organization.DescriptionLength);
        b.Property(o => o.Website).HasMaxLength(300);
        b.Property(o => o.LogoKey).HasMaxLength(100);
        b.Property(o => o.SearchName).HasMaxLength(Organization.TextLength);
        b.Property(o => o.SearchCity).HasMaxLength(Organization.TextLength);
        b.Property(o => o.SearchIndustry).HasMaxLength(Organization.TextLength);
        b.HasIndex(o => o.SearchCity);
        b.HasIndex(o => o.SearchIndustry);
        b.HasIndex(o => o.SearchKeyVersion);
    }
}

internal sealed class OrganizationMemberConfiguration : IEntityTypeConfiguration<OrganizationMember>
{
    public void Configure(EntityTypeBuilder<OrganizationMember> b)
    {
        b.ToTable("network_organization_members");
        b.HasKey(m => new { m.OrganizationId, m.MemberId });
        b.HasIndex(m => m.MemberId);
    }
}

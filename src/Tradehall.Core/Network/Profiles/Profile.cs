namespace Tradehall.Core.Network.Profiles;

/// <summary>NET-01: who may see a field of a personal page.</summary>
public enum Visibility
{
    Public = 1,
    Contacts = 2,
    Private = 3,
}

/// <summary>NET-01: a member's personal page, reached at <c>/u/{handle}</c>.</summary>
public sealed class Profile
{
    public const int TextLength = 200;
    public const int AboutLength = 4000;

    public Guid MemberId { get; set; }

    /// <summary>Lower-case Latin letters, digits and hyphens; unique; chosen once at registration.</summary>
    public required string Handle { get; set; }

    public DateTime CreatedAt { get; set; }

    [PersonalData("showing the member's page", Retention.WhileAccountExists)]
    public string? City { get; set; }

    [PersonalData("showing the member's page", Retention.WhileAccountExists)]
    public string? Position { get; set; }

    [PersonalData("showing the member's page", Retention.WhileAccountExists)]
    public string? Company { get; set; }

    [PersonalData("showing the member's page", Retention.WhileAccountExists)]
    public string? Education { get; set; }

    [PersonalData("showing the member's page", Retention.WhileAccountExists)]
    public string? About { get; set; }

    /// <summary>The file store key of the re-encoded photo (NET-02).</summary>
    [PersonalData("showing the member's page", Retention.WhileAccountExists)]
    public string? PhotoKey { get; set; }

    public Visibility PhotoVisibility { get; set; } = Visibility.Public;
    public Visibility CityVisibility { get; set; } = Visibility.Public;
    public Visibility WorkVisibility { get; set; } = Visibility.Public;
    public Visibility EducationVisibility { get; set; } = Visibility.Public;
    public Visibility AboutVisibility { get; set; } = Visibility.Public;
    public Visibility ContactsVisibility { get; set; } = Visibility.Public;

    /// <summary>NET-06: name and handle folded to lower case in C#, so Cyrillic matches on SQLite too.</summary>
    [PersonalData("finding members in the directory", Retention.WhileAccountExists)]
    public string SearchName { get; set; } = "";

    /// <summary>NET-06: the city folded to lower case, kept only while the city is public.</summary>
    [PersonalData("finding members in the directory", Retention.WhileAccountExists)]
    public string? SearchCity { get; set; }

    /// <summary>NET-06: <see cref="SearchName"/> as a <see cref="NameSkeleton"/> key, so the name typed in either alphabet finds it.</summary>
    [PersonalData("finding members in the directory", Retention.WhileAccountExists)]
    public string SearchNameKey { get; set; } = "";

    /// <summary>NET-06: <see cref="SearchCity"/> as a <see cref="NameSkeleton"/> key.</summary>
    [PersonalData("finding members in the directory", Retention.WhileAccountExists)]
    public string? SearchCityKey { get; set; }

    /// <summary>The <see cref="NameSkeleton.Version"/> the keys were made by; rows keyed by an older one are keyed again at start.</summary>
    public int SearchKeyVersion { get; set; }

    /// <summary>Refreshes the search columns after a change of the page or the member's name.</summary>
    public void Index(string fullName)
    {
        SearchName = Fold($"{fullName} {Handle}") ?? "";
        SearchCity = CityVisibility == Visibility.Public ? Fold(City) : null;
        (SearchNameKey, SearchCityKey) = Keys(SearchName, SearchCity);
        SearchKeyVersion = NameSkeleton.Version;
    }

    /// <summary>The keys of the search columns: made from them alone, so rows indexed before keys existed get them alike.</summary>
    public static (string Name, string? City) Keys(string searchName, string? searchCity) =>
        (NameSkeleton.Key(searchName), searchCity is null ? null : NameSkeleton.Key(searchCity));

    public static string? Fold(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim().ToLowerInvariant();
}

internal sealed class ProfileConfiguration : IEntityTypeConfiguration<Profile>
{
    public void Configure(EntityTypeBuilder<Profile> b)
    {
        b.ToTable("network_profiles");
        b.HasKey(p => p.MemberId);
        b.Property(p => p.Handle).HasMaxLength(Handles.MaxLength);
        b.HasIndex(p => p.Handle).IsUnique();
        b.Property(p => p.City).HasMaxLength(Profile.TextLength);
        b.Property(p => p.Position).HasMaxLength(Profile.TextLength);
        b.Property(p => p.Company).HasMaxLength(Profile.TextLength);
        b.Property(p => p.Education).HasMaxLength(Profile.TextLength);
        b.Property(p => p.About).HasMaxLength(Profile.AboutLength);
        b.Property(p => p.PhotoKey).HasMaxLength(100);
        b.Property(p => p.SearchName).HasMaxLength(300);
        b.Property(p => p.SearchCity).HasMaxLength(Profile.TextLength);
        b.HasIndex(p => p.SearchCity);
        b.HasIndex(p => p.SearchKeyVersion);
    }
}

using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace Tradehall.Core.Data;

/// <summary>RUN-03: Data Protection keys live in the database, so every node reads the others' cookies and tokens.</summary>
public sealed class DataProtectionKey
{
    public int Id { get; set; }
    public required string FriendlyName { get; set; }
    public required string Xml { get; set; }
}

internal sealed class DataProtectionKeyConfiguration : IEntityTypeConfiguration<DataProtectionKey>
{
    public void Configure(EntityTypeBuilder<DataProtectionKey> b)
    {
        b.ToTable("hosting_data_protection_keys");
        b.HasKey(k => k.Id);
        b.Property(k => k.FriendlyName).HasMaxLength(200);
        b.HasIndex(k => k.FriendlyName).IsUnique();
    }
}

internal sealed class DatabaseXmlRepository(IServiceScopeFactory scopes) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return db.Set<DataProtectionKey>().AsNoTracking().Select(k => k.Xml).ToList().Select(x => XElement.Parse(x)).ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var xml = element.ToString(SaveOptions.DisableFormatting);
        // The key ring API is synchronous; this runs once per key rotation, not per request.
        db.Database.ExecuteSql($"INSERT INTO hosting_data_protection_keys (\"FriendlyName\", \"Xml\") VALUES ({friendlyName}, {xml})");
    }
}

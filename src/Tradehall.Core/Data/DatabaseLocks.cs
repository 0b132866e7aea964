using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Tradehall.Core.Data;

/// <summary>Keys of the cluster-wide locks, one per serialized activity.</summary>
[ModuleApi]
public static class DatabaseLockKeys
{
    public const long Archive = 0x54480001;

    /// <summary>Choosing a free page handle or organization slug, so two people of one name never pick the same.</summary>
    public const long Addresses = 0x54480002;

    /// <summary>MKT-05: counting a free member's active listings and adding one, so racing posts never pass the limit.</summary>
    public const long ListingLimit = 0x54480010;

    /// <summary>MKT-01: the operator's edits of the category tree, so two racing moves never make a cycle between them.</summary>
    public const long Taxonomy = 0x54480011;

    /// <summary>Adding a contact request, so two racing requests of one pair never reach the unique index.</summary>
    public const long ContactRequests = 0x54480020;

    /// <summary>
    /// BIL-19: summing a non-resident's payments and crediting one more, so two racing payments never both pass under
    /// the cap. One key for all non-residents: their payments are few, and a bank import crediting several accounts
    /// then never waits crosswise with another.
    /// </summary>
    public const long NonResidentCap = 0x54480030;

    /// <summary>
    /// BIL-03: crediting one gateway payment id, so a replay racing the first callback finds it credited instead of
    /// failing on the unique index; the key is derived from the id, so different payments never wait for each other.
    /// </summary>
    public static long GatewayPayment(string paymentId) =>
        0x5448_0100_0000_0000L | (long)(BitConverter.ToUInt64(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(paymentId))) & 0xFFFF_FFFF_FFFFUL);

    /// <summary>BIL-17: deciding one refund application, so a payment and a rejection racing for it never both move its money.</summary>
    public static long Refund(Guid id) => OfId(0x5448_0200_0000_0000L, id);

    /// <summary>BIL-20: pausing or resuming one service, so two racing requests never both charge its new period.</summary>
    public static long Service(Guid id) => OfId(0x5448_0300_0000_0000L, id);

    /// <summary>A key of its own per id within the activity's range: the id's random last bytes below the prefix.</summary>
    private static long OfId(long prefix, Guid id) => prefix | (long)(BitConverter.ToUInt64(id.ToByteArray(), 8) & 0xFFFF_FFFF_FFFFUL);
}

/// <summary>
/// Serializes a transaction against others holding the same key. PostgreSQL takes a transaction
/// advisory lock; SQLite already serializes writers because its transactions begin IMMEDIATE.
/// </summary>
[ModuleApi]
public static class DatabaseLocks
{
    public static async Task LockForTransactionAsync(this DatabaseFacade database, long key, CancellationToken cancellationToken)
    {
        if (database.IsNpgsql())
        {
            await database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({key})", cancellationToken);
        }
    }
}

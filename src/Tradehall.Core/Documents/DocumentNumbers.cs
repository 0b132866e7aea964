namespace Tradehall.Core.Documents;

/// <summary>DOC-02: sequential document numbers, one gap-free series per kind of document and year.</summary>
internal static class DocumentNumbers
{
    /// <summary>
    /// The next number of <paramref name="series"/> in <paramref name="year"/>: <paramref name="prefix"/>, the year, a dash
    /// and six digits. The increment is a row update inside the issuing transaction, so parallel issuers queue on the
    /// row lock and a rolled-back document returns its number.
    /// </summary>
    public static async Task<string> NextAsync(AppDbContext db, string series, string prefix, int year, CancellationToken cancellationToken)
    {
        var key = string.Create(CultureInfo.InvariantCulture, $"{series}:{year}");
        // A new series (a new year) starts at zero; a parallel creator makes this a no-op, never an error.
        await db.Database.ExecuteSqlAsync(
            $"""INSERT INTO documents_counters ("Series", "Value") VALUES ({key}, 0) ON CONFLICT ("Series") DO NOTHING""", cancellationToken);
        var values = await db.Database.SqlQuery<long>(
            $"""UPDATE documents_counters SET "Value" = "Value" + 1 WHERE "Series" = {key} RETURNING "Value" """)
            .ToListAsync(cancellationToken);
        return string.Create(CultureInfo.InvariantCulture, $"{prefix}{year}-{values.Single():D6}");
    }
}

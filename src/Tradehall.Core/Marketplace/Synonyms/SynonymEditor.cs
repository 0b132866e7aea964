namespace Tradehall.Core.Marketplace.Synonyms;

public sealed record SynonymGroupView(int Id, IReadOnlyList<string> Words);

/// <summary>MKT-02: the operator keeps the global synonym list; every change goes to the evidence archive.</summary>
public sealed class SynonymEditor(AppDbContext db, EvidenceArchive archive)
{
    public async Task<IReadOnlyList<SynonymGroupView>> ListAsync(CancellationToken cancellationToken) =>
        [.. (await db.Set<SearchSynonymGroup>().AsNoTracking().ToListAsync(cancellationToken))
            .Select(View).OrderBy(g => g.Words[0], StringComparer.CurrentCultureIgnoreCase).ThenBy(g => g.Id)];

    public async Task<SynonymGroupView> GetAsync(int id, CancellationToken cancellationToken) =>
        View(await db.Set<SearchSynonymGroup>().AsNoTracking().FirstOrDefaultAsync(g => g.Id == id, cancellationToken) ?? throw NotFound());

    public async Task<SynonymGroupView> AddAsync(Guid operatorId, string? words, CancellationToken cancellationToken)
    {
        var group = new SearchSynonymGroup { Words = Checked(words) };
        // The id comes from the database, and the archive names the group by it: both saves commit together.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Set<SearchSynonymGroup>().Add(group);
        await db.SaveChangesAsync(cancellationToken);
        archive.Record("marketplace.synonyms_added", $"synonym-group:{group.Id}", operatorId, after: new { group.Words });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return View(group);
    }

    public async Task<SynonymGroupView> UpdateAsync(Guid operatorId, int id, string? words, CancellationToken cancellationToken)
    {
        var group = await db.Set<SearchSynonymGroup>().FirstOrDefaultAsync(g => g.Id == id, cancellationToken) ?? throw NotFound();
        var checkedWords = Checked(words);
        var before = group.Words;
        group.Words = checkedWords;
        archive.Record("marketplace.synonyms_changed", $"synonym-group:{group.Id}", operatorId, before: new { Words = before }, after: new { group.Words });
        await db.SaveChangesAsync(cancellationToken);
        return View(group);
    }

    public async Task DeleteAsync(Guid operatorId, int id, CancellationToken cancellationToken)
    {
        var group = await db.Set<SearchSynonymGroup>().FirstOrDefaultAsync(g => g.Id == id, cancellationToken) ?? throw NotFound();
        db.Remove(group);
        archive.Record("marketplace.synonyms_deleted", $"synonym-group:{group.Id}", operatorId, before: new { group.Words });
        await db.SaveChangesAsync(cancellationToken);
    }

    private static string Checked(string? words)
    {
        var errors = new FieldErrors();
        var stored = SynonymWords.CheckGroup(words, "words", errors);
        errors.ThrowIfAny("marketplace.synonyms_invalid", "The synonym group is not valid.");
        return stored;
    }

    private static SynonymGroupView View(SearchSynonymGroup g) => new(g.Id, SynonymWords.Split(g.Words));

    private static DomainException NotFound() => DomainException.NotFound("marketplace.synonyms_not_found", "There is no such synonym group.");
}

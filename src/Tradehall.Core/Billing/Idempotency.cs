using System.Security.Cryptography;

namespace Tradehall.Core.Billing;

/// <summary>BIL-23: the first answer to a money-changing call, kept under the key the client sent with it.</summary>
public sealed class IdempotencyRecord
{
    /// <summary>Whose key it is (a member, or the operator area) and which call, so keys never collide across callers.</summary>
    public required string Scope { get; set; }
    public required string Key { get; set; }
    public required string RequestHash { get; set; }
    public int Status { get; set; }
    public required string ResponseJson { get; set; }
    public DateTime CreatedAt { get; set; }
}

internal sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> b)
    {
        b.ToTable("billing_idempotency_keys");
        b.HasKey(r => new { r.Scope, r.Key });
        b.Property(r => r.Scope).HasMaxLength(120);
        b.Property(r => r.Key).HasMaxLength(200);
        b.Property(r => r.RequestHash).HasMaxLength(64);
    }
}

[ModuleApi]
public sealed record IdempotentAnswer(int Status, string Json)
{
    /// <summary>The stored answer exactly as first sent, byte for byte.</summary>
    /// <summary>A 204 answer carries no body, whatever the call returned for the page that made it.</summary>
    public IResult ToResult() => Status == StatusCodes.Status204NoContent ? Results.NoContent() : Results.Text(Json, "application/json", statusCode: Status);

    /// <summary>The answer's body, for a page that shows what the call did.</summary>
    public T Read<T>() => JsonSerializer.Deserialize<T>(Json, JsonSerializerOptions.Web)
        ?? throw new InvalidOperationException("An idempotent answer holds no body.");
}

/// <summary>
/// BIL-23: a money-changing call as both doors run it once per key — whose key it is (a member's, or an operator's),
/// what a replay must match, the status of its first answer and its effect. Each call is defined once, in its module;
/// the API runs it through <see cref="IdempotencyFilter"/>, a page through <see cref="Idempotency.RunAsync(IdempotentCall, string?, CancellationToken)"/>.
/// </summary>
[ModuleApi]
public sealed class IdempotentCall
{
    private IdempotentCall(string scope, object request, int status, Func<CancellationToken, Task<object>> effect) =>
        (Scope, Request, Status, Effect) = (scope, request, status, effect);

    public string Scope { get; }
    public object Request { get; }
    public int Status { get; }
    public Func<CancellationToken, Task<object>> Effect { get; }

    /// <summary>A member's call: their keys are theirs alone.</summary>
    public static IdempotentCall OfMember<T>(Guid memberId, object request, int status, Func<CancellationToken, Task<T>> effect) where T : notnull =>
        new($"member:{memberId}", request, status, async token => await effect(token));

    /// <summary>An operator's call: keys belong to the operator making it.</summary>
    public static IdempotentCall OfOperator<T>(Guid operatorId, object request, int status, Func<CancellationToken, Task<T>> effect) where T : notnull =>
        new($"operator:{operatorId}", request, status, async token => await effect(token));
}

/// <summary>
/// Runs a money-changing call once per key, with Stripe's semantics: the same key with the same body
/// answers the first result and moves nothing; the same key with another body is refused.
/// The key is claimed first — its row inserted under the unique (scope, key) index, in the same transaction as the
/// call's effect — and the answer stored in that row before the commit. So the database decides, on every node: a
/// parallel call with the same key waits at the claim until the first commits, then replays its answer (or, waiting
/// longer than <see cref="BillingOptions.IdempotencyWait"/>, answers 409 <c>request.idempotency_in_progress</c>). A call
/// that fails or is refused (for example 402), or a node that dies midway, rolls the claim back with the effect:
/// nothing is left to block the key, and the client may retry it.
/// </summary>
[ModuleApi]
public sealed class Idempotency(AppDbContext db, TimeProvider time, IOptions<BillingOptions> options)
{
    public const string Header = "Idempotency-Key";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public Task<IdempotentAnswer> RunAsync(IdempotentCall call, string? key, CancellationToken cancellationToken) =>
        RunAsync(call.Scope, key, call.Request, async token => (call.Status, await call.Effect(token)), cancellationToken);

    private async Task<IdempotentAnswer> RunAsync(string scope, string? key, object request,
        Func<CancellationToken, Task<(int Status, object Body)>> effect, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(key) || key.Length > 200)
        {
            throw DomainException.Field("request.idempotency_key", "idempotencyKey", "Send an Idempotency-Key header (1 to 200 characters) with every call that moves money.");
        }
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(request, Json))));
        if (await FindAsync(scope, key, cancellationToken) is { } earlier)
        {
            return Replay(earlier, hash);
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var claim = new IdempotencyRecord { Scope = scope, Key = key, RequestHash = hash, ResponseJson = "", CreatedAt = time.UtcNow() };
        if (!await ClaimAsync(claim, cancellationToken))
        {
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return await FindAsync(scope, key, cancellationToken) is { } winner ? Replay(winner, hash) : throw InProgress();
        }
        var (status, body) = await effect(cancellationToken);
        var answer = new IdempotentAnswer(status, JsonSerializer.Serialize(body, Json));
        claim.Status = status;
        claim.ResponseJson = answer.Json;
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return answer;
    }

    /// <summary>
    /// Inserts the key's row; false when a call with the same key committed first. PostgreSQL holds a second insert of
    /// an uncommitted key until the first transaction ends; SQLite's IMMEDIATE transactions already ran one at a time.
    /// </summary>
    private async Task<bool> ClaimAsync(IdempotencyRecord claim, CancellationToken cancellationToken)
    {
        db.Set<IdempotencyRecord>().Add(claim);
        var postgres = db.Database.IsNpgsql();
        try
        {
            if (postgres)
            {
                var wait = FormattableString.Invariant($"{(long)options.Value.IdempotencyWait.TotalMilliseconds}ms");
                await db.Database.ExecuteSqlAsync($"SELECT set_config('lock_timeout', {wait}, true)", cancellationToken);
            }
            await db.SaveChangesAsync(cancellationToken);
            if (postgres)
            {
                await db.Database.ExecuteSqlRawAsync("SET LOCAL lock_timeout TO DEFAULT", cancellationToken);
            }
            return true;
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e, "billing_idempotency_keys", "PK_billing_idempotency_keys"))
        {
            return false;
        }
        catch (Exception e) when (DbErrors.IsLockTimeout(e))
        {
            // Not saved: a page that goes on with this context after the 409 must not insert an empty answer later.
            db.Entry(claim).State = EntityState.Detached;
            throw InProgress();
        }
    }

    private static DomainException InProgress() =>
        new DomainException("request.idempotency_in_progress", "A call with this Idempotency-Key is still being processed. Retry it shortly to get its answer.",
            StatusCodes.Status409Conflict);

    private Task<IdempotencyRecord?> FindAsync(string scope, string key, CancellationToken cancellationToken) =>
        db.Set<IdempotencyRecord>().AsNoTracking().FirstOrDefaultAsync(r => r.Scope == scope && r.Key == key, cancellationToken);

    private static IdempotentAnswer Replay(IdempotencyRecord earlier, string hash) =>
        earlier.RequestHash == hash
            ? new IdempotentAnswer(earlier.Status, earlier.ResponseJson)
            : throw new DomainException("request.idempotency_key_reused",
                "This Idempotency-Key was already used with a different request. Use a new key for a new request.", StatusCodes.Status422UnprocessableEntity);
}

using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tradehall.Core.Data;
using Tradehall.Core.Shared;

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

public sealed record IdempotentAnswer(int Status, string Json)
{
    /// <summary>The stored answer exactly as first sent, byte for byte.</summary>
    public IResult ToResult() => Results.Text(Json, "application/json", statusCode: Status);
}

/// <summary>
/// Runs a money-changing call once per key, with Stripe's semantics: the same key with the same body
/// answers the first result and moves nothing; the same key with another body is refused. The key is
/// stored in the same transaction as the call's effect, so a crash leaves either both or neither.
/// A refused call (for example 402) stores nothing: the client may retry it with the same key.
/// </summary>
public sealed class Idempotency(AppDbContext db, TimeProvider time)
{
    public const string Header = "Idempotency-Key";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<IdempotentAnswer> RunAsync(string scope, string? key, object request,
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
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var (status, body) = await effect(cancellationToken);
            var answer = new IdempotentAnswer(status, JsonSerializer.Serialize(body, Json));
            db.Set<IdempotencyRecord>().Add(new IdempotencyRecord
            {
                Scope = scope,
                Key = key,
                RequestHash = hash,
                Status = status,
                ResponseJson = answer.Json,
                CreatedAt = time.UtcNow(),
            });
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return answer;
        }
        catch (DbUpdateException)
        {
            // A parallel call with the same key committed first: this one's effect was rolled back.
            db.ChangeTracker.Clear();
            return await FindAsync(scope, key, cancellationToken) is { } winner ? Replay(winner, hash) : throw new InvalidOperationException("A money call failed to save.");
        }
    }

    private Task<IdempotencyRecord?> FindAsync(string scope, string key, CancellationToken cancellationToken) =>
        db.Set<IdempotencyRecord>().AsNoTracking().FirstOrDefaultAsync(r => r.Scope == scope && r.Key == key, cancellationToken);

    private static IdempotentAnswer Replay(IdempotencyRecord earlier, string hash) =>
        earlier.RequestHash == hash
            ? new IdempotentAnswer(earlier.Status, earlier.ResponseJson)
            : throw new DomainException("request.idempotency_key_reused",
                "This Idempotency-Key was already used with a different request. Use a new key for a new request.", StatusCodes.Status422UnprocessableEntity);
}

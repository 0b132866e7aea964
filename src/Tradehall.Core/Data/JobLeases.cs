using System.Diagnostics;

namespace Tradehall.Core.Data;

/// <summary>
/// RUN-03: a background job that must run once per cluster holds a lease row while it works and
/// records the last day it finished, so another node neither runs it alongside nor repeats it.
/// </summary>
public sealed class JobLease
{
    public required string Name { get; set; }

    /// <summary>The node and process holding the lease; null when free.</summary>
    public string? Holder { get; set; }

    public DateTime ExpiresAt { get; set; }

    /// <summary>The last business day the job completed for.</summary>
    public DateOnly? CompletedFor { get; set; }
}

internal sealed class JobLeaseConfiguration : IEntityTypeConfiguration<JobLease>
{
    public void Configure(EntityTypeBuilder<JobLease> b)
    {
        b.ToTable("jobs_leases");
        b.HasKey(l => l.Name);
        b.Property(l => l.Name).HasMaxLength(40);
        b.Property(l => l.Holder).HasMaxLength(200);
    }
}

/// <summary>Takes, extends and gives back job leases with single guarded statements, safe on every node at once.</summary>
[ModuleApi]
public sealed class JobLeases(AppDbContext db, TimeProvider time)
{
    /// <summary>Who this process is, in lease rows and logs.</summary>
    public static readonly string ThisProcess = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    /// <summary>Takes the lease when it is free, expired or already ours; false when another holder has it.</summary>
    public async Task<bool> TryAcquireAsync(string name, TimeSpan ttl, CancellationToken cancellationToken)
    {
        var now = time.UtcNow();
        var until = now + ttl;
        var holder = ThisProcess;
        var taken = await db.Database.ExecuteSqlAsync($"""
            UPDATE jobs_leases SET "Holder" = {holder}, "ExpiresAt" = {until}
            WHERE "Name" = {name} AND ("Holder" IS NULL OR "Holder" = {holder} OR "ExpiresAt" < {now})
            """, cancellationToken);
        if (taken == 1)
        {
            return true;
        }
        var current = await db.Set<JobLease>().AsNoTracking().FirstOrDefaultAsync(l => l.Name == name, cancellationToken);
        if (current is not null)
        {
            // A holder on this machine that has exited (killed, crashed) need not be waited out.
            return current.Holder is { } dead && IsDeadLocalProcess(dead) && await db.Database.ExecuteSqlAsync($"""
                UPDATE jobs_leases SET "Holder" = {holder}, "ExpiresAt" = {until} WHERE "Name" = {name} AND "Holder" = {dead}
                """, cancellationToken) == 1;
        }
        try
        {
            db.Set<JobLease>().Add(new JobLease { Name = name, Holder = holder, ExpiresAt = until });
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            // Another node created the row first and holds it.
            db.ChangeTracker.Clear();
            return false;
        }
    }

    private static bool IsDeadLocalProcess(string holder)
    {
        var parts = holder.Split(':');
        if (parts.Length != 3 || parts[0] != Environment.MachineName || !int.TryParse(parts[1], CultureInfo.InvariantCulture, out var pid))
        {
            return false;
        }
        try
        {
            using var process = Process.GetProcessById(pid);
            return process.HasExited;
        }
        catch (ArgumentException)
        {
            return true;
        }
    }

    /// <summary>Gives the lease back, recording the day the job completed for when it finished.</summary>
    public async Task ReleaseAsync(string name, DateOnly? completedFor, CancellationToken cancellationToken)
    {
        var holder = ThisProcess;
        var free = DateTime.UnixEpoch;
        if (completedFor is { } day)
        {
            await db.Database.ExecuteSqlAsync($"""
                UPDATE jobs_leases SET "Holder" = NULL, "ExpiresAt" = {free}, "CompletedFor" = {day} WHERE "Name" = {name} AND "Holder" = {holder}
                """, cancellationToken);
        }
        else
        {
            await db.Database.ExecuteSqlAsync($"""
                UPDATE jobs_leases SET "Holder" = NULL, "ExpiresAt" = {free} WHERE "Name" = {name} AND "Holder" = {holder}
                """, cancellationToken);
        }
    }

    public async Task<DateOnly?> CompletedForAsync(string name, CancellationToken cancellationToken) =>
        await db.Set<JobLease>().Where(l => l.Name == name).Select(l => l.CompletedFor).FirstOrDefaultAsync(cancellationToken);
}

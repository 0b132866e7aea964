namespace Tradehall.Core.Shared;

/// <summary>How far a long job is: <paramref name="Done"/> of <paramref name="Total"/> in its current phase (total 0 when unknown).</summary>
public sealed record JobProgress(string Phase, long Done, long Total);

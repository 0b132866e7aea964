namespace Tradehall.Core.Data;

[ModuleApi]
public sealed class DatabaseOptions : IValidatableObject
{
    public const string SectionName = "Database";

    /// <summary><c>sqlite</c> (embedded, the default) or <c>postgres</c>.</summary>
    [Required]
    public string Provider { get; set; } = "sqlite";

    /// <summary>Apply pending migrations when the site starts (Development); production runs <c>db migrate</c>.</summary>
    public bool MigrateOnStart { get; set; }

    /// <summary>
    /// How long one migration statement may run: rebuilding a generated column or an index over a market of a million
    /// listings takes minutes, far past the 30 s a request's command gets.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan MigrationTimeout { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// SQLite: how much of the database file each connection reads through a memory map instead of read calls (bytes;
    /// SQLite caps it at its build's maximum, 0 turns it off). Searches over a large market read many pages per call.
    /// </summary>
    [Range(0, long.MaxValue)]
    public long SqliteMemoryMap { get; set; } = 2L * 1024 * 1024 * 1024;

    public bool IsPostgres => string.Equals(Provider, "postgres", StringComparison.OrdinalIgnoreCase);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!IsPostgres && !string.Equals(Provider, "sqlite", StringComparison.OrdinalIgnoreCase))
        {
            yield return new ValidationResult("Database:Provider must be 'sqlite' or 'postgres'.", [nameof(Provider)]);
        }
    }
}

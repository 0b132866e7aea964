using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;

namespace Tradehall.Core.Data;

public static class DataModule
{
    public static void AddData(this WebApplicationBuilder builder)
    {
        builder.Services.AddSettings<DatabaseOptions>(DatabaseOptions.SectionName);
        builder.Services.AddSingleton<SqlitePragmas>();
        builder.Services.AddScoped<JobLeases>();
        builder.Services.AddDataProtection().SetApplicationName("tradehall");
        builder.Services.AddOptions<KeyManagementOptions>().Configure<IServiceScopeFactory>((o, scopes) => o.XmlRepository = new DatabaseXmlRepository(scopes));
        // Pooled: every request uses a context, and building one (EF's services for it) was about 5 % of a listing search.
        // The context holds no state of its own; interceptors are singletons.
        builder.Services.AddDbContextPool<AppDbContext>((services, options) =>
        {
            var database = services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            var connectionString = services.GetRequiredService<IConfiguration>().GetConnectionString("Default");
            if (database.IsPostgres)
            {
                if (string.IsNullOrWhiteSpace(connectionString))
                {
                    throw new InvalidOperationException("ConnectionStrings:Default is required when Database:Provider is 'postgres'.");
                }
                options.UseNpgsql(connectionString);
            }
            else
            {
                options.UseSqlite(string.IsNullOrWhiteSpace(connectionString)
                    ? DefaultSqliteConnectionString(services.GetRequiredService<IOptions<TradehallOptions>>().Value)
                    : connectionString);
                options.AddInterceptors(services.GetRequiredService<SqlitePragmas>());
            }
            options.AddInterceptors(services.GetServices<IInterceptor>());
            // Migrations are written by hand and carry no model snapshot; the schema test keeps
            // them equal to the model instead.
            options.ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
        });
    }

    public static string DefaultSqliteConnectionString(TradehallOptions site)
    {
        Directory.CreateDirectory(site.FullDataPath);
        return $"Data Source={Path.Combine(site.FullDataPath, "tradehall.db")}";
    }

    /// <summary>Applies pending migrations; a SQLite file is copied aside first (RUN-06).</summary>
    public static async Task MigrateAsync(IServiceProvider services, TimeProvider time, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count == 0)
        {
            return;
        }
        if (db.Database.IsSqlite() && db.Database.GetDbConnection().DataSource is { Length: > 0 } file && File.Exists(file)
            && (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).Any())
        {
            var stamp = time.GetUtcNow().ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture);
            await db.Database.ExecuteSqlAsync($"VACUUM INTO {file + ".before-migration-" + stamp}", cancellationToken);
        }
        db.Database.SetCommandTimeout(scope.ServiceProvider.GetRequiredService<IOptions<DatabaseOptions>>().Value.MigrationTimeout);
        await db.Database.MigrateAsync(cancellationToken);
    }
}

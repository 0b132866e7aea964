namespace Tradehall.Core.Notifications.Live;

public static class LiveModule
{
    /// <summary>The hub and the one <see cref="ILiveEvents"/>: direct on SQLite (one node), through PostgreSQL otherwise (RUN-03).</summary>
    public static void AddLive(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSettings<LiveOptions>(LiveOptions.SectionName);
        services.AddSignalR();
        services.AddSingleton<LiveDatabase>();
        services.AddSingleton<ILiveEvents>(sp => sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.IsPostgres
            ? ActivatorUtilities.CreateInstance<PostgresLiveEvents>(sp)
            : ActivatorUtilities.CreateInstance<LocalLiveEvents>(sp));
        services.AddSingleton<LiveListener>();
        services.AddHostedService(sp => sp.GetRequiredService<LiveListener>());
    }

    /// <summary>
    /// A browser's WebSocket cannot carry an Authorization header, so the SignalR client sends a bearer token
    /// as <c>access_token</c> in the query string; it is believed on the hub's path only. Runs before authentication.
    /// </summary>
    public static IApplicationBuilder UseLiveHubTokens(this IApplicationBuilder app) => app.Use((http, next) =>
    {
        if (http.Request.Path.StartsWithSegments(LiveHub.Path) && http.Request.Headers.Authorization.Count == 0
            && http.Request.Query["access_token"] is [{ Length: > 0 } token])
        {
            http.Request.Headers.Authorization = "Bearer " + token;
        }
        return next(http);
    });
}

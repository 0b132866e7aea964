using Tradehall.Core.Marketplace.Search.Index;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Tradehall.Core.Marketplace.Search;

/// <summary>MKT-02, MKT-04, MKT-07: listing search and saved searches — services and API routes.</summary>
public static class SearchEndpoints
{
    public static void AddSearch(IServiceCollection services)
    {
        services.AddScoped<SearchCriteriaRules>();
        services.AddScoped<ListingSearch>();
        services.AddScoped<SavedSearches>();
        services.AddScoped<SavedSearchAlerts>();
        services.AddScoped<IDomainEventSubscriber<Billing.ServiceDataDeleted>, SavedSearchDeletion>();
        services.AddScoped<ListingIndexSource>();
        services.AddSingleton<ListingIndexFeed>();
        services.AddSingleton<SearchCards>();
        services.AddHostedService(sp => sp.GetRequiredService<ListingIndexFeed>());
        services.AddSingleton<IInterceptor, SearchFeedInterceptor>();
        services.AddHostedService<SavedSearchAlertWorker>();
    }

    public static void MapSearch(IEndpointRouteBuilder app)
    {
        // Public: visitors may search, within the search rate limit (MKT-07).
        app.MapGet("/api/v1/listings/search", ([AsParameters] SearchQueryString query, ListingSearch search, CancellationToken ct) =>
            search.SearchAsync(query, ct)).WithTags("Marketplace").Public().RequireRateLimiting(RateLimits.Search);

        var saved = app.MapGroup("/api/v1/saved-searches").WithTags("Marketplace").RequireScope(ApiScopes.Marketplace);
        saved.MapGet("", (HttpContext http, SavedSearches searches, CancellationToken ct) => searches.ListAsync(http.User.MemberId(), ct));
        saved.MapPost("", async (SaveSearchRequest request, HttpContext http, SavedSearches searches, CancellationToken ct) =>
        {
            var view = await searches.SaveAsync(http.User.MemberId(), request, ct);
            return TypedResults.Created($"/api/v1/saved-searches/{view.Id}", view);
        });
        saved.MapPut("/{id:guid}/alerts", (Guid id, SavedSearchAlertsRequest request, HttpContext http, SavedSearches searches, CancellationToken ct) =>
            searches.SetAlertsAsync(http.User.MemberId(), id, request.Alerts, ct).ThenNoContent());
        saved.MapDelete("/{id:guid}", (Guid id, HttpContext http, SavedSearches searches, CancellationToken ct) =>
            searches.DeleteAsync(http.User.MemberId(), id, ct).ThenNoContent());
    }
}

/// <summary>The search page's address for criteria: every filter in the query string, so a link reproduces the search.</summary>
public static class SearchLinks
{
    public const string PagePath = "/listings";

    public static string Page(SearchCriteria c, int? page = null)
    {
        var parts = new List<string>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                parts.Add(name + "=" + Uri.EscapeDataString(value));
            }
        }
        Add("q", c.Q);
        Add("type", c.Type);
        Add("category", c.Category?.ToString(CultureInfo.InvariantCulture));
        Add("country", c.Country);
        Add("minPrice", c.MinPrice?.ToString(CultureInfo.InvariantCulture));
        Add("maxPrice", c.MaxPrice?.ToString(CultureInfo.InvariantCulture));
        Add("currency", c.Currency);
        Add("since", c.Since?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add("sort", c.Sort);
        Add("page", page is > 1 ? page.Value.ToString(CultureInfo.InvariantCulture) : null);
        return parts.Count == 0 ? PagePath : PagePath + "?" + string.Join('&', parts);
    }
}

using Tradehall.Core.Analytics.Prices;
using Tradehall.Core.Analytics.Reviews;

namespace Tradehall.Core.Analytics;

public static class AnalyticsModule
{
    public static void AddAnalytics(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSettings<AnalyticsOptions>(AnalyticsOptions.SectionName);
        services.AddScoped<PriceAnalytics>();
        services.AddScoped<PriceReviews>();
        services.AddScoped<PriceReviewArchive>();
        services.AddHostedService<PriceReviewWorker>();
    }

    public static void MapAnalytics(this IEndpointRouteBuilder app)
    {
        var member = app.MapGroup("/api/v1").WithTags("Analytics").RequireScope(ApiScopes.Marketplace);
        // ANL-01: the route and answer shape are fixed by SPEC §15.
        member.MapGet("/analytics/prices", (HttpContext http, PriceAnalytics analytics, string? category, string? currency, string? from, string? to,
                string? interval, string? country, string? region, string? unit, CancellationToken ct) =>
            analytics.PricesAsync(http.User.MemberId(), new PriceQuery(category, currency, from, to, interval, country, region, unit), ct));
        member.MapGet("/price-reviews", (HttpContext http, PriceReviewArchive reviews, CancellationToken ct) => reviews.ListAsync(http.User.MemberId(), ct));
        member.MapGet("/price-reviews/{id:guid}/pdf", async (Guid id, HttpContext http, PriceReviewArchive reviews, CancellationToken ct) =>
        {
            var (content, fileName) = await reviews.PdfAsync(http.User.MemberId(), id, ct);
            return TypedResults.File(content, "application/pdf", fileName);
        });

        // ANL-02: the operator makes (or completes) a month's reviews on demand, e.g. after correcting rates; existing ones stay.
        // The console's price-review page does the same, and fills the whole archive back.
        app.MapPost("/api/v1/operator/price-reviews", async (GenerateReviewsRequest request, PriceReviews reviews, CancellationToken ct) =>
                TypedResults.Ok(new ReviewsGenerated(await reviews.GenerateOnDemandAsync(request, ct))))
            .WithTags("Operator").RequireOperator();
    }
}

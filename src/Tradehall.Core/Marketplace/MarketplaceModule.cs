using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Tradehall.Core.Marketplace.Categories;

namespace Tradehall.Core.Marketplace;

public static class MarketplaceModule
{
    public static void AddMarketplace(this WebApplicationBuilder builder) =>
        builder.Services.AddScoped<CategoryTree>();

    /// <summary>MKT-01: the taxonomy is public, like the listings it sorts.</summary>
    public static void MapMarketplace(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/v1/categories", (CategoryTree tree, CancellationToken ct) => tree.TreeAsync(ct)).WithTags("Marketplace");

    public static Task EnsureSeededAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetRequiredService<CategoryTree>().EnsureSeededAsync(cancellationToken);
}

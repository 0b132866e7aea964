namespace Tradehall.Core.Marketplace.Quotes;

/// <summary>MKT-08: quotes in trade chats and the deals they become, for members only; outsiders get 404 like for the chat itself.</summary>
public static class QuoteEndpoints
{
    public static void AddQuotes(IServiceCollection services)
    {
        services.AddScoped<Quotes>();
        services.AddScoped<Deals>();
    }

    public static void MapQuotes(IEndpointRouteBuilder app)
    {
        var chats = app.MapGroup("/api/v1/chats/{chatId:guid}/quotes").WithTags("Quotes").RequireScope(ApiScopes.Chats);
        chats.MapPost("", async (Guid chatId, QuoteRequest request, HttpContext http, Quotes quotes, CancellationToken ct) =>
        {
            var created = await quotes.CreateAsync(http.User.MemberId(), chatId, request, ct);
            return TypedResults.Created($"/api/v1/quotes/{created.Id}", created);
        });
        chats.MapGet("", (Guid chatId, HttpContext http, Quotes quotes, CancellationToken ct) => quotes.ListAsync(http.User.MemberId(), chatId, ct));

        var quote = app.MapGroup("/api/v1/quotes/{id:guid}").WithTags("Quotes").RequireScope(ApiScopes.Chats);
        quote.MapGet("", (Guid id, HttpContext http, Quotes quotes, CancellationToken ct) => quotes.GetAsync(http.User.MemberId(), id, ct));
        quote.MapPost("/accept", async (Guid id, HttpContext http, Quotes quotes, CancellationToken ct) =>
        {
            var deal = await quotes.AcceptAsync(http.User.MemberId(), id, ct);
            return TypedResults.Created("/api/v1/deals", deal);
        });
        quote.MapPost("/decline", (Guid id, HttpContext http, Quotes quotes, CancellationToken ct) =>
            quotes.DeclineAsync(http.User.MemberId(), id, ct).ThenNoContent());
        quote.MapPost("/withdraw", (Guid id, HttpContext http, Quotes quotes, CancellationToken ct) =>
            quotes.WithdrawAsync(http.User.MemberId(), id, ct).ThenNoContent());

        app.MapGet("/api/v1/deals", (HttpContext http, Deals deals, CancellationToken ct) => deals.ListAsync(http.User.MemberId(), ct))
            .WithTags("Quotes").RequireScope(ApiScopes.Marketplace);
    }
}

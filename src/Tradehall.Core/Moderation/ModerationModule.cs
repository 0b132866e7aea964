namespace Tradehall.Core.Moderation;

public static class ModerationModule
{
    public static void AddModeration(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSettings<ModerationOptions>(ModerationOptions.SectionName);
        services.AddScoped<Sanctions>();
        services.AddScoped<ModerationNotices>();
        services.AddScoped<MemberRestrictions>();
        services.AddScoped<IPersonalDataSource, ModerationPersonalData>();
        services.AddScoped<Billing.IOrderingRestrictions, OrderingRestrictions>();
    }

    /// <summary>OPS-02..04: the routes of SPEC §15.2, and lifting and reading sanctions in the operator's console.</summary>
    public static void MapModeration(this IEndpointRouteBuilder app)
    {
        var operators = app.MapGroup("/api/v1/operator/members/{accountId:guid}/sanctions").WithTags("Operator").RequireOperator();
        operators.MapPost("", async (Guid accountId, SanctionRequest request, HttpContext http, Sanctions sanctions, CancellationToken ct) =>
        {
            var created = await sanctions.ImposeAsync(http.User.MemberId(), accountId, request, ct);
            return TypedResults.Created($"/api/v1/operator/members/{accountId}/sanctions/{created.Id}", created);
        }).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        operators.MapGet("", (Guid accountId, Sanctions sanctions, CancellationToken ct) => sanctions.ViewAsync(accountId, ct));
        operators.MapDelete("/{id:guid}", (Guid accountId, Guid id, HttpContext http, Sanctions sanctions, CancellationToken ct) =>
            sanctions.LiftAsync(http.User.MemberId(), accountId, id, ct).ThenNoContent()).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        app.MapGet("/api/v1/me/violations", (HttpContext http, Sanctions sanctions, CancellationToken ct) => sanctions.ViolationsAsync(http.User.MemberId(), ct))
            .WithTags("Account").RequireScope(ApiScopes.Account);
    }
}

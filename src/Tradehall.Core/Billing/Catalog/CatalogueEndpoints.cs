using Microsoft.AspNetCore.Mvc;
using Tradehall.Core.Billing.Services;

namespace Tradehall.Core.Billing.Catalog;

/// <summary>BIL-06, BIL-07, BIL-14: the operator's catalogue and confirmations over the API; the console pages call the same handlers.</summary>
public static class CatalogueEndpoints
{
    public static void MapCatalogueAdmin(this RouteGroupBuilder operators)
    {
        var catalog = operators.MapGroup("/catalog");
        catalog.MapGet("/kinds", (CatalogAdmin admin, CancellationToken ct) => admin.ListAsync(ct));
        catalog.MapPost("/kinds", async (KindRequest request, HttpContext http, CatalogAdmin admin, CancellationToken ct) =>
        {
            var kind = await admin.CreateKindAsync(http.User.MemberId(), request, ct);
            return TypedResults.Created($"/api/v1/operator/catalog/kinds/{kind.Code}", kind);
        });
        catalog.MapPut("/kinds/{code}", (string code, KindRequest request, HttpContext http, CatalogAdmin admin, CancellationToken ct) =>
            admin.UpdateKindAsync(http.User.MemberId(), code, request, ct));
        catalog.MapPost("/kinds/{code}/tariffs", async (string code, TariffRequest request, HttpContext http, CatalogAdmin admin, CancellationToken ct) =>
        {
            var tariff = await admin.CreateTariffAsync(http.User.MemberId(), code, request, ct);
            return TypedResults.Created($"/api/v1/operator/catalog/tariffs/{tariff.Id}", tariff);
        });
        catalog.MapPut("/tariffs/{id:guid}", (Guid id, TariffRequest request, HttpContext http, CatalogAdmin admin, CancellationToken ct) =>
            admin.UpdateTariffAsync(http.User.MemberId(), id, request, ct));
        catalog.MapPost("/tariffs/{id:guid}/close", (Guid id, CloseTariffRequest request, HttpContext http, CatalogAdmin admin, CancellationToken ct) =>
            admin.CloseTariffAsync(http.User.MemberId(), id, request, ct));

        var services = operators.MapGroup("/services");
        services.MapGet("/awaiting", (Confirmation confirmation, CancellationToken ct) => confirmation.AwaitingAsync(CultureInfo.CurrentUICulture.Name, ct));
        services.MapPost("/{id:guid}/confirm", (Guid id, HttpContext http, Confirmation confirmation, CancellationToken ct) =>
            confirmation.ConfirmAsync(http.User.MemberId(), id, ct));
        services.MapPost("/{id:guid}/reject", (Guid id, RejectRequest request, HttpContext http, Confirmation confirmation) =>
            confirmation.RejectCall(http.User.MemberId(), id, request))
            .Idempotent<RejectResult>(StatusCodes.Status200OK, refusals: StatusCodes.Status404NotFound);
    }
}

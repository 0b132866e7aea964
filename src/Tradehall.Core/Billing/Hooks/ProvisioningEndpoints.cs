using Microsoft.AspNetCore.Mvc;

namespace Tradehall.Core.Billing.Hooks;

/// <summary>BIL-24: a kind's webhook and the delivery log over the API; the console pages call the same handlers.</summary>
public static class ProvisioningEndpoints
{
    public static void MapProvisioningHooks(this RouteGroupBuilder operators)
    {
        operators.MapGet("/catalog/kinds/{code}/hook", (string code, KindHooks hooks, CancellationToken ct) => hooks.GetAsync(code, ct));
        operators.MapPut("/catalog/kinds/{code}/hook", (string code, HookRequest request, HttpContext http, KindHooks hooks, CancellationToken ct) =>
            hooks.SetAsync(http.User.MemberId(), code, request, ct));
        operators.MapPost("/catalog/kinds/{code}/hook/secret", (string code, HttpContext http, KindHooks hooks, CancellationToken ct) =>
            hooks.RenewSecretAsync(http.User.MemberId(), code, ct));

        var deliveries = operators.MapGroup("/provisioning/deliveries");
        deliveries.MapGet("", (string? status, string? kind, [AsParameters] PageRequest page, HookDeliveries log, CancellationToken ct) =>
            log.ListAsync(status, kind, page, ct));
        deliveries.MapPost("/{id:guid}/replay", (Guid id, HttpContext http, HookDeliveries log, CancellationToken ct) =>
            log.ReplayAsync(http.User.MemberId(), id, ct));
    }
}

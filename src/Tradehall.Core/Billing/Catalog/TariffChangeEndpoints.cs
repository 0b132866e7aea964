namespace Tradehall.Core.Billing.Catalog;

/// <summary>BIL-14: announced tariff changes — the subscriber's list and objection, the operator's list with counts.</summary>
internal static class TariffChangeEndpoints
{
    public static void MapTariffChanges(this RouteGroupBuilder member, RouteGroupBuilder operators)
    {
        member.MapGet("/tariff-changes", (HttpContext http, TariffAnnouncements announcements, CancellationToken ct) =>
            announcements.ListAsync(http.User.MemberId(), CultureInfo.CurrentUICulture.Name, ct))
            .WithSummary("The tariff changes announced to the subscriber, with the objection window and the answer (BIL-14)");
        member.MapPost("/tariff-changes/{id:guid}/object", (Guid id, TariffObjectionRequest request, HttpContext http, TariffAnnouncements announcements, CancellationToken ct) =>
            announcements.ObjectAsync(http.User.MemberId(), id, request, CultureInfo.CurrentUICulture.Name, ct))
            .WithSummary("Object to an announced tariff change: the service does not renew at the new terms and ends with the period running on the day of the change (BIL-14)")
            .WithDescription("400 naming reason when it is empty; 409 billing.objection_window_closed after the window; 409 billing.already_objected the second time; "
                + "404 for a change not announced to the caller.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        operators.MapGet("/tariff-changes", (TariffAnnouncements announcements, CancellationToken ct) =>
            announcements.OperatorListAsync(CultureInfo.CurrentUICulture.Name, ct))
            .WithSummary("Every announced tariff change with how many subscribers were told, objected and accepted (BIL-14)");
        operators.MapGet("/catalog/grace-presets", (IOptions<BillingOptions> options) => GracePresets.List(options.Value))
            .WithSummary("The grace periods offered for a new service kind, by the name gracePreset takes (BIL-11)");
    }
}

using Microsoft.AspNetCore.Http.HttpResults;
using Tradehall.Core.Privacy.Disclosures;
using Tradehall.Core.Privacy.Exports;
using Tradehall.Core.Privacy.Inventory;

namespace Tradehall.Core.Privacy;

/// <summary>
/// PRV-01, PRV-03, PRV-10: what the site keeps about a member and the export of all of it. It stands above the modules that keep
/// data, which hand over their parts through <see cref="IPersonalDataSource"/>.
/// </summary>
public static class PrivacyModule
{
    /// <summary>How many entries of the register of disclosures the console and the API list, newest first.</summary>
    public const int RegisterPage = 200;

    public static void AddPrivacy(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSettings<PrivacyOptions>(PrivacyOptions.SectionName);
        services.AddScoped<DataInventory>();
        services.AddScoped<DataExports>();
        services.AddScoped<ExportArchive>();
        services.AddSingleton<ExportSignal>();
        services.AddHostedService<ExportWorker>();
        services.AddScoped<DisclosureRegister>();
        services.AddScoped<IPersonalDataSource, DisclosurePersonalData>();
    }

    public static void MapPrivacy(this IEndpointRouteBuilder app)
    {
        var me = app.MapGroup("/api/v1/me").WithTags("Privacy").RequireScope(ApiScopes.Account);
        me.MapGet("/data-inventory", (DataInventory inventory) => TypedResults.Ok(inventory.List()));
        // A second request while one is prepared answers that one (202 with its id): at most one build per member at a time.
        me.MapPost("/exports", async (HttpContext http, DataExports exports, CancellationToken ct) =>
            TypedResults.Accepted("/api/v1/me/exports", await exports.RequestAsync(http.User.MemberId(), ct)));
        me.MapGet("/exports", (HttpContext http, DataExports exports, CancellationToken ct) => exports.ListAsync(http.User.MemberId(), ct));
        me.MapGet("/exports/{id:guid}", (Guid id, HttpContext http, DataExports exports, CancellationToken ct) => exports.GetAsync(http.User.MemberId(), id, ct));
        me.MapGet("/exports/{id:guid}/file", async Task<FileStreamHttpResult> (Guid id, HttpContext http, DataExports exports, CancellationToken ct) =>
        {
            var file = await exports.OpenAsync(http.User.MemberId(), id, ct);
            return TypedResults.File(file.Content, "application/zip", file.FileName);
        });

        // PRV-10: the register of disclosures to authorities, kept by the operator.
        var operators = app.MapGroup("/api/v1/operator/disclosures").WithTags("Operator").RequireOperator();
        operators.MapPost("", async (DisclosureRequest request, HttpContext http, DisclosureRegister register, CancellationToken ct) =>
        {
            var created = await register.RecordAsync(http.User.MemberId(), request, ct);
            return TypedResults.Created($"/api/v1/operator/disclosures/{created.Id}", created);
        });
        operators.MapGet("", (DisclosureRegister register, CancellationToken ct) => register.ListAsync(RegisterPage, ct));
    }
}

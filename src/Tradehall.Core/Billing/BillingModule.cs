using Microsoft.AspNetCore.Mvc;
using Tradehall.Core.Billing.Accounts;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Tradehall.Core.Billing.BankStatements;
using Tradehall.Core.Billing.Catalog;
using Tradehall.Core.Billing.Contract;
using Tradehall.Core.Billing.Run;
using Tradehall.Core.Billing.Services;
using Tradehall.Core.Billing.TopUps;

namespace Tradehall.Core.Billing;

public static class BillingModule
{
    public static void AddBilling(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSettings<BillingOptions>(BillingOptions.SectionName);
        services.AddScoped<Ledger.LedgerPostings>();
        services.AddSingleton<Ledger.LedgerPostings.BalancelessAccounts>();
        services.AddScoped<Ledger.Statements>();
        services.AddScoped<Ledger.ServiceCharges>();
        services.AddScoped<Ledger.Fees>();
        services.AddScoped<Idempotency>();
        services.AddScoped<BillingAccounts>();
        services.AddScoped<IPersonalDataSource, BillingPersonalData>();
        services.AddScoped<IDomainEventSubscriber<MemberRegistered>>(sp => sp.GetRequiredService<BillingAccounts>());
        services.AddScoped<TopUps.TopUpService>();
        services.AddScoped<TopUps.Receipts>();
        services.AddScoped<TopUps.NonResidentCap>();
        services.AddScoped<ServiceCatalog>();
        services.AddScoped<Ordering>();
        services.AddScoped<Entitlements>();
        services.AddScoped<Cancellation>();
        services.AddScoped<TariffSwitch>();
        services.AddScoped<Pausing>();
        services.AddScoped<Resumption>();
        services.AddScoped<Suspensions>();
        services.AddScoped<BillingRun>();
        services.AddSingleton<ResumptionSignal>();
        services.AddSingleton<IInterceptor, TopUpCommitInterceptor>();
        services.AddHostedService<BillingWorker>();
        services.AddScoped<BankStatements.BankStatements>();
        services.AddScoped<BillingNotices>();
        services.AddScoped<CatalogAdmin>();
        services.AddScoped<TariffAnnouncements>();
        services.AddScoped<Confirmation>();
        services.AddScoped<Forecasts.Forecast>();
        services.AddScoped<Refunds.Refunds>();
        services.AddScoped<Credit.Debts>();
        services.AddScoped<IDomainEventSubscriber<PaymentReceived>>(sp => sp.GetRequiredService<Credit.Debts>());
        services.AddScoped<Credit.DebtRun>();
        services.AddScoped<Contract.Termination>();
        services.AddScoped<Contract.ContractTerm>();
        // OPS-02, BIL-18: sanctions' effects on the contract, and the storage fee during an enforcement suspension.
        services.AddScoped<Contract.Enforcement>();
        services.AddScoped<IBillingRunStep, StorageFees>();
        // BIL-24: provisioning webhooks; the answer's timeout is the dispatcher's, on the site's clock.
        services.AddScoped<Hooks.ProvisioningHooks>();
        services.AddScoped<Hooks.HookSecrets>();
        services.AddScoped<Hooks.HookDispatcher>();
        services.AddScoped<Hooks.HookDeliveries>();
        services.AddScoped<Hooks.KindHooks>();
        services.AddHostedService<Hooks.HookWorker>();
        // A redirect is an answer like any other that is not 2xx: following it would post the signed body somewhere else.
        services.AddHttpClient(Hooks.HookDispatcher.ClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
    }

    /// <summary>The ledger's system accounts and the built-in catalogue exist on every site.</summary>
    public static async Task EnsureSeededAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var currency = services.GetRequiredService<IOptions<BillingOptions>>().Value.Currency;
        await services.GetRequiredService<Ledger.LedgerPostings>().EnsureSystemAccountsAsync(currency, cancellationToken);
        await services.GetRequiredService<ServiceCatalog>().EnsureBuiltInAsync(cancellationToken);
        await services.GetRequiredService<ServiceCatalog>().ApplyDuePricesAsync(cancellationToken);
    }

    public static void MapBilling(this IEndpointRouteBuilder app)
    {
        var member = app.MapGroup("/api/v1/billing").WithTags("Billing").RequireScope(ApiScopes.Billing);
        member.MapGet("/account", (HttpContext http, BillingAccounts accounts, CancellationToken ct) => accounts.ViewAsync(http.User.MemberId(), ct));
        member.MapGet("/catalog", (ServiceCatalog catalog, CancellationToken ct) => catalog.ListAsync(CultureInfo.CurrentUICulture.Name, ct));
        member.MapGet("/services", (HttpContext http, Ordering ordering, CancellationToken ct) => ordering.ListAsync(http.User.MemberId(), ct));
        member.MapPost("/services", (OrderRequest request, HttpContext http, Ordering ordering) => ordering.OrderCall(http.User.MemberId(), request))
            .Idempotent<ServiceView>(StatusCodes.Status201Created, refusals: [StatusCodes.Status402PaymentRequired, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound]);
        member.MapPost("/services/{id:guid}/cancel", (Guid id, CancelRequest request, HttpContext http, Cancellation cancellation) =>
            cancellation.CancelCall(http.User.MemberId(), id, request))
            .Idempotent<CancelResult>(StatusCodes.Status200OK, refusals: StatusCodes.Status404NotFound);
        member.MapPost("/services/{id:guid}/pause", (Guid id, HttpContext http, Pausing pausing) => pausing.PauseCall(http.User.MemberId(), id))
            .Idempotent<ServiceView>(StatusCodes.Status200OK, refusals: StatusCodes.Status404NotFound);
        member.MapPost("/services/{id:guid}/resume", (Guid id, HttpContext http, Pausing pausing) => pausing.ResumeCall(http.User.MemberId(), id))
            .Idempotent<ServiceView>(StatusCodes.Status200OK, refusals: [StatusCodes.Status402PaymentRequired, StatusCodes.Status404NotFound]);
        member.MapPost("/services/{id:guid}/switch", (Guid id, SwitchRequest request, HttpContext http, TariffSwitch tariffSwitch, CancellationToken ct) =>
            tariffSwitch.SwitchAsync(http.User.MemberId(), id, request, ct));
        member.MapGet("/transactions", async (HttpContext http, Ledger.Statements statements, DateTime? from, DateTime? to, [AsParameters] PageRequest page,
            CancellationToken ct) =>
        {
            var lines = await statements.ListAsync(http.User.MemberId(), from, to, page, ct);
            Ledger.TransactionPaging.Describe(http, lines);
            // §15 fixes the answer as the array of lines; the paging travels in headers.
            return TypedResults.Ok(lines.Items);
        });
        member.MapPost("/refunds", (Refunds.RefundRequest request, HttpContext http, Refunds.Refunds refunds) => refunds.RefundCall(http.User.MemberId(), request))
            .Idempotent<Refunds.RefundView>(StatusCodes.Status201Created);
        member.MapGet("/refunds", (HttpContext http, Refunds.Refunds refunds, CancellationToken ct) => refunds.ListAsync(http.User.MemberId(), ct));
        member.MapGet("/cap", (HttpContext http, TopUps.NonResidentCap cap, CancellationToken ct) => cap.ViewAsync(http.User.MemberId(), ct));
        member.MapGet("/forecast", (HttpContext http, Forecasts.Forecast forecast, CancellationToken ct) => forecast.ForMemberAsync(http.User.MemberId(), ct));

        // The gateway authenticates by its signature, not by a member's token.
        app.MapPost("/api/v1/payments/gateway", async (HttpContext http, TopUps.TopUpService topUps, CancellationToken ct) =>
        {
            using var buffer = new MemoryStream();
            await http.Request.Body.CopyToAsync(buffer, ct);
            var result = await topUps.ReceiveGatewayPaymentAsync(buffer.ToArray(), http.Request.Headers["X-Signature"], ct);
            return TypedResults.Ok(result);
        }).WithTags("Payments").Public()
            // The body is read as sent, for its signature: its refusals are declared here, not inferred from a parameter.
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status409Conflict);

        var operators = app.MapGroup("/api/v1/operator").WithTags("Operator").RequireOperator();
        operators.MapPost("/accounts/{number}/credits", (string number, CreditRequest request, HttpContext http, TopUps.TopUpService topUps) =>
            topUps.CreditCall(http.User.MemberId(), number, request))
            .Idempotent<TopUps.TopUpResult>(StatusCodes.Status201Created, refusals: StatusCodes.Status404NotFound);
        operators.MapGet("/refunds", (Refunds.Refunds refunds, bool? decided, CancellationToken ct) => refunds.QueueAsync(decided != true, ct));
        operators.MapPost("/refunds/{id:guid}/paid", (Guid id, HttpContext http, Refunds.Refunds refunds) => refunds.RefundPaidCall(http.User.MemberId(), id))
            .Idempotent<Refunds.RefundView>(StatusCodes.Status204NoContent, refusals: StatusCodes.Status404NotFound);
        operators.MapPost("/refunds/{id:guid}/reject", (Guid id, Refunds.RejectRefundRequest request, HttpContext http, Refunds.Refunds refunds, CancellationToken ct) =>
            refunds.RejectAsync(http.User.MemberId(), id, request, ct));
        operators.MapCatalogueAdmin();
        Hooks.ProvisioningEndpoints.MapProvisioningHooks(operators);
        member.MapTariffChanges(operators);
        member.MapContract(operators);
        MapBankStatements(operators, app.ServiceProvider.GetRequiredService<IOptions<BillingOptions>>().Value.BankImport.MaxFileBytes);
    }

    /// <summary>BIL-03 (b): statement import and the suspense queue, for the operator.</summary>
    private static void MapBankStatements(RouteGroupBuilder operators, long maxFileBytes)
    {
        operators.MapPost("/bank-statements", async (IFormFile? file, HttpContext http, BankStatements.BankStatements statements, CancellationToken ct) =>
        {
            if (file is null)
            {
                throw DomainException.Field("billing.statement_missing", "file", "Choose a statement file to upload.");
            }
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, ct);
            return TypedResults.Ok(await statements.ImportAsync(buffer.ToArray(), http.User.MemberId(), ct));
        })
            .DisableAntiforgery() // Bearer tokens only: no cookie rides along, so there is no cross-site request to forge.
            .WithUploadLimit(maxFileBytes);
        operators.MapGet("/suspense", (BankStatements.BankStatements statements, CancellationToken ct) => statements.ListHeldAsync(ct));
        operators.MapPost("/suspense/{id:guid}/assign", (Guid id, AssignRequest request, HttpContext http, BankStatements.BankStatements statements) =>
            statements.AssignCall(http.User.MemberId(), id, request))
            .Idempotent<SuspenseItem>(StatusCodes.Status200OK, refusals: StatusCodes.Status404NotFound);
        operators.MapPost("/suspense/{id:guid}/return", (Guid id, ReturnRequest request, HttpContext http, BankStatements.BankStatements statements) =>
            statements.ReturnCall(http.User.MemberId(), id, request))
            .Idempotent<SuspenseItem>(StatusCodes.Status200OK, refusals: StatusCodes.Status404NotFound);
    }
}

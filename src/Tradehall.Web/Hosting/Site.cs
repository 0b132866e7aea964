using System.Runtime.CompilerServices;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.OpenApi;
using Tradehall.Core.Accounts.Tokens;
using Tradehall.Core.Analytics;
using Tradehall.Core.Archive;
using Tradehall.Core.Data;
using Tradehall.Core.Moderation;
using Tradehall.Core.Notifications;
using Tradehall.Core.Notifications.Live;
using Tradehall.Core.Privacy;
using Tradehall.Core.Shared.Calendar;
using Tradehall.Demo;

namespace Tradehall.Web.Hosting;

/// <summary>Builds the one application the site, the tests and every command-line verb share.</summary>
public static class Site
{
    public static readonly CultureInfo[] Cultures = [new("en"), new("ru")];

    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        // The application is this assembly even when a test runner starts it: pages are found here.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ApplicationName = typeof(Site).Assembly.GetName().Name });
        configure?.Invoke(builder);
        AddServices(builder);
        var app = builder.Build();
        UsePipeline(app);
        return app;
    }

    /// <summary>
    /// RUN-01: the demo data of a Development site. A method of its own, never inlined, because the runtime loads an
    /// assembly when it first compiles a method that names it: a production server never loads Tradehall.Demo or Bogus.
    /// For the same reason no type of the site may hold a demo type (MVC reads the shape of every type here at start);
    /// DemoMarketTests starts a production server and checks what it loaded.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void AddDemoData(IServiceCollection services) => services.AddDemoData();

    private static void AddServices(WebApplicationBuilder builder)
    {
        var services = builder.Services;
        builder.Logging.ClearProviders();
        if (builder.Environment.IsDevelopment())
        {
            // A developer reads the console; machines read JSON (RUN-05).
            builder.Logging.AddSimpleConsole(o =>
            {
                o.SingleLine = true;
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "HH:mm:ss ";
            });
        }
        else
        {
            builder.Logging.AddJsonConsole(o =>
            {
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
            });
        }

        // First of the hosted services: the database is migrated and seeded before any worker starts.
        services.AddHostedService<StartupTasks>();
        if (builder.Environment.IsDevelopment())
        {
            AddDemoData(services);
        }
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();
        services.AddSettings<TradehallOptions>(TradehallOptions.SectionName);
        services.AddSettings<CalendarOptions>(CalendarOptions.SectionName);
        services.AddSingleton<BusinessCalendar>();
        services.AddSingleton<IFileStore, FolderFileStore>();

        builder.AddData();
        builder.AddArchive();
        builder.AddNotifications();
        builder.AddLegal();
        builder.AddAccounts();
        builder.AddBilling();
        builder.AddModeration();
        builder.AddDocuments();
        builder.AddNetwork();
        builder.AddMarketplace();
        builder.AddMessaging();
        builder.AddAnalytics();
        builder.AddPrivacy();

        services.AddScoped<DomainEvents>();
        services.AddProblemDetails();
        services.AddExceptionHandler<ProblemHandler>();
        // Bad JSON reaches the problem handler in every environment, not only in Development.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
            o.SerializerOptions.Converters.Add(new TextConverter());
            // Unknown fields are refused, so nothing like "roles" or "balance" can ride along (SEC-05).
            o.SerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
            // The web defaults read "100" as a number; numbers and money travel as JSON numbers only (SPEC §15).
            o.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
        });
        builder.AddTradehallRateLimits();
        builder.AddTransportSecurity();
        services.AddSettings<HostingOptions>(HostingOptions.SectionName);
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<HostingOptions>>((o, hosting) =>
        {
            // SEC-06: X-Forwarded-For is believed only from the proxies the operator lists.
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var proxy in hosting.Value.TrustedProxies)
            {
                o.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
            }
        });

        services.AddLocalization();
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture("en");
            o.SupportedCultures = Cultures;
            o.SupportedUICultures = Cultures;
            o.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider(), new AcceptLanguageHeaderRequestCultureProvider()];
        });
        services.AddRazorPages(o =>
        {
            o.Conventions.AuthorizeFolder("/Settings");
            o.Conventions.AuthorizeFolder("/Operator", AccountsModule.StaffConsolePolicy);
        }).AddMvcOptions(o => o.Filters.Add<DocumentAcceptanceFilter>()).AddViewLocalization().AddDataAnnotationsLocalization(o =>
            o.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource)));
        services.Configure<CookieTempDataProviderOptions>(o =>
        {
            // The one-time status notes between a form and the page it leads to (SEC-03 cookie rules).
            o.Cookie.Name = "__Host-tradehall-notice";
            o.Cookie.SecurePolicy = CookieSecurePolicy.Always;
            o.Cookie.SameSite = SameSiteMode.Lax;
        });
        services.AddScoped<Tradehall.Web.Pages.Formats>();
        services.AddScoped<Tradehall.Web.Pages.Operator.ConsoleMembers>();
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "__Host-tradehall-csrf";
            o.Cookie.SecurePolicy = CookieSecurePolicy.Always;
        });
        LocalhostAntiforgery.Use(services);
        services.Configure<RouteOptions>(o => o.LowercaseUrls = true);

        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, DeniedAccessLog>();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);
        services.AddOpenApi(o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info = new OpenApiInfo { Title = "Tradehall API", Version = "v1", Description = "Members and operators: everything the site does, as JSON." };
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes["bearer"] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "A personal access token from POST /api/v1/tokens or the Settings page.",
            };
            return Task.CompletedTask;
        }).AddOperationTransformer((operation, context, _) =>
        {
            // BIL-23: a money-changing call takes the key it is run once under.
            if (context.Description.ActionDescriptor.EndpointMetadata.OfType<IdempotentEndpoint>().LastOrDefault() is { } idempotent)
            {
                operation.Parameters ??= [];
                operation.Parameters.Add(new OpenApiParameter
                {
                    Name = Idempotency.Header,
                    In = ParameterLocation.Header,
                    Required = idempotent.KeyRequired,
                    Description = "Any text of 1 to 200 characters, new for each new request; a retry with the same key and body answers the first answer.",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 1, MaxLength = 200 },
                });
            }
            // ACC-12: each operation names the token scope it needs, so the document is the route-to-scope table.
            var access = context.Description.ActionDescriptor.EndpointMetadata.OfType<ApiAccess>().LastOrDefault();
            if (access?.Scope is { } scope)
            {
                operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("bearer", context.Document)] = [scope] }];
                operation.Description = (operation.Description is { Length: > 0 } d ? d + "\n\n" : "")
                    + $"Token scope: `{scope}`" + (access.Role is { } role ? $"; role: `{role}` with a token issued with the second factor." : ".");
            }
            return Task.CompletedTask;
        }));
    }

    private static void UsePipeline(WebApplication app)
    {
        // With no proxy listed the middleware would believe every peer, so it runs only when some are.
        if (app.Services.GetRequiredService<IOptions<HostingOptions>>().Value.TrustedProxies.Count > 0)
        {
            app.UseForwardedHeaders();
        }
        // The API answers problem details; a failing page shows the friendly error page instead.
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandlingPath = "/error",
            StatusCodeSelector = e => e is DomainException d ? d.Status : StatusCodes.Status500InternalServerError,
            // A refusal the caller can act on (a 404 page, a bad request) is no failure of ours: ProblemHandler logs it at
            // Debug; what a handler took care of stays quiet too, as by default; the rest is logged as an error.
            SuppressDiagnosticsCallback = c => c.ExceptionHandledBy == Microsoft.AspNetCore.Diagnostics.ExceptionHandledType.ExceptionHandlerService
                || ProblemHandler.IsExpected(c.Exception),
        });
        app.UseWhen(http => IsApi(http), api => api.UseStatusCodePages(async context =>
        {
            var http = context.HttpContext;
            var status = http.Response.StatusCode;
            var (code, title) = status switch
            {
                401 => ("auth.unauthenticated", "Sign in or send a valid bearer token."),
                403 => ("auth.forbidden", "You may not do this."),
                404 => ("request.not_found", "Not found."),
                405 => ("request.method_not_allowed", "This method is not allowed here."),
                413 => ("request.too_large", "The request body is too large."),
                415 => ("request.unsupported_media_type", "Send JSON with Content-Type: application/json."),
                _ => ("request.failed", "The request failed."),
            };
            await http.RequestServices.GetRequiredService<IProblemDetailsService>().TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = http,
                ProblemDetails = ProblemHandler.Problem(status, code, title),
            });
        }));
        app.UseWhen(http => !IsApi(http), pages => pages.UseStatusCodePagesWithReExecute("/error", "?status={0}"));
        app.UseTransportSecurity();
        app.UseSecurityHeaders();
        app.UseApiBodyLimit();
        app.UseRequestLocalization();
        app.UseStaticFiles();
        app.UseRouting();
        app.UseLiveHubTokens();
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapHealthChecks("/health/live", new() { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new() { Predicate = c => c.Tags.Contains("ready") });
        app.MapOpenApi("/openapi/{documentName}.json");
        if (TransportSecurity.ApiDocsEnabled(app))
        {
            app.UseSwaggerUI(o =>
            {
                o.SwaggerEndpoint("/openapi/v1.json", "Tradehall API v1");
                o.RoutePrefix = "api-docs";
                o.DocumentTitle = "Tradehall API";
            });
        }
        var api = app.MapApi();
        api.MapAccounts();
        api.MapLegal();
        api.MapBilling();
        api.MapModeration();
        api.MapDocuments();
        api.MapNotifications();
        api.MapNetwork();
        api.MapMarketplace();
        api.MapMessaging();
        api.MapAnalytics();
        api.MapPrivacy();
        app.MapRazorPages();
        ApiAccessTable.EnsureDeclared(app);
    }

    public static bool IsApi(HttpContext http) => IsApi(http.Request.Path);

    public static bool IsApi(PathString path) => path.StartsWithSegments("/api");
}

/// <summary>RUN-05: ready means the database answers.</summary>
internal sealed class DatabaseHealthCheck(AppDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await db.Database.CanConnectAsync(cancellationToken) ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("The database does not answer.");
}

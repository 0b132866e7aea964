using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;

namespace Tradehall.Core.Accounts.Tokens;

/// <summary>
/// ACC-12, SEC-05: what a token may do. Every route under <c>/api</c> declares its access with one of
/// <see cref="RequireScope"/>, <see cref="RequireOperator"/> or <see cref="Public"/>; the site refuses to
/// start when one does not (<see cref="ApiAccessTable"/>), so a route cannot be added without choosing.
/// </summary>
[ModuleApi]
public static class ApiScopes
{
    public const string Account = "account";
    public const string Billing = "billing";
    public const string Network = "network";
    public const string Chats = "chats";
    public const string Marketplace = "marketplace";
    public const string Support = "support";
    public const string Operator = "operator";

    /// <summary>Every scope, in the order pages list them.</summary>
    public static readonly string[] All = [Account, Billing, Network, Chats, Marketplace, Support, Operator];

    /// <summary>What any member may hold; <see cref="Operator"/> is for staff who gave their second factor.</summary>
    public static readonly string[] Member = [Account, Billing, Network, Chats, Marketplace, Support];

    public const string OperatorPolicy = "api-operator";

    private static string PolicyName(string scope) => "api-scope:" + scope;

    /// <summary>A member's route: a bearer token that holds <paramref name="scope"/>; any other token gets 403.</summary>
    public static TBuilder RequireScope<TBuilder>(this TBuilder builder, string scope) where TBuilder : IEndpointConventionBuilder
    {
        if (!Member.Contains(scope))
        {
            throw new ArgumentOutOfRangeException(nameof(scope), scope, "Staff routes use RequireOperator.");
        }
        return builder.RequireAuthorization(PolicyName(scope)).WithMetadata(new ApiAccess(scope, null));
    }

    /// <summary>An operator's route: the operator role, the operator scope and a token issued with the second factor.</summary>
    public static TBuilder RequireOperator<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(OperatorPolicy).WithMetadata(new ApiAccess(Operator, Roles.Operator));

    /// <summary>
    /// A route anyone may call. With <paramref name="viewerPolicy"/> a signed-in caller is still known
    /// (for what a page shows to whom); without it the route is anonymous.
    /// </summary>
    public static TBuilder Public<TBuilder>(this TBuilder builder, string? viewerPolicy = null) where TBuilder : IEndpointConventionBuilder =>
        (viewerPolicy is null ? builder.AllowAnonymous() : builder.RequireAuthorization(viewerPolicy)).WithMetadata(ApiAccess.Anyone);

    internal static void AddPolicies(AuthorizationBuilder authorization)
    {
        foreach (var scope in Member)
        {
            authorization.AddPolicy(PolicyName(scope), p => p.AddAuthenticationSchemes(BearerAuthentication.SchemeName)
                .RequireAuthenticatedUser().RequireClaim(BearerAuthentication.ScopeClaim, scope));
        }
        authorization.AddPolicy(OperatorPolicy, p => p.AddAuthenticationSchemes(BearerAuthentication.SchemeName)
            .RequireAuthenticatedUser().RequireRole(Roles.Operator).RequireClaim(BearerAuthentication.ScopeClaim, Operator)
            .RequireAssertion(HasStaffSecondFactor));
    }

    /// <summary>SEC-05: staff powers need a second factor — on a console session or on the token — unless the operator switched that off.</summary>
    internal static bool HasStaffSecondFactor(AuthorizationHandlerContext context) =>
        context.User.HasClaim("amr", "mfa")
        || context.Resource is HttpContext http && !http.RequestServices.GetRequiredService<IOptions<AccountsOptions>>().Value.StaffRequireTwoFactor;

    /// <summary>
    /// The scopes a token gets, or the errors naming <c>scopes</c>: none named means every scope the holder may have;
    /// an empty list, an unknown name or a staff scope the holder may not have is refused (ACC-12).
    /// </summary>
    public static string[] Grant(string[]? requested, bool staffWithSecondFactor, Shared.FieldErrors errors)
    {
        var allowed = staffWithSecondFactor ? All : Member;
        if (requested is null)
        {
            return allowed;
        }
        if (requested.Length == 0)
        {
            errors.Add("scopes", "Choose at least one scope.");
            return [];
        }
        var unknown = requested.Where(s => !All.Contains(s)).ToArray();
        if (unknown.Length > 0)
        {
            errors.Add("scopes", $"Unknown scopes: {string.Join(", ", unknown.Select(s => $"'{s}'"))}. Choose from {string.Join(", ", All)}.");
            return [];
        }
        if (requested.Contains(Operator) && !staffWithSecondFactor)
        {
            errors.Add("scopes", "The operator scope is for staff who sign in with their second factor: send the authenticator code as totp.");
            return [];
        }
        return [.. All.Where(requested.Contains)];
    }
}

/// <summary>What a route under <c>/api</c> asks of its caller: a scope (and for staff routes a role), or nothing.</summary>
public sealed record ApiAccess(string? Scope, string? Role)
{
    public static readonly ApiAccess Anyone = new(null, null);
}

/// <summary>The routes under <c>/api</c> with the access each declares: the table the access tests walk and the site checks at start.</summary>
public static class ApiAccessTable
{
    public static IReadOnlyList<(RouteEndpoint Endpoint, ApiAccess? Access)> Read(IEnumerable<Endpoint> endpoints) =>
        [.. endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.TrimStart('/').StartsWith("api/", StringComparison.Ordinal) == true)
            .Select(e => (e, e.Metadata.GetMetadata<ApiAccess>()))];

    /// <summary>Throws at start when a route under /api has not declared its access.</summary>
    public static void EnsureDeclared(IEndpointRouteBuilder app)
    {
        var missing = Read(app.DataSources.SelectMany(d => d.Endpoints)).Where(r => r.Access is null).Select(r => r.Endpoint.DisplayName).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException("API routes without a declared scope (RequireScope, RequireOperator or Public): " + string.Join("; ", missing));
        }
    }
}

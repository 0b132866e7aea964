using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Tradehall.Core.Accounts.Email;
using Tradehall.Core.Accounts.Phone;
using Tradehall.Core.Accounts.Registration;
using Tradehall.Core.Accounts.Sessions;
using Tradehall.Core.Accounts.Settings;
using Tradehall.Core.Accounts.SignIn;

namespace Tradehall.Core.Accounts;

public static class AccountsModule
{
    public const string StaffConsolePolicy = "staff-console";
    public const string OperatorConsolePolicy = "operator-console";
    public const string CookieName = "__Host-tradehall";

    public static void AddAccounts(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSettings<AccountsOptions>(AccountsOptions.SectionName);

        services.AddIdentity<Member, Role>()
            .AddEntityFrameworkStores<AppDbContext>()
            .AddUserManager<MemberManager>()
            .AddTokenProvider<OneTimeTokenProvider>(OneTimeTokenProvider.Name)
            .AddTokenProvider<AuthenticatorTokenProvider>(AuthenticatorTokenProvider.Name)
            .AddPasswordValidator<PasswordRules>()
            .AddErrorDescriber<AccountErrorDescriber>();
        services.AddOptions<IdentityOptions>().Configure<IOptions<AccountsOptions>>((o, accounts) =>
        {
            var a = accounts.Value;
            o.User.RequireUniqueEmail = true;
            o.User.AllowedUserNameCharacters = "";
            o.Password.RequiredLength = a.PasswordMinLength;
            // Length and the breached list matter; composition rules only push people to predictable patterns.
            o.Password.RequireDigit = false;
            o.Password.RequireLowercase = false;
            o.Password.RequireUppercase = false;
            o.Password.RequireNonAlphanumeric = false;
            o.Password.RequiredUniqueChars = 1;
            o.Lockout.AllowedForNewUsers = true;
            o.Lockout.MaxFailedAccessAttempts = a.LockoutFailures;
            o.Lockout.DefaultLockoutTimeSpan = a.LockoutDuration;
            o.SignIn.RequireConfirmedAccount = false;
            o.Tokens.EmailConfirmationTokenProvider = OneTimeTokenProvider.Name;
            o.Tokens.PasswordResetTokenProvider = OneTimeTokenProvider.Name;
            o.Tokens.ChangeEmailTokenProvider = OneTimeTokenProvider.Name;
            o.Tokens.AuthenticatorTokenProvider = AuthenticatorTokenProvider.Name;
        });
        services.AddOptions<PasswordHasherOptions>().Configure<IOptions<AccountsOptions>>((o, a) => o.IterationCount = a.Value.PasswordHashIterations);
        services.AddOptions<SecurityStampValidatorOptions>().Configure<IOptions<AccountsOptions>, IServiceScopeFactory>((o, a, scopes) =>
        {
            o.ValidationInterval = a.Value.SecurityStampInterval;
            // SEC-05: the periodic refresh rebuilds the principal from the database, which drops how the session signed in;
            // the second-factor mark is carried over while the member still has a second factor, so a console stays open.
            o.OnRefreshingPrincipal = async context =>
            {
                if (context.CurrentPrincipal?.HasClaim("amr", "mfa") != true || context.NewPrincipal?.Identity is not ClaimsIdentity identity)
                {
                    return;
                }
                await using var scope = scopes.CreateAsyncScope();
                var member = await scope.ServiceProvider.GetRequiredService<UserManager<Member>>().GetUserAsync(context.NewPrincipal);
                if (member?.TwoFactorEnabled == true)
                {
                    identity.AddClaim(new Claim("amr", "mfa"));
                }
            };
        });

        services.AddSingleton<SessionTicketStore>();
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<SessionTicketStore, IOptions<AccountsOptions>>((o, store, accounts) =>
            {
                o.SessionStore = store;
                o.Cookie.Name = CookieName;
                o.Cookie.SecurePolicy = CookieSecurePolicy.Always;
                o.Cookie.HttpOnly = true;
                // Lax: links from emails and other sites arrive signed in; cross-site POSTs do not.
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.ExpireTimeSpan = accounts.Value.RememberMeIdleTimeout;
                o.SlidingExpiration = true;
                o.LoginPath = "/account/sign-in";
                o.LogoutPath = "/account/sign-out";
                o.AccessDeniedPath = "/account/access-denied";
            });
        foreach (var scheme in new[] { IdentityConstants.TwoFactorUserIdScheme, IdentityConstants.TwoFactorRememberMeScheme, IdentityConstants.ExternalScheme })
        {
            services.Configure<CookieAuthenticationOptions>(scheme, o =>
            {
                o.Cookie.Name = CookieName + "-" + scheme.Split('.').Last().ToLowerInvariant();
                o.Cookie.SecurePolicy = CookieSecurePolicy.Always;
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
            });
        }

        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, BearerAuthentication>(BearerAuthentication.SchemeName, null);
        var authorization = services.AddAuthorizationBuilder()
            .AddPolicy(StaffConsolePolicy, p => p.AddAuthenticationSchemes(IdentityConstants.ApplicationScheme)
                .RequireAuthenticatedUser().RequireRole(Roles.Staff).RequireAssertion(ApiScopes.HasStaffSecondFactor))
            .AddPolicy(OperatorConsolePolicy, p => p.AddAuthenticationSchemes(IdentityConstants.ApplicationScheme)
                .RequireAuthenticatedUser().RequireRole(Roles.Operator).RequireAssertion(ApiScopes.HasStaffSecondFactor));
        ApiScopes.AddPolicies(authorization);

        services.AddScoped<PhoneVerification>();
        services.AddScoped<PhoneFlows>();
        services.AddScoped<EmailFlows>();
        services.AddScoped<AccountEmails>();
        services.AddScoped<RegisterMember>();
        services.AddScoped<SignInFlows>();
        services.AddScoped<KnownDevices>();
        services.AddSingleton<UnknownAddressLockout>();
        services.AddScoped<ApiTokens>();
        services.AddScoped<AccountSessions>();
        services.AddScoped<SecuritySettings>();
        services.AddScoped<Reauthentication>();
        services.AddScoped<GetMe>();
        services.AddScoped<IPersonalDataSource, AccountPersonalData>();
        services.AddScoped<MemberLookup>();
        services.AddScoped<MemberOverviews>();
        services.AddScoped<Staff>();
    }

    public static void MapAccounts(this IEndpointRouteBuilder app)
    {
        var open = app.MapGroup("/api/v1").WithTags("Account").Public();
        open.MapPost("/account/register", async (RegisterRequest request, RegisterMember handler, CancellationToken ct) =>
        {
            var result = await handler.HandleAsync(request, ct);
            return TypedResults.Created("/api/v1/me", result);
        }).RequireRateLimiting(RateLimits.Auth);
        open.MapPost("/account/email/confirm", (ConfirmEmailRequest request, EmailFlows flows, CancellationToken ct) =>
            flows.ConfirmAsync(request, ct).ThenNoContent()).RequireRateLimiting(RateLimits.Auth);
        open.MapPost("/account/password/forgot", async (ForgotPasswordRequest request, SignInFlows flows, CancellationToken ct) =>
        {
            await flows.RequestPasswordResetAsync(request, ct);
            return TypedResults.Accepted((string?)null);
        }).RequireRateLimiting(RateLimits.Auth);
        open.MapPost("/account/password/reset", (ResetPasswordRequest request, SignInFlows flows, CancellationToken ct) =>
            flows.ResetPasswordAsync(request, ct).ThenNoContent()).RequireRateLimiting(RateLimits.Auth);
        open.MapPost("/account/email/change/confirm", (ConfirmEmailChangeRequest request, EmailFlows flows, CancellationToken ct) =>
            flows.ConfirmChangeAsync(request, ct).ThenNoContent()).RequireRateLimiting(RateLimits.Auth);
        open.MapPost("/account/email/revert", (RevertEmailRequest request, EmailFlows flows, CancellationToken ct) =>
            flows.RevertChangeAsync(request, ct).ThenNoContent()).RequireRateLimiting(RateLimits.Auth);
        open.MapPost("/tokens", async (CreateTokenRequest request, SignInFlows flows, CancellationToken ct) =>
        {
            var result = await flows.CreateTokenAsync(request, ct);
            return TypedResults.Created("/api/v1/tokens", result);
        }).RequireRateLimiting(RateLimits.Auth);

        var member = app.MapGroup("/api/v1").WithTags("Account").RequireScope(ApiScopes.Account);
        member.MapGet("/me", (HttpContext http, GetMe handler) => handler.HandleAsync(http.User.MemberId()));
        member.MapPost("/account/phone/confirm", (ConfirmPhoneRequest request, HttpContext http, PhoneFlows flows, CancellationToken ct) =>
            flows.ConfirmAsync(http.User.MemberId(), request, ct).ThenNoContent()).RequireRateLimiting(RateLimits.Phone);
        member.MapPost("/account/phone/resend", (HttpContext http, PhoneFlows flows, CancellationToken ct) =>
            flows.ResendAsync(http.User.MemberId(), ct).ThenNoContent()).RequireRateLimiting(RateLimits.Phone);
        member.MapPut("/me/phone", async (ChangePhoneRequest request, HttpContext http, PhoneFlows flows, CancellationToken ct) =>
        {
            await flows.RequestChangeAsync(http.User.MemberId(), request, ct);
            return TypedResults.Accepted("/api/v1/me");
        }).RequireRateLimiting(RateLimits.Phone);
        member.MapPost("/account/email/resend", (HttpContext http, EmailFlows flows, CancellationToken ct) =>
            flows.ResendConfirmationAsync(http.User.MemberId(), ct).ThenNoContent()).RequireRateLimiting(RateLimits.Auth);
        member.MapPut("/me/email", async (ChangeEmailRequest request, HttpContext http, EmailFlows flows, CancellationToken ct) =>
        {
            await flows.RequestChangeAsync(http.User.MemberId(), request, ct);
            return TypedResults.Accepted("/api/v1/me");
        }).RequireRateLimiting(RateLimits.Auth);
        member.MapPut("/me/password", (ChangePasswordRequest request, HttpContext http, SecuritySettings settings, CancellationToken ct) =>
            settings.ChangePasswordAsync(http.User.MemberId(), null, request, ct).ThenNoContent()).RequireRateLimiting(RateLimits.Auth);
        member.MapGet("/tokens", async (HttpContext http, ApiTokens tokens, CancellationToken ct) =>
            (await tokens.ListAsync(http.User.MemberId(), ct)).Select(TokenListItem.Of));
        member.MapDelete("/tokens/{id:guid}", (Guid id, HttpContext http, ApiTokens tokens, CancellationToken ct) =>
            tokens.RevokeAsync(http.User.MemberId(), id, ct).ThenNoContent());
        member.MapGet("/me/sessions", (HttpContext http, AccountSessions sessions, CancellationToken ct) =>
            sessions.ListAsync(http.User.MemberId(), null, ct));
        member.MapDelete("/me/sessions/{id:guid}", (Guid id, HttpContext http, AccountSessions sessions, CancellationToken ct) =>
            sessions.EndAsync(http.User.MemberId(), id, ct).ThenNoContent());
    }
}

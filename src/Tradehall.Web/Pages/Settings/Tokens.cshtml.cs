using Tradehall.Core.Accounts.Tokens;

namespace Tradehall.Web.Pages.Settings;

/// <summary>ACC-12: personal access tokens — made here, shown once, revoked at any time.</summary>
public sealed class TokensModel(ApiTokens tokens, IOptions<AccountsOptions> options, TimeProvider time) : TradehallPageModel
{
    public DateTime Now { get; } = time.UtcNow();

    [BindProperty] public string? Name { get; set; }
    [BindProperty] public List<string> Scopes { get; set; } = [];
    [BindProperty] public int? ExpiresInDays { get; set; }

    public IReadOnlyList<ApiToken> Tokens { get; private set; } = [];

    /// <summary>The scopes this member may choose: the operator scope only for staff signed in with their second factor (SEC-05).</summary>
    public IReadOnlyList<string> Offered => Roles.Staff.Any(User.IsInRole) && (User.HasClaim("amr", "mfa") || !options.Value.StaffRequireTwoFactor)
        ? ApiScopes.All : ApiScopes.Member;

    /// <summary>The secret of the token just made; it is never shown again.</summary>
    public IssuedToken? Created { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        ExpiresInDays = options.Value.ApiTokenDays;
        Scopes = [ApiScopes.Account];
        await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var request = new CreateOwnTokenRequest { Name = Name, Scopes = [.. Scopes], ExpiresInDays = ExpiresInDays };
        if (await TryAsync(async () => Created = await tokens.CreateAsync(User.MemberId(), request, User.HasClaim("amr", "mfa"), cancellationToken),
                nameof(Name), nameof(Scopes), nameof(ExpiresInDays)))
        {
            Name = null;
        }
        await LoadAsync(cancellationToken);
        return Page();
    }

    public Task<IActionResult> OnPostRevokeAsync(Guid id, CancellationToken cancellationToken) =>
        SubmitAsync(() => tokens.RevokeAsync(User.MemberId(), id, cancellationToken),
            L["The token is revoked. Programs using it can no longer call the API."], "/settings/tokens", () => LoadAsync(cancellationToken));

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        Tokens = await tokens.ListAsync(User.MemberId(), cancellationToken);
}

using Tradehall.Core.Accounts.Registration;

namespace Tradehall.Web.Pages.Account;

/// <summary>ACC-01..04: the sign-up form; the rules live in <see cref="RegisterMember"/>.</summary>
[EnableRateLimiting(RateLimits.Auth)]
public sealed class RegisterModel(RegisterMember register, SignInManager<Member> signIn) : TradehallPageModel
{
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Password { get; set; }
    [BindProperty] public string? FirstName { get; set; }
    [BindProperty] public string? LastName { get; set; }
    [BindProperty] public Gender Gender { get; set; }
    [BindProperty] public DateOnly? DateOfBirth { get; set; }
    [BindProperty] public string? City { get; set; }
    [BindProperty] public string? Phone { get; set; }
    [BindProperty] public bool AcceptTerms { get; set; }
    [BindProperty] public bool AcceptPrivacy { get; set; }

    public IActionResult OnGet() => User.Identity?.IsAuthenticated == true ? LocalRedirect("/") : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (AlreadySignedIn() is { } signedIn)
        {
            return signedIn;
        }
        // The handler checks every field; binding messages would only repeat its answers in English.
        ModelState.Clear();
        var request = new RegisterRequest
        {
            Email = Email,
            Password = Password,
            FirstName = FirstName,
            LastName = LastName,
            Gender = Gender,
            DateOfBirth = DateOfBirth,
            City = City,
            Phone = Phone,
            AcceptTerms = AcceptTerms,
            AcceptPrivacy = AcceptPrivacy,
        };
        Member? member = null;
        if (!await TryAsync(async () => member = await register.HandleForSignInAsync(request, cancellationToken),
                nameof(Email), nameof(Password), nameof(FirstName), nameof(LastName), nameof(Gender), nameof(DateOfBirth),
                nameof(City), nameof(Phone), nameof(AcceptTerms), nameof(AcceptPrivacy)))
        {
            return Page();
        }
        await signIn.SignInAsync(member!, isPersistent: false);
        Notice(L["Welcome to Tradehall! We sent a code to your phone and a confirmation link to your email."]);
        return LocalRedirect("/account/confirm-phone");
    }
}

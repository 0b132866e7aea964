using Microsoft.AspNetCore.Identity;
using Tradehall.Core.Accounts.Phone;

namespace Tradehall.Core.Accounts.Registration;

public sealed record RegisterRequest
{
    [Required(ErrorMessage = "Enter your email address."), EmailAddress(ErrorMessage = "Enter a valid email address."), MaxLength(254)]
    public string? Email { get; init; }

    [Required(ErrorMessage = "Choose a password.")]
    public string? Password { get; init; }

    [Required(ErrorMessage = "Enter your first name."), MaxLength(100), VisibleText]
    public string? FirstName { get; init; }

    [Required(ErrorMessage = "Enter your last name."), MaxLength(100), VisibleText]
    public string? LastName { get; init; }

    public Gender Gender { get; init; }

    [Required(ErrorMessage = "Enter your date of birth.")]
    public DateOnly? DateOfBirth { get; init; }

    [Required(ErrorMessage = "Enter your city."), MaxLength(100), VisibleText]
    public string? City { get; init; }

    [Required(ErrorMessage = "Enter your mobile phone number.")]
    public string? Phone { get; init; }

    public bool AcceptTerms { get; init; }
    public bool AcceptPrivacy { get; init; }
}

public sealed record RegisterResponse(Guid AccountId, string Token);

/// <summary>
/// ACC-01..04: creates an account, records consent to the current Terms and Privacy Policy, sends
/// the phone code and the email link, and issues an API token — all in one transaction, or nothing.
/// </summary>
public sealed class RegisterMember(
    AppDbContext db, UserManager<Member> users, IOptions<AccountsOptions> options, IOptions<TradehallOptions> site,
    TimeProvider time, IRegistrationConsents consents, PhoneVerification phones, AccountEmails emails, ApiTokens tokens,
    EvidenceArchive archive, IHttpContextAccessor http, IStringLocalizer<SharedResource> text, DomainEvents events)
{
    /// <summary>The JSON door: the new account and an API token to go on with.</summary>
    public async Task<RegisterResponse> HandleAsync(RegisterRequest request, CancellationToken cancellationToken)
    {
        var (member, token) = await RegisterAsync(request, issueToken: true, cancellationToken);
        return new RegisterResponse(member.Id, token!);
    }

    /// <summary>The page door: the new account, which the page signs in with a cookie instead of a token.</summary>
    public async Task<Member> HandleForSignInAsync(RegisterRequest request, CancellationToken cancellationToken) =>
        (await RegisterAsync(request, issueToken: false, cancellationToken)).Member;

    private async Task<(Member Member, string? Token)> RegisterAsync(RegisterRequest request, bool issueToken, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var errors = FieldErrors.FromAnnotations(request);
        var email = request.Email?.Trim() ?? "";
        ContactRules.CheckEmail(email, o, errors);
        var phone = ContactRules.CheckPhone(request.Phone, o, errors);
        if (request.DateOfBirth is { } born)
        {
            var today = time.Today(site.Value.Zone);
            if (born > today || born.Year < 1900)
            {
                errors.Add(nameof(request.DateOfBirth), "Enter a real date of birth.");
            }
            else if (born.AddYears(o.MinimumAge) > today)
            {
                errors.Add(nameof(request.DateOfBirth), text["You must be at least {0} years old to register.", o.MinimumAge]);
            }
        }
        if (!request.AcceptTerms)
        {
            errors.Add(nameof(request.AcceptTerms), "Accept the Terms of Service to register.");
        }
        if (!request.AcceptPrivacy)
        {
            errors.Add(nameof(request.AcceptPrivacy), "Accept the Privacy Policy to register.");
        }
        var member = new Member
        {
            Id = Guid.CreateVersion7(),
            UserName = email,
            Email = email,
            FirstName = request.FirstName?.Trim() ?? "",
            LastName = request.LastName?.Trim() ?? "",
            Gender = request.Gender,
            DateOfBirth = request.DateOfBirth ?? default,
            City = request.City?.Trim() ?? "",
            PhoneNumber = phone,
            Culture = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "ru" ? "ru" : "en",
            RegisteredAt = time.UtcNow(),
            LockoutEnabled = true,
        };
        if (request.Password is { } password)
        {
            foreach (var validator in users.PasswordValidators)
            {
                var result = await validator.ValidateAsync(users, member, password);
                foreach (var error in result.Errors)
                {
                    errors.Add(nameof(request.Password), error.Description);
                }
            }
        }
        errors.ThrowIfAny("account.registration_invalid", "Some fields need attention.");

        var documents = await consents.CurrentAsync(cancellationToken);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await EnsureUnusedAsync(email, phone!, cancellationToken);
        var created = await users.CreateAsync(member, request.Password!);
        if (!created.Succeeded)
        {
            throw new DomainException("account.registration_invalid", string.Join(" ", created.Errors.Select(e => e.Description)));
        }
        var ip = http.HttpContext?.Connection.RemoteIpAddress?.ToString();
        consents.Accept(member.Id, documents, ip);
        var twin = await db.Set<Member>().AsNoTracking()
            .Where(m => m.Id != member.Id && m.LastName == member.LastName && m.FirstName == member.FirstName && m.DateOfBirth == member.DateOfBirth)
            .Select(m => (Guid?)m.Id)
            .FirstOrDefaultAsync(cancellationToken);
        if (twin is { } existing)
        {
            db.Set<PossibleDuplicate>().Add(new PossibleDuplicate { MemberId = member.Id, ExistingMemberId = existing, FlaggedAt = time.UtcNow() });
        }
        archive.Record("account.registered", $"member:{member.Id}", member.Id,
            after: new { terms = documents.TermsVersion, privacy = documents.PrivacyVersion, possibleDuplicateOf = twin });
        await events.PublishAsync(new MemberRegistered(member), cancellationToken);
        await phones.IssueAsync(member, phone!, cancellationToken);
        await emails.SendConfirmationAsync(member);
        var token = issueToken ? (await tokens.IssueAsync(member, "Registration", null, null, twoFactor: false, via: "registration")).Token : null;
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (member, token);
    }

    /// <summary>ACC-04: a confirmed or pending email or phone belongs to one account only.</summary>
    private async Task EnsureUnusedAsync(string email, string phone, CancellationToken cancellationToken)
    {
        var normalized = users.NormalizeEmail(email);
        if (await db.Set<Member>().AnyAsync(m => m.NormalizedEmail == normalized, cancellationToken))
        {
            throw DomainException.Conflict("account.email_taken", "email", "An account with this email address already exists. Sign in or reset your password.");
        }
        if (await db.Set<Member>().AnyAsync(m => m.PhoneNumber == phone, cancellationToken))
        {
            throw DomainException.Conflict("account.phone_taken", "phone", "This phone number is already used by another account.");
        }
    }
}

using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Tradehall.Core.Accounts.Registration;

namespace Tradehall.Core.Legal.Subscribers;

/// <summary>
/// The body of <c>PUT /api/v1/me/legal</c>: one shape for the three types of subscriber. Which
/// fields are required, and which are refused, depends on <see cref="Type"/> (KYC-01).
/// </summary>
public sealed record SaveLegalDataRequest : LegalDetails
{
    [JsonPropertyOrder(-1)] public SubscriberType? Type { get; init; }
    [JsonPropertyOrder(-1)] public bool? Resident { get; init; }
    [JsonPropertyOrder(-1)] public string? Country { get; init; }
    [JsonPropertyOrder(-1)] public string? NotificationPhone { get; init; }
    [JsonPropertyOrder(-1)] public string? Email { get; init; }
}

/// <summary>Lengths of the free-text legal fields, shared by the rules and the database columns.</summary>
internal static class LegalLimits
{
    public const int PersonName = 100;
    public const int DocumentType = 100;
    public const int DocumentNumber = 30;
    public const int OrganisationName = 300;
    public const int LegalForm = 100;
    public const int CertificateSeries = 10;
    public const int CertificateNumber = 20;
    public const int Address = 500;
    public const int Email = 254;
}

/// <summary>
/// KYC-01..05: saves a member's legal data after checking every field of its type (KYC-02 checksums
/// included), keeps the previous content as a version (KYC-04), protects the sensitive fields
/// (KYC-05) and records the change, masked, in the evidence archive (ARC-01).
/// </summary>
public sealed partial class SaveLegalData(
    AppDbContext db, SensitiveText sensitive, ShowLegalData show, EvidenceArchive archive, TimeProvider time,
    IOptions<AccountsOptions> accounts, IOptions<TradehallOptions> site)
{
    private static readonly DateOnly Earliest = new(1900, 1, 1);

    /// <summary>The JSON door: the request replaces the saved data as a whole.</summary>
    public Task<LegalDataResponse> HandleAsync(Guid memberId, SaveLegalDataRequest request, CancellationToken cancellationToken) =>
        SaveAsync(memberId, request, keepSavedSensitive: false, cancellationToken);

    /// <summary>
    /// The page door: only the fields of the chosen type are taken, whatever else the form sent; and a form never shows
    /// sensitive values back, so a sensitive field left empty keeps the value saved before, as long as the type stays the same.
    /// </summary>
    public Task<LegalDataResponse> HandleFormAsync(Guid memberId, SaveLegalDataRequest request, CancellationToken cancellationToken) =>
        SaveAsync(memberId, request, keepSavedSensitive: true, cancellationToken);

    private async Task<LegalDataResponse> SaveAsync(Guid memberId, SaveLegalDataRequest request, bool keepSavedSensitive, CancellationToken cancellationToken)
    {
        var row = await db.Set<LegalSubscriber>().FirstOrDefaultAsync(s => s.MemberId == memberId, cancellationToken);
        var saved = row is null ? null : LegalSnapshot.Read(row, sensitive);
        if (keepSavedSensitive)
        {
            request = request.OnlyFieldsOf<SaveLegalDataRequest>(request.Type);
            if (saved is not null && saved.Type == request.Type)
            {
                request = request.KeepingSensitive<SaveLegalDataRequest>(saved);
            }
        }
        var snapshot = Validate(request);
        if (row is not null && snapshot == saved)
        {
            // Nothing changed: no new version, no archive record.
            return show.Respond(saved, row.Version, row.UpdatedAt);
        }

        var now = time.UtcNow();
        var previousVersion = row?.Version;
        if (row is null)
        {
            row = new LegalSubscriber { MemberId = memberId, Country = "", NotificationPhone = "", Email = "", CreatedAt = now };
            db.Set<LegalSubscriber>().Add(row);
        }
        snapshot.WriteTo(row, sensitive);
        row.Version++;
        row.UpdatedAt = now;
        db.Set<LegalSubscriberVersion>().Add(new LegalSubscriberVersion
        {
            MemberId = memberId,
            Version = row.Version,
            Type = snapshot.Type,
            ChangedAt = now,
            ChangedById = memberId,
            Snapshot = snapshot.Seal(sensitive),
        });
        // Masked values only: the archive is evidence, not a second copy of the secrets.
        archive.Record("legal.data_changed", $"member:{memberId}", memberId,
            before: saved is null ? null : new { version = previousVersion, data = saved.ToView() },
            after: new { version = row.Version, data = snapshot.ToView() });
        await db.SaveChangesAsync(cancellationToken);
        return show.Respond(snapshot, row.Version, now);
    }

    /// <summary>Checks the request against the rules of its type and answers its clean content, or throws with every field error.</summary>
    private LegalSnapshot Validate(SaveLegalDataRequest r)
    {
        var type = r.Type ?? throw new DomainException("legal.invalid", "Some fields need attention.", StatusCodes.Status400BadRequest,
            new Dictionary<string, string[]> { ["type"] = ["Choose the type of subscriber."] });
        var errors = new FieldErrors();
        foreach (var field in r.GivenFields().Except(LegalDetails.FieldsOf[type]))
        {
            errors.Add(field, "This field does not belong to this type of subscriber.");
        }

        if (r.Resident is null)
        {
            errors.Add("resident", "Say whether the subscriber is a resident of the Russian Federation.");
        }
        var country = Text(r.Country)?.ToUpperInvariant();
        if (country is null)
        {
            errors.Add("country", "Choose the country.");
        }
        else if (!Countries.IsAssigned(country))
        {
            errors.Add("country", "Choose a country from the list: a two-letter ISO 3166 code such as RU.");
        }
        var o = accounts.Value;
        var notificationPhone = Required(errors, "notificationPhone", r.NotificationPhone, "Enter a phone number for notifications.");
        notificationPhone = ContactRules.CheckPhone(notificationPhone, o, errors, "notificationPhone");
        var email = Required(errors, "email", r.Email, "Enter an email address for notifications.");
        if (email is not null && (email.Length > LegalLimits.Email || !new EmailAddressAttribute().IsValid(email)))
        {
            errors.Add("email", "Enter a valid email address.");
        }
        ContactRules.CheckEmail(email, o, errors);

        var snapshot = new LegalSnapshot
        {
            Type = type,
            Resident = r.Resident ?? false,
            Country = country ?? "",
            NotificationPhone = notificationPhone ?? "",
            Email = email ?? "",
        };
        snapshot = type switch
        {
            SubscriberType.Individual => Individual(r, snapshot, errors),
            SubscriberType.LegalEntity => LegalEntity(r, snapshot, errors),
            _ => Entrepreneur(r, snapshot, errors),
        };
        errors.ThrowIfAny("legal.invalid", "Some fields need attention.");
        return snapshot;
    }

    private LegalSnapshot Individual(SaveLegalDataRequest r, LegalSnapshot s, FieldErrors errors)
    {
        var documentNumber = Required(errors, "documentNumber", r.DocumentNumber, "Enter the series and number of the document.");
        if (documentNumber is not null && (documentNumber.Length > LegalLimits.DocumentNumber || !DocumentNumberPattern().IsMatch(documentNumber)))
        {
            errors.Add("documentNumber", "The series and number may hold letters, digits, spaces and hyphens, at most 30 characters.");
        }
        return s with
        {
            LastName = errors.RequiredText("lastName", r.LastName, "Enter the last name as in the identity document.", LegalLimits.PersonName),
            FirstName = errors.RequiredText("firstName", r.FirstName, "Enter the first name as in the identity document.", LegalLimits.PersonName),
            Patronymic = Limited(errors, "patronymic", Text(r.Patronymic), LegalLimits.PersonName),
            DocumentType = errors.RequiredText("documentType", r.DocumentType, "Enter the type of the identity document.", LegalLimits.DocumentType),
            DocumentNumber = documentNumber,
            DocumentIssuedOn = PastDate(errors, "documentIssuedOn", r.DocumentIssuedOn, "Enter the date the document was issued."),
        };
    }

    private LegalSnapshot LegalEntity(SaveLegalDataRequest r, LegalSnapshot s, FieldErrors errors)
    {
        var inn = Checked(errors, "inn", Digits(errors, "inn", r.Inn, 10, "Enter the INN.", "The INN of an organisation has 10 digits."), LegalChecksums.IsValidInn10,
            "The INN is not valid: its control digit does not match.");
        var kpp = Checked(errors, "kpp", Required(errors, "kpp", r.Kpp, "Enter the KPP.")?.ToUpperInvariant(), LegalChecksums.IsValidKpp,
            "The KPP has 9 characters: digits, and capital Latin letters only in the 5th and 6th places.");
        var ogrn = Checked(errors, "ogrn", Digits(errors, "ogrn", r.Ogrn, 13, "Enter the OGRN.", "The OGRN has 13 digits."), LegalChecksums.IsValidOgrn,
            "The OGRN is not valid: its control digit does not match.");
        return Bank(r, errors, s with
        {
            Name = errors.RequiredText("name", r.Name, "Enter the name of the organisation.", LegalLimits.OrganisationName),
            LegalForm = errors.RequiredText("legalForm", r.LegalForm, "Enter the legal form, for example LLC.", LegalLimits.LegalForm),
            Inn = inn,
            Kpp = kpp,
            Ogrn = ogrn,
            LegalAddress = errors.RequiredText("legalAddress", r.LegalAddress, "Enter the legal address.", LegalLimits.Address),
            PostalAddress = errors.RequiredText("postalAddress", r.PostalAddress, "Enter the postal address.", LegalLimits.Address),
        });
    }

    private LegalSnapshot Entrepreneur(SaveLegalDataRequest r, LegalSnapshot s, FieldErrors errors)
    {
        var inn = Checked(errors, "inn", Digits(errors, "inn", r.Inn, 12, "Enter the INN.", "The INN of an individual entrepreneur has 12 digits."), LegalChecksums.IsValidInn12,
            "The INN is not valid: its control digits do not match.");
        var ogrnip = Checked(errors, "ogrnip", Digits(errors, "ogrnip", r.Ogrnip, 15, "Enter the OGRNIP.", "The OGRNIP has 15 digits."), LegalChecksums.IsValidOgrnip,
            "The OGRNIP is not valid: its control digit does not match.");
        return Bank(r, errors, s with
        {
            LastName = errors.RequiredText("lastName", r.LastName, "Enter the last name as in the identity document.", LegalLimits.PersonName),
            FirstName = errors.RequiredText("firstName", r.FirstName, "Enter the first name as in the identity document.", LegalLimits.PersonName),
            Patronymic = Limited(errors, "patronymic", Text(r.Patronymic), LegalLimits.PersonName),
            Inn = inn,
            Ogrnip = ogrnip,
            // Record sheets issued since 2017 instead of certificates carry no series.
            CertificateSeries = Limited(errors, "certificateSeries", Text(r.CertificateSeries), LegalLimits.CertificateSeries),
            CertificateNumber = errors.RequiredText("certificateNumber", r.CertificateNumber, "Enter the number of the state registration certificate.", LegalLimits.CertificateNumber),
            CertificateDate = PastDate(errors, "certificateDate", r.CertificateDate, "Enter the date of the state registration certificate."),
            PostalAddress = errors.RequiredText("postalAddress", r.PostalAddress, "Enter the postal address.", LegalLimits.Address),
        });
    }

    /// <summary>Bank details and the phone, shared by organisations and entrepreneurs.</summary>
    private LegalSnapshot Bank(SaveLegalDataRequest r, FieldErrors errors, LegalSnapshot s)
    {
        var bic = Digits(errors, "bic", r.Bic, 9, "Enter the BIC of the bank.", "The BIC has 9 digits.");
        var settlement = Digits(errors, "settlementAccount", r.SettlementAccount, 20, "Enter the settlement account.", "The settlement account has 20 digits.");
        var correspondent = Digits(errors, "correspondentAccount", r.CorrespondentAccount, 20, "Enter the correspondent account.", "The correspondent account has 20 digits.");
        if (bic is not null && settlement is not null && !LegalChecksums.IsValidSettlementAccount(settlement, bic))
        {
            errors.Add("settlementAccount", "The settlement account does not match the BIC: check both.");
        }
        if (bic is not null && correspondent is not null && !LegalChecksums.IsValidCorrespondentAccount(correspondent, bic))
        {
            errors.Add("correspondentAccount", "The correspondent account does not match the BIC: check both.");
        }
        var phone = ContactRules.CheckPhone(Required(errors, "phone", r.Phone, "Enter a contact phone number."), accounts.Value, errors, receivesSms: false);
        return s with { Bic = bic, SettlementAccount = settlement, CorrespondentAccount = correspondent, Phone = phone };
    }

    private static bool Blank(string? value) => string.IsNullOrWhiteSpace(value);

    private static string? Text(string? value) => Blank(value) ? null : value!.Trim();

    private static string? Required(FieldErrors errors, string field, string? value, string message)
    {
        var text = Text(value);
        if (text is null)
        {
            errors.Add(field, message);
        }
        return text;
    }

    private static string? Limited(FieldErrors errors, string field, string? value, int maxLength)
    {
        if (value is not null && value.Length > maxLength)
        {
            errors.Add(field, "This value is too long.");
        }
        return value;
    }

    /// <summary>The value as given, with <paramref name="invalid"/> added when it is there and fails <paramref name="valid"/>.</summary>
    private static string? Checked(FieldErrors errors, string field, string? value, Func<string, bool> valid, string invalid)
    {
        if (value is not null && !valid(value))
        {
            errors.Add(field, invalid);
        }
        return value;
    }

    /// <summary>A number of exactly <paramref name="length"/> digits; spaces people type between groups are dropped.</summary>
    private static string? Digits(FieldErrors errors, string field, string? value, int length, string missing, string shape)
    {
        var text = Required(errors, field, value, missing);
        if (text is null)
        {
            return null;
        }
        var compact = string.Concat(text.Where(c => c != ' '));
        if (!LegalChecksums.IsDigits(compact, length))
        {
            errors.Add(field, shape);
            return null;
        }
        return compact;
    }

    private DateOnly? PastDate(FieldErrors errors, string field, DateOnly? value, string missing)
    {
        if (value is not { } day)
        {
            errors.Add(field, missing);
            return null;
        }
        if (day < Earliest || day > time.Today(site.Value.Zone))
        {
            errors.Add(field, "Enter a real date, not in the future.");
        }
        return day;
    }

    [GeneratedRegex(@"^[\p{L}\d][\p{L}\d \-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex DocumentNumberPattern();
}

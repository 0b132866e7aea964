using System.Text.Json.Serialization;

namespace Tradehall.Core.Legal.Subscribers;

/// <summary>
/// The plain content of one version of a subscriber's legal data. It lives in memory only: at rest
/// its sensitive parts are protected (KYC-05), and it is shown only through <see cref="ToView"/>.
/// </summary>
internal sealed record LegalSnapshot : LegalDetails
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    [JsonPropertyOrder(-1)] public SubscriberType Type { get; init; }
    [JsonPropertyOrder(-1)] public bool Resident { get; init; }
    [JsonPropertyOrder(-1)] public string Country { get; init; } = "";
    [JsonPropertyOrder(-1)] public string NotificationPhone { get; init; } = "";
    [JsonPropertyOrder(-1)] public string Email { get; init; } = "";

    /// <summary>How documents name the subscriber: the organisation with its legal form, or the person's full name.</summary>
    [JsonIgnore]
    public string DisplayName => Type == SubscriberType.LegalEntity
        ? $"{LegalForm} {Name}".Trim()
        : string.Join(' ', new[] { LastName, FirstName, Patronymic }.Where(p => !string.IsNullOrEmpty(p)));

    public static LegalSnapshot Read(LegalSubscriber s, SensitiveText sensitive) => new()
    {
        Type = s.Type,
        Resident = s.Resident,
        Country = s.Country,
        NotificationPhone = s.NotificationPhone,
        Email = s.Email,
        LastName = s.LastName,
        FirstName = s.FirstName,
        Patronymic = s.Patronymic,
        DocumentType = s.DocumentType,
        DocumentNumber = sensitive.Unprotect(s.DocumentNumber),
        DocumentIssuedOn = s.DocumentIssuedOn,
        Name = s.Name,
        LegalForm = s.LegalForm,
        Inn = sensitive.Unprotect(s.Inn),
        Kpp = s.Kpp,
        Ogrn = s.Ogrn,
        Ogrnip = s.Ogrnip,
        CertificateSeries = s.CertificateSeries,
        CertificateNumber = s.CertificateNumber,
        CertificateDate = s.CertificateDate,
        LegalAddress = s.LegalAddress,
        PostalAddress = s.PostalAddress,
        Bic = sensitive.Unprotect(s.Bic),
        SettlementAccount = sensitive.Unprotect(s.SettlementAccount),
        CorrespondentAccount = sensitive.Unprotect(s.CorrespondentAccount),
        Phone = s.Phone,
    };

    /// <summary>Writes this content into the current-version row, protecting the sensitive fields.</summary>
    public void WriteTo(LegalSubscriber s, SensitiveText sensitive)
    {
        s.Type = Type;
        s.Resident = Resident;
        s.Country = Country;
        s.NotificationPhone = NotificationPhone;
        s.Email = Email;
        s.LastName = LastName;
        s.FirstName = FirstName;
        s.Patronymic = Patronymic;
        s.DocumentType = DocumentType;
        s.DocumentNumber = sensitive.Protect(DocumentNumber);
        s.DocumentIssuedOn = DocumentIssuedOn;
        s.Name = Name;
        s.LegalForm = LegalForm;
        s.Inn = sensitive.Protect(Inn);
        s.Kpp = Kpp;
        s.Ogrn = Ogrn;
        s.Ogrnip = Ogrnip;
        s.CertificateSeries = CertificateSeries;
        s.CertificateNumber = CertificateNumber;
        s.CertificateDate = CertificateDate;
        s.LegalAddress = LegalAddress;
        s.PostalAddress = PostalAddress;
        s.Bic = sensitive.Protect(Bic);
        s.SettlementAccount = sensitive.Protect(SettlementAccount);
        s.CorrespondentAccount = sensitive.Protect(CorrespondentAccount);
        s.Phone = Phone;
    }

    /// <summary>The whole content as one protected text, for the history (KYC-04, KYC-05).</summary>
    public string Seal(SensitiveText sensitive) => sensitive.Protect(JsonSerializer.Serialize(this, Json))!;

    public static LegalSnapshot Unseal(string sealedText, SensitiveText sensitive) =>
        JsonSerializer.Deserialize<LegalSnapshot>(sensitive.Unprotect(sealedText)!, Json)
        ?? throw new InvalidOperationException("A legal data version holds no content.");

    /// <summary>
    /// What may be shown (KYC-05): document numbers, a person's INN and bank details masked; an
    /// organisation's INN, KPP and OGRN are public registry data and shown in full.
    /// </summary>
    public LegalDataView ToView() => new(WithSensitive<LegalDetails>(Type, SensitiveText.Mask))
    {
        Type = Type,
        Resident = Resident,
        Country = Country,
        NotificationPhone = NotificationPhone,
        Email = Email,
    };
}

/// <summary>
/// A subscriber's legal data as it may be shown: the fields of its type, sensitive ones masked
/// (<c>•••• 1234</c>). Fields of the other types are left out.
/// </summary>
public record LegalDataView : LegalDetails
{
    public LegalDataView()
    {
    }

    public LegalDataView(LegalDetails details) : base(details)
    {
    }

    [JsonPropertyOrder(-1)] public SubscriberType Type { get; init; }
    [JsonPropertyOrder(-1)] public bool Resident { get; init; }
    [JsonPropertyOrder(-1)] public string Country { get; init; } = "";
    [JsonPropertyOrder(-1)] public string NotificationPhone { get; init; } = "";
    [JsonPropertyOrder(-1)] public string Email { get; init; } = "";
}

/// <summary>The answer of <c>GET</c> and <c>PUT /api/v1/me/legal</c>: the masked data, its version and the KYC-04 reminder.</summary>
public sealed record LegalDataResponse : LegalDataView
{
    public LegalDataResponse(LegalDataView data) : base(data)
    {
    }

    public int Version { get; init; }
    public DateTime UpdatedAt { get; init; }

    /// <summary>KYC-04: changes must be reported within this many working days.</summary>
    public int ChangeReportWorkingDays { get; init; }

    /// <summary>The same reminder in words, in the request's language.</summary>
    public string Reminder { get; init; } = "";
}

/// <summary>One entry of <c>GET /api/v1/me/legal/history</c> (KYC-04).</summary>
public sealed record LegalDataVersionView(int Version, DateTime ChangedAt, Guid ChangedBy, LegalDataView Data);

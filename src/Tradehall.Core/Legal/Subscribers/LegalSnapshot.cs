using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tradehall.Core.Legal.Subscribers;

/// <summary>
/// The plain content of one version of a subscriber's legal data. It lives in memory only: at rest
/// its sensitive parts are protected (KYC-05), and it is shown only through <see cref="ToView"/>.
/// </summary>
internal sealed record LegalSnapshot
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public SubscriberType Type { get; init; }
    public bool Resident { get; init; }
    public string Country { get; init; } = "";
    public string NotificationPhone { get; init; } = "";
    public string Email { get; init; } = "";
    public string? LastName { get; init; }
    public string? FirstName { get; init; }
    public string? Patronymic { get; init; }
    public string? DocumentType { get; init; }
    public string? DocumentNumber { get; init; }
    public DateOnly? DocumentIssuedOn { get; init; }
    public string? Name { get; init; }
    public string? LegalForm { get; init; }
    public string? Inn { get; init; }
    public string? Kpp { get; init; }
    public string? Ogrn { get; init; }
    public string? Ogrnip { get; init; }
    public string? CertificateSeries { get; init; }
    public string? CertificateNumber { get; init; }
    public DateOnly? CertificateDate { get; init; }
    public string? LegalAddress { get; init; }
    public string? PostalAddress { get; init; }
    public string? Bic { get; init; }
    public string? SettlementAccount { get; init; }
    public string? CorrespondentAccount { get; init; }
    public string? Phone { get; init; }

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
    public LegalDataView ToView() => new()
    {
        Type = Type,
        Resident = Resident,
        Country = Country,
        NotificationPhone = NotificationPhone,
        Email = Email,
        LastName = LastName,
        FirstName = FirstName,
        Patronymic = Patronymic,
        DocumentType = DocumentType,
        DocumentNumber = SensitiveText.Mask(DocumentNumber),
        DocumentIssuedOn = DocumentIssuedOn,
        Name = Name,
        LegalForm = LegalForm,
        Inn = Type == SubscriberType.LegalEntity ? Inn : SensitiveText.Mask(Inn),
        Kpp = Kpp,
        Ogrn = Ogrn,
        Ogrnip = Ogrnip,
        CertificateSeries = CertificateSeries,
        CertificateNumber = CertificateNumber,
        CertificateDate = CertificateDate,
        LegalAddress = LegalAddress,
        PostalAddress = PostalAddress,
        Bic = SensitiveText.Mask(Bic),
        SettlementAccount = SensitiveText.Mask(SettlementAccount),
        CorrespondentAccount = SensitiveText.Mask(CorrespondentAccount),
        Phone = Phone,
    };
}

/// <summary>
/// A subscriber's legal data as it may be shown: the fields of its type, sensitive ones masked
/// (<c>•••• 1234</c>). Fields of the other types are left out.
/// </summary>
public record LegalDataView
{
    public SubscriberType Type { get; init; }
    public bool Resident { get; init; }
    public string Country { get; init; } = "";
    public string NotificationPhone { get; init; } = "";
    public string Email { get; init; } = "";
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? LastName { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? FirstName { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Patronymic { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? DocumentType { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? DocumentNumber { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public DateOnly? DocumentIssuedOn { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Name { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? LegalForm { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Inn { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Kpp { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Ogrn { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Ogrnip { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? CertificateSeries { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? CertificateNumber { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public DateOnly? CertificateDate { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? LegalAddress { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? PostalAddress { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Bic { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? SettlementAccount { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? CorrespondentAccount { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Phone { get; init; }
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

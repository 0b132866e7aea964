using System.Text.Json.Serialization;

namespace Tradehall.Core.Legal.Subscribers;

/// <summary>
/// KYC-01: the fields that depend on the type of subscriber, as the request, the stored content and the view all carry
/// them, with the rules of which belong to which type and, KYC-05, which are sensitive — for every door of the module.
/// </summary>
public abstract record LegalDetails
{
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

    /// <summary>KYC-01: the fields each type of subscriber has, besides the common ones, by their JSON names.</summary>
    public static readonly IReadOnlyDictionary<SubscriberType, string[]> FieldsOf = new Dictionary<SubscriberType, string[]>
    {
        [SubscriberType.Individual] = ["lastName", "firstName", "patronymic", "documentType", "documentNumber", "documentIssuedOn"],
        [SubscriberType.LegalEntity] = ["name", "legalForm", "inn", "kpp", "ogrn", "legalAddress", "postalAddress", "bic", "settlementAccount", "correspondentAccount", "phone"],
        [SubscriberType.Entrepreneur] = ["lastName", "firstName", "patronymic", "inn", "ogrnip", "certificateSeries", "certificateNumber", "certificateDate", "postalAddress", "bic", "settlementAccount", "correspondentAccount", "phone"],
    };

    /// <summary>Every field by its JSON name, whether it is given (an empty text is not) and the details without it.</summary>
    private static readonly (string Name, Func<LegalDetails, bool> Given, Func<LegalDetails, LegalDetails> Without)[] Fields =
    [
        ("lastName", d => !Blank(d.LastName), d => d with { LastName = null }),
        ("firstName", d => !Blank(d.FirstName), d => d with { FirstName = null }),
        ("patronymic", d => !Blank(d.Patronymic), d => d with { Patronymic = null }),
        ("documentType", d => !Blank(d.DocumentType), d => d with { DocumentType = null }),
        ("documentNumber", d => !Blank(d.DocumentNumber), d => d with { DocumentNumber = null }),
        ("documentIssuedOn", d => d.DocumentIssuedOn is not null, d => d with { DocumentIssuedOn = null }),
        ("name", d => !Blank(d.Name), d => d with { Name = null }),
        ("legalForm", d => !Blank(d.LegalForm), d => d with { LegalForm = null }),
        ("inn", d => !Blank(d.Inn), d => d with { Inn = null }),
        ("kpp", d => !Blank(d.Kpp), d => d with { Kpp = null }),
        ("ogrn", d => !Blank(d.Ogrn), d => d with { Ogrn = null }),
        ("ogrnip", d => !Blank(d.Ogrnip), d => d with { Ogrnip = null }),
        ("certificateSeries", d => !Blank(d.CertificateSeries), d => d with { CertificateSeries = null }),
        ("certificateNumber", d => !Blank(d.CertificateNumber), d => d with { CertificateNumber = null }),
        ("certificateDate", d => d.CertificateDate is not null, d => d with { CertificateDate = null }),
        ("legalAddress", d => !Blank(d.LegalAddress), d => d with { LegalAddress = null }),
        ("postalAddress", d => !Blank(d.PostalAddress), d => d with { PostalAddress = null }),
        ("bic", d => !Blank(d.Bic), d => d with { Bic = null }),
        ("settlementAccount", d => !Blank(d.SettlementAccount), d => d with { SettlementAccount = null }),
        ("correspondentAccount", d => !Blank(d.CorrespondentAccount), d => d with { CorrespondentAccount = null }),
        ("phone", d => !Blank(d.Phone), d => d with { Phone = null }),
    ];

    /// <summary>The fields given, by their JSON names.</summary>
    public IEnumerable<string> GivenFields() => Fields.Where(f => f.Given(this)).Select(f => f.Name);

    /// <summary>Only the fields of <paramref name="type"/>: whatever else a form sent is left out.</summary>
    public T OnlyFieldsOf<T>(SubscriberType? type) where T : LegalDetails
    {
        var kept = type is { } t ? FieldsOf[t] : [];
        return (T)Fields.Where(f => !kept.Contains(f.Name)).Aggregate(this, (details, f) => f.Without(details));
    }

    /// <summary>
    /// KYC-05: whether any sensitive value is given — document numbers, bank details and a person's INN (an
    /// organisation's INN is public registry data).
    /// </summary>
    public bool HasSensitive(SubscriberType? type) =>
        new[] { DocumentNumber, type == SubscriberType.LegalEntity ? null : Inn, Bic, SettlementAccount, CorrespondentAccount }.Any(v => !Blank(v));

    /// <summary>KYC-05: the same details with every sensitive value passed through <paramref name="change"/> (masked for a view, dropped for a form).</summary>
    public T WithSensitive<T>(SubscriberType? type, Func<string?, string?> change) where T : LegalDetails => (T)(this with
    {
        DocumentNumber = change(DocumentNumber),
        Inn = type == SubscriberType.LegalEntity ? Inn : change(Inn),
        Bic = change(Bic),
        SettlementAccount = change(SettlementAccount),
        CorrespondentAccount = change(CorrespondentAccount),
    });

    /// <summary>KYC-05: a form never shows sensitive values back, so one left empty keeps the value saved before.</summary>
    internal T KeepingSensitive<T>(LegalDetails saved) where T : LegalDetails => (T)(this with
    {
        DocumentNumber = Blank(DocumentNumber) ? saved.DocumentNumber : DocumentNumber,
        Inn = Blank(Inn) ? saved.Inn : Inn,
        Bic = Blank(Bic) ? saved.Bic : Bic,
        SettlementAccount = Blank(SettlementAccount) ? saved.SettlementAccount : SettlementAccount,
        CorrespondentAccount = Blank(CorrespondentAccount) ? saved.CorrespondentAccount : CorrespondentAccount,
    });

    private static bool Blank(string? value) => string.IsNullOrWhiteSpace(value);
}

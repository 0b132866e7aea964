using Tradehall.Core.Legal;
using Tradehall.Core.Legal.Subscribers;

namespace Tradehall.Web.Pages.Settings;

/// <summary>
/// KYC-01..05: the subscriber's legal data. The type is chosen first (a plain GET form, no script
/// needed), then the fields of that type; the rules live in <see cref="SaveLegalData"/>.
/// </summary>
public sealed class LegalModel(SaveLegalData save, ShowLegalData show, GetMe me) : TradehallPageModel
{
    /// <summary>Form fields in page order, for the error summary and for messages beside the fields.</summary>
    private static readonly string[] FormFields =
    [
        nameof(Type), nameof(LastName), nameof(FirstName), nameof(Patronymic), nameof(DocumentType), nameof(DocumentNumber), nameof(DocumentIssuedOn),
        nameof(Name), nameof(LegalForm), nameof(Inn), nameof(Kpp), nameof(Ogrn), nameof(Ogrnip),
        nameof(CertificateSeries), nameof(CertificateNumber), nameof(CertificateDate), nameof(LegalAddress), nameof(PostalAddress),
        nameof(Bic), nameof(SettlementAccount), nameof(CorrespondentAccount), nameof(Phone),
        nameof(Resident), nameof(Country), nameof(NotificationPhone), nameof(Email),
    ];

    [BindProperty] public SubscriberType? Type { get; set; }
    [BindProperty] public bool? Resident { get; set; }
    [BindProperty] public string? Country { get; set; }
    [BindProperty] public string? NotificationPhone { get; set; }
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? LastName { get; set; }
    [BindProperty] public string? FirstName { get; set; }
    [BindProperty] public string? Patronymic { get; set; }
    [BindProperty] public string? DocumentType { get; set; }
    [BindProperty] public string? DocumentNumber { get; set; }
    [BindProperty] public DateOnly? DocumentIssuedOn { get; set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? LegalForm { get; set; }
    [BindProperty] public string? Inn { get; set; }
    [BindProperty] public string? Kpp { get; set; }
    [BindProperty] public string? Ogrn { get; set; }
    [BindProperty] public string? Ogrnip { get; set; }
    [BindProperty] public string? CertificateSeries { get; set; }
    [BindProperty] public string? CertificateNumber { get; set; }
    [BindProperty] public DateOnly? CertificateDate { get; set; }
    [BindProperty] public string? LegalAddress { get; set; }
    [BindProperty] public string? PostalAddress { get; set; }
    [BindProperty] public string? Bic { get; set; }
    [BindProperty] public string? SettlementAccount { get; set; }
    [BindProperty] public string? CorrespondentAccount { get; set; }
    [BindProperty] public string? Phone { get; set; }

    /// <summary>The data saved so far, masked; null before the first save.</summary>
    public LegalDataResponse? Saved { get; private set; }

    public string Reminder => show.Reminder;

    /// <summary>True after a refused form whose sensitive values were not sent back and must be entered again.</summary>
    public bool SensitiveCleared { get; private set; }

    /// <summary>The saved value of a sensitive field, masked, when the form leaves it empty to keep it.</summary>
    public string? Kept(Func<LegalDataView, string?> field) =>
        Saved is not null && Saved.Type == Type ? field(Saved) : null;

    public async Task OnGetAsync(SubscriberType? type, CancellationToken cancellationToken)
    {
        Saved = await show.FindAsync(User.MemberId(), cancellationToken);
        Type = type ?? Saved?.Type;
        if (Saved is not null && Saved.Type == Type)
        {
            Fill(Saved);
        }
        else
        {
            var account = await me.HandleAsync(User.MemberId());
            NotificationPhone = account.Phone;
            Email = account.Email;
            Country = "RU";
            if (Type is SubscriberType.Individual or SubscriberType.Entrepreneur)
            {
                LastName = account.LastName;
                FirstName = account.FirstName;
            }
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        // The handler checks every field; binding messages would only repeat its answers in English.
        ModelState.Clear();
        if (await TryAsync(() => save.HandleFormAsync(User.MemberId(), BuildRequest(), cancellationToken), FormFields))
        {
            Notice(L["Your legal details are saved."]);
            return LocalRedirect("/settings/legal");
        }
        Saved = await show.FindAsync(User.MemberId(), cancellationToken);
        // KYC-05: sensitive values typed in are not sent back to the browser; an organisation's INN is public.
        var personInn = Type != SubscriberType.LegalEntity && !string.IsNullOrWhiteSpace(Inn);
        SensitiveCleared = personInn || new[] { DocumentNumber, Bic, SettlementAccount, CorrespondentAccount }.Any(v => !string.IsNullOrWhiteSpace(v));
        DocumentNumber = Bic = SettlementAccount = CorrespondentAccount = null;
        if (personInn)
        {
            Inn = null;
        }
        return Page();
    }

    /// <summary>Only the fields of the chosen type go to the handler; whatever else the browser sent is left out.</summary>
    private SaveLegalDataRequest BuildRequest()
    {
        var fields = Type is { } type ? SaveLegalData.FieldsOf[type] : [];
        string? Of(string field, string? value) => fields.Contains(field) ? value : null;
        return new SaveLegalDataRequest
        {
            Type = Type,
            Resident = Resident,
            Country = Country,
            NotificationPhone = NotificationPhone,
            Email = Email,
            LastName = Of("lastName", LastName),
            FirstName = Of("firstName", FirstName),
            Patronymic = Of("patronymic", Patronymic),
            DocumentType = Of("documentType", DocumentType),
            DocumentNumber = Of("documentNumber", DocumentNumber),
            DocumentIssuedOn = fields.Contains("documentIssuedOn") ? DocumentIssuedOn : null,
            Name = Of("name", Name),
            LegalForm = Of("legalForm", LegalForm),
            Inn = Of("inn", Inn),
            Kpp = Of("kpp", Kpp),
            Ogrn = Of("ogrn", Ogrn),
            Ogrnip = Of("ogrnip", Ogrnip),
            CertificateSeries = Of("certificateSeries", CertificateSeries),
            CertificateNumber = Of("certificateNumber", CertificateNumber),
            CertificateDate = fields.Contains("certificateDate") ? CertificateDate : null,
            LegalAddress = Of("legalAddress", LegalAddress),
            PostalAddress = Of("postalAddress", PostalAddress),
            Bic = Of("bic", Bic),
            SettlementAccount = Of("settlementAccount", SettlementAccount),
            CorrespondentAccount = Of("correspondentAccount", CorrespondentAccount),
            Phone = Of("phone", Phone),
        };
    }

    /// <summary>Puts the saved values back into the form, except the sensitive ones, which are never shown in full.</summary>
    private void Fill(LegalDataResponse s)
    {
        Resident = s.Resident;
        Country = s.Country;
        NotificationPhone = s.NotificationPhone;
        Email = s.Email;
        LastName = s.LastName;
        FirstName = s.FirstName;
        Patronymic = s.Patronymic;
        DocumentType = s.DocumentType;
        DocumentIssuedOn = s.DocumentIssuedOn;
        Name = s.Name;
        LegalForm = s.LegalForm;
        // An organisation's INN is public registry data and shown in full; a person's stays masked.
        Inn = s.Type == SubscriberType.LegalEntity ? s.Inn : null;
        Kpp = s.Kpp;
        Ogrn = s.Ogrn;
        Ogrnip = s.Ogrnip;
        CertificateSeries = s.CertificateSeries;
        CertificateNumber = s.CertificateNumber;
        CertificateDate = s.CertificateDate;
        LegalAddress = s.LegalAddress;
        PostalAddress = s.PostalAddress;
        Phone = s.Phone;
    }

    /// <summary>The saved data as label and value pairs, in the order of the form.</summary>
    public IEnumerable<(string Label, string Value)> SavedRows()
    {
        if (Saved is not { } s)
        {
            yield break;
        }
        (string, string?)[] rows =
        [
            (L["Type of subscriber"], TypeName(s.Type)),
            (L["Organisation name"], s.Name), (L["Legal form"], s.LegalForm),
            (L["Last name"], s.LastName), (L["First name"], s.FirstName), (L["Patronymic"], s.Patronymic),
            (L["Identity document"], s.DocumentType), (L["Series and number"], s.DocumentNumber),
            (L["Date of issue"], s.DocumentIssuedOn is { } issued ? Fmt.Day(issued) : null),
            (L["INN"], s.Inn), (L["KPP"], s.Kpp), (L["OGRN"], s.Ogrn), (L["OGRNIP"], s.Ogrnip),
            (L["Certificate series"], s.CertificateSeries), (L["Certificate number"], s.CertificateNumber),
            (L["Certificate date"], s.CertificateDate is { } date ? Fmt.Day(date) : null),
            (L["Legal address"], s.LegalAddress), (L["Postal address"], s.PostalAddress),
            (L["BIC"], s.Bic), (L["Settlement account"], s.SettlementAccount), (L["Correspondent account"], s.CorrespondentAccount),
            (L["Phone"], s.Phone),
            (L["Resident of the Russian Federation"], s.Resident ? L["Yes"] : L["No"]),
            (L["Country"], CountryNames.Name(s.Country)),
            (L["Phone for notifications"], s.NotificationPhone), (L["Email for notifications"], s.Email),
        ];
        foreach (var (label, value) in rows)
        {
            if (!string.IsNullOrEmpty(value))
            {
                yield return (label, value);
            }
        }
    }

    public string TypeName(SubscriberType type) => type switch
    {
        SubscriberType.Individual => L["Individual"],
        SubscriberType.LegalEntity => L["Legal entity"],
        _ => L["Individual entrepreneur"],
    };

    private Formats Fmt => HttpContext.RequestServices.GetRequiredService<Formats>();
}

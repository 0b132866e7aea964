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
        var sent = FormRequest();
        if (await TryAsync(() => save.HandleFormAsync(User.MemberId(), sent, cancellationToken), FormFields))
        {
            Notice(L["Your legal details are saved."]);
            return LocalRedirect("/settings/legal");
        }
        Saved = await show.FindAsync(User.MemberId(), cancellationToken);
        // KYC-05: sensitive values typed in are not sent back to the browser.
        SensitiveCleared = sent.HasSensitive(Type);
        Show(sent.WithSensitive<LegalDetails>(Type, _ => null));
        return Page();
    }

    /// <summary>The form as sent; the handler's page door takes only the fields of the chosen type.</summary>
    private SaveLegalDataRequest FormRequest() => new()
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
        DocumentNumber = DocumentNumber,
        DocumentIssuedOn = DocumentIssuedOn,
        Name = Name,
        LegalForm = LegalForm,
        Inn = Inn,
        Kpp = Kpp,
        Ogrn = Ogrn,
        Ogrnip = Ogrnip,
        CertificateSeries = CertificateSeries,
        CertificateNumber = CertificateNumber,
        CertificateDate = CertificateDate,
        LegalAddress = LegalAddress,
        PostalAddress = PostalAddress,
        Bic = Bic,
        SettlementAccount = SettlementAccount,
        CorrespondentAccount = CorrespondentAccount,
        Phone = Phone,
    };

    /// <summary>Puts the saved values back into the form, except the sensitive ones (KYC-05), which are never shown in full.</summary>
    private void Fill(LegalDataResponse s)
    {
        Resident = s.Resident;
        Country = s.Country;
        NotificationPhone = s.NotificationPhone;
        Email = s.Email;
        Show(s.WithSensitive<LegalDetails>(s.Type, _ => null));
    }

    /// <summary>The fields of the types into the form.</summary>
    private void Show(LegalDetails d)
    {
        (LastName, FirstName, Patronymic, DocumentType, DocumentNumber, DocumentIssuedOn) = (d.LastName, d.FirstName, d.Patronymic, d.DocumentType, d.DocumentNumber, d.DocumentIssuedOn);
        (Name, LegalForm, Inn, Kpp, Ogrn, Ogrnip) = (d.Name, d.LegalForm, d.Inn, d.Kpp, d.Ogrn, d.Ogrnip);
        (CertificateSeries, CertificateNumber, CertificateDate, LegalAddress, PostalAddress) = (d.CertificateSeries, d.CertificateNumber, d.CertificateDate, d.LegalAddress, d.PostalAddress);
        (Bic, SettlementAccount, CorrespondentAccount, Phone) = (d.Bic, d.SettlementAccount, d.CorrespondentAccount, d.Phone);
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

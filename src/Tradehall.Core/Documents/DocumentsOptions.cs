namespace Tradehall.Core.Documents;

/// <summary>
/// DOC-02: the operator's details printed on every document. The defaults describe a fictional demo
/// operator so a fresh site renders sample documents; a real operator replaces every value.
/// </summary>
public sealed class DocumentsOptions
{
    public const string SectionName = "Documents";

    [Required, MaxLength(200)]
    public string LegalName { get; set; } = "Tradehall Demo Operator LLC";

    [Required, RegularExpression("^[0-9]{10}$", ErrorMessage = "Documents:Inn must be the 10 digits of an organisation's INN.")]
    public string Inn { get; set; } = "7700000000";

    [Required, RegularExpression("^[0-9]{9}$", ErrorMessage = "Documents:Kpp must be 9 digits.")]
    public string Kpp { get; set; } = "770001001";

    [Required, RegularExpression("^[0-9]{13}$", ErrorMessage = "Documents:Ogrn must be 13 digits.")]
    public string Ogrn { get; set; } = "1000000000000";

    [Required, MaxLength(300)]
    public string Address { get; set; } = "Demo street 1, Moscow, 101000, Russia (demo address)";

    [Required, MaxLength(200)]
    public string BankName { get; set; } = "Demo Bank JSC (demo)";

    [Required, RegularExpression("^[0-9]{9}$", ErrorMessage = "Documents:Bic must be 9 digits.")]
    public string Bic { get; set; } = "044500000";

    [Required, RegularExpression("^[0-9]{20}$", ErrorMessage = "Documents:SettlementAccount must be 20 digits.")]
    public string SettlementAccount { get; set; } = "40702810000000000000";

    [Required, RegularExpression("^[0-9]{20}$", ErrorMessage = "Documents:CorrespondentAccount must be 20 digits.")]
    public string CorrespondentAccount { get; set; } = "30101810000000000000";

    /// <summary>BIL-05: an invoice for a top-up is due this many calendar days after it is issued.</summary>
    [Range(1, 365)]
    public int InvoicePaymentTermDays { get; set; } = 5;

    /// <summary>DOC-01: a subscriber may object to an acceptance certificate until this many days after it is published…</summary>
    [Range(1, 365)]
    public int CertificateObjectionDays { get; set; } = 15;

    /// <summary>…and one not objected to with reasons is accepted automatically this many days after publication.</summary>
    [Range(1, 365)]
    public int CertificateAutoAcceptDays { get; set; } = 30;

    /// <summary>BIL-18, DOC-03: the fee for re-issuing a set of past documents, in the operator currency.</summary>
    [Range(0, 1_000_000)]
    public decimal ReissueFee { get; set; } = 200.00m;
}

using Tradehall.Core.Legal.Documents;

namespace Tradehall.Web.Pages.Operator;

/// <summary>OPS-06: the operator publishes a new version of the Terms, the Privacy Policy or the offer and sees who accepted each.</summary>
[Authorize(Policy = AccountsModule.OperatorConsolePolicy)]
public sealed class LegalDocumentsModel(DocumentVersions versions) : TradehallPageModel
{
    public IReadOnlyList<VersionRow> Versions { get; private set; } = [];

    [BindProperty] public string? Kind { get; set; } = "terms";
    [BindProperty] public string? Version { get; set; }
    [BindProperty] public DateOnly? EffectiveFrom { get; set; }
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? Text { get; set; }
    [BindProperty] public string? TitleRu { get; set; }
    [BindProperty] public string? TextRu { get; set; }

    /// <summary>The first day a version of each kind published today may take effect, for the hint beside the date.</summary>
    public DateOnly Earliest(DocumentKind kind) => versions.EarliestDay(kind);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        EffectiveFrom = versions.EarliestDay(DocumentKind.Terms);
        Versions = await versions.VersionsAsync(null, cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        DocumentEntry? entry = null;
        if (!await TryAsync(async () => entry = await versions.PublishAsync(User.MemberId(),
                new PublishDocumentRequest(Kind, Version, Text, EffectiveFrom, Title, TextRu, TitleRu), cancellationToken),
            nameof(Kind), nameof(Version), nameof(EffectiveFrom), nameof(Title), nameof(Text), nameof(TitleRu), nameof(TextRu)))
        {
            Versions = await versions.VersionsAsync(null, cancellationToken);
            return Page();
        }
        Notice(L["Version {0} is published. Members are being told of it.", entry!.Version]);
        return LocalRedirect("/operator/legal-documents");
    }
}

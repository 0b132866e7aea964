using Tradehall.Core.Billing.BankStatements;

namespace Tradehall.Web.Pages.Operator;

/// <summary>BIL-03 (b): the operator uploads a bank statement and sees what was credited, held, already known or unreadable.</summary>
[Authorize(Policy = AccountsModule.OperatorConsolePolicy)]
public sealed class BankImportModel(BankStatements statements, IOptions<BillingOptions> options) : TradehallPageModel
{
    [BindProperty] public IFormFile? StatementFile { get; set; }

    public ImportReport? Report { get; private set; }

    public int MaxFileMegabytes => Math.Max(1, options.Value.BankImport.MaxFileBytes / (1024 * 1024));

    public void OnGet()
    {
    }

    /// <summary>The report is shown in answer to the upload; posting the same file again imports nothing twice.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        ViewData[FieldOrderKey] = new[] { nameof(StatementFile) };
        if (StatementFile is null || StatementFile.Length == 0)
        {
            ModelState.AddModelError(nameof(StatementFile), L["Choose a statement file to upload."]);
            return Page();
        }
        if (StatementFile.Length > options.Value.BankImport.MaxFileBytes)
        {
            ModelState.AddModelError(nameof(StatementFile), L["The file is larger than the import accepts."]);
            return Page();
        }
        using var buffer = new MemoryStream();
        await StatementFile.CopyToAsync(buffer, cancellationToken);
        try
        {
            Report = await statements.ImportAsync(buffer.ToArray(), User.MemberId(), cancellationToken);
        }
        catch (DomainException e)
        {
            // The handler names the upload "file", as the API does; here the control is StatementFile.
            foreach (var message in e.Errors.Values.SelectMany(m => m).DefaultIfEmpty(e.Message))
            {
                ModelState.AddModelError(nameof(StatementFile), L[message]);
            }
        }
        return Page();
    }
}

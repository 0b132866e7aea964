using Tradehall.Core.Privacy.Exports;
using Tradehall.Core.Privacy.Inventory;

namespace Tradehall.Web.Pages.Settings;

/// <summary>PRV-01, PRV-03: what the site keeps about the member, and a copy of all of it to download.</summary>
public sealed class PrivacyModel(DataInventory inventory, DataExports exports) : TradehallPageModel
{
    /// <summary>While an export is prepared the page reloads itself this often (with scripts); without, the member reloads.</summary>
    public const int RefreshSeconds = 3;

    public IReadOnlyList<InventoryItem> Inventory { get; private set; } = [];
    public IReadOnlyList<ExportView> Exports { get; private set; } = [];
    public bool Preparing => Exports.Any(e => e.Status == "pending");

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostExportAsync(CancellationToken cancellationToken)
    {
        await exports.RequestAsync(User.MemberId(), cancellationToken);
        Notice(L["We are preparing your data. We will tell you when it is ready."]);
        return LocalRedirect("/settings/privacy");
    }

    /// <summary>The zip of a ready export of this member; anyone else's is not found.</summary>
    public async Task<IActionResult> OnGetDownloadAsync(Guid id, CancellationToken cancellationToken)
    {
        var file = await exports.OpenAsync(User.MemberId(), id, cancellationToken);
        return File(file.Content, "application/zip", file.FileName);
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Inventory = inventory.List();
        Exports = await exports.ListAsync(User.MemberId(), cancellationToken);
    }
}

namespace Tradehall.Web.Pages.Operator;

/// <summary>OPS, ACC-04, ACC-10: the staff console start — member counts and possible duplicate accounts (read-only).</summary>
[Authorize(Policy = AccountsModule.StaffConsolePolicy)]
public sealed class IndexModel(MemberOverviews overviews) : TradehallPageModel
{
    public MemberOverview Overview { get; private set; } = new(0, 0, 0, []);

    public async Task OnGetAsync(CancellationToken cancellationToken) => Overview = await overviews.ReadAsync(cancellationToken);
}

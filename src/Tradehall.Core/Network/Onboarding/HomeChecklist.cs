using Tradehall.Core.Billing.Accounts;
using Tradehall.Core.Documents.Invoices;
using Tradehall.Core.Legal;
using Tradehall.Core.Network.Contacts;
using Tradehall.Core.Network.Profiles;

namespace Tradehall.Core.Network.Onboarding;

/// <summary>The first steps of a new member, in the order the home page suggests them.</summary>
[ModuleApi]
public enum FirstStep
{
    /// <summary>A photo and what the member does (position or company) on their personal page.</summary>
    Page = 1,
    Email = 2,
    Phone = 3,

    /// <summary>Works at an organization: created one or accepted an invitation (NET-05).</summary>
    Company = 4,

    /// <summary>KYC-01: legal data saved, which ordering services needs.</summary>
    LegalData = 5,

    /// <summary>BIL-04: the personal account received its first payment.</summary>
    TopUp = 6,
    Listing = 7,

    /// <summary>MKT-04: a saved search, which comes with the marketplace subscription.</summary>
    SavedSearch = 8,
}

public sealed record StepState(FirstStep Step, bool Done);

/// <summary>What waits for the member: chats with unread messages, contact requests to answer, invoices still within their payment term.</summary>
public sealed record WaitingItems(int UnreadChats, int ContactRequests, int InvoicesDue)
{
    public bool Any => UnreadChats + ContactRequests + InvoicesDue > 0;
}

/// <summary>The signed-in home page: the account, each first step done or not, and what waits for the member.</summary>
public sealed record HomeOverview(MeResponse Me, IReadOnlyList<StepState> Steps, WaitingItems Waiting)
{
    public int Done => Steps.Count(s => s.Done);

    public int Total => Steps.Count;

    public bool IsDone(FirstStep step) => Steps.Any(s => s.Step == step && s.Done);
}

/// <summary>
/// The home page's checklist. Each step is read from the data itself (never a flag the member ticks), through the
/// public services of the module that owns it, so a step is done the moment the member has done it anywhere.
/// </summary>
public sealed class HomeChecklist(AppDbContext db, GetMe me, INetwork network, ContactBook contacts, SubscriberLegalData legal,
    BillingAccounts accounts, InvoiceService invoices, IEnumerable<IHomeContribution> contributions, TimeProvider time,
    IOptions<TradehallOptions> site)
{
    public async Task<HomeOverview> ForMemberAsync(Guid memberId, CancellationToken cancellationToken)
    {
        var account = await me.HandleAsync(memberId);
        var page = await db.Set<Profile>().AsNoTracking().Where(p => p.MemberId == memberId)
            .Select(p => new { p.PhotoKey, p.Position, p.Company }).FirstOrDefaultAsync(cancellationToken);
        var companies = await network.OrganizationsOfAsync(memberId, cancellationToken);
        var billing = await accounts.SummaryAsync(memberId, cancellationToken);
        var above = new HomeProgress(memberId);
        foreach (var contribution in contributions)
        {
            await contribution.AddToAsync(above, cancellationToken);
        }
        StepState[] steps =
        [
            new(FirstStep.Page, page is { PhotoKey: not null } && (page.Position ?? page.Company) is not null),
            new(FirstStep.Email, account.EmailConfirmed),
            new(FirstStep.Phone, account.PhoneConfirmed),
            new(FirstStep.Company, companies.Count > 0),
            new(FirstStep.LegalData, await legal.IsCompleteAsync(memberId, cancellationToken)),
            new(FirstStep.TopUp, billing?.ContractStartedOn is not null),
            new(FirstStep.Listing, above.IsDone(FirstStep.Listing)),
            new(FirstStep.SavedSearch, above.IsDone(FirstStep.SavedSearch)),
        ];
        return new HomeOverview(account, steps, await WaitingAsync(memberId, billing is not null, above.UnreadChats, cancellationToken));
    }

    private async Task<WaitingItems> WaitingAsync(Guid memberId, bool hasAccount, int chats, CancellationToken cancellationToken)
    {
        // The contacts page lists requests only from members who still exist; the count says the same.
        var requests = (await contacts.ListAsync(memberId, ContactBook.Incoming, cancellationToken)).Count;
        var due = 0;
        if (hasAccount)
        {
            // An invoice waits until it is paid or its term has passed (a lapsed one is no longer a request to pay).
            var today = time.Today(site.Value.Zone);
            due = (await invoices.ListAsync(memberId, cancellationToken)).Count(i => i.PaidAt is null && i.DueOn >= today);
        }
        return new WaitingItems(chats, requests, due);
    }
}

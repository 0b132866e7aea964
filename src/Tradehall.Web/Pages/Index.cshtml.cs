using Tradehall.Core.Network.Onboarding;

namespace Tradehall.Web.Pages;

/// <summary>One first step as the home page shows it: what to do, why, and where to do it.</summary>
public sealed record StepView(FirstStep Step, bool Done, string Title, string Hint, string Href, string Action);

/// <summary>
/// The front page: what Tradehall is, or for a member their first steps with progress and what waits for them.
/// What is done comes from <see cref="HomeChecklist"/>; this page only words it and says where each step is done.
/// </summary>
public sealed class IndexModel(HomeChecklist checklist) : TradehallPageModel
{
    public HomeOverview? Overview { get; private set; }

    public IReadOnlyList<StepView> Steps { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (User.Identity?.IsAuthenticated == true)
        {
            Overview = await checklist.ForMemberAsync(User.MemberId(), cancellationToken);
            Steps = Overview.Steps.Select(s => Describe(s, Overview.Me)).ToList();
        }
    }

    private StepView Describe(StepState state, MeResponse me) => state.Step switch
    {
        FirstStep.Page => new(state.Step, state.Done, L["Fill in your page"],
            L["Add a photo and your position or company, so partners see who they are talking to."], "/settings/page", L["Fill in my page"]),
        FirstStep.Email => new(state.Step, state.Done, L["Confirm your email"],
            L["Open the link we emailed you. Did not get it?"], "/settings/email", L["Send the link again"]),
        FirstStep.Phone => me.Phone is null
            ? new(state.Step, state.Done, L["Confirm your mobile phone"], L["We send codes and urgent account news by SMS."], "/settings/phone", L["Add a phone number"])
            : new(state.Step, state.Done, L["Confirm your mobile phone"], L["We sent a code to {0}.", me.Phone], "/account/confirm-phone", L["Enter the code from the SMS"]),
        FirstStep.Company => new(state.Step, state.Done, L["Create or join your company"],
            me.EmailConfirmed && me.PhoneConfirmed
                ? L["Create its page and become its admin, or ask its admin to invite you."]
                : L["Confirm your email and phone first: then you can create its page, or its admin can invite you."],
            "/organizations/new", L["Create a company page"]),
        FirstStep.LegalData => new(state.Step, state.Done, L["Enter your legal data"],
            L["Invoices and orders of services need who you are in law: a person, an entrepreneur or a company."], "/settings/legal", L["Enter legal data"]),
        FirstStep.TopUp => new(state.Step, state.Done, L["Top up your personal account"],
            L["Services are paid from its balance. Pay by bank transfer, or request an invoice for your accounts department."], "/billing#topup-title", L["How to top up"]),
        FirstStep.Listing => new(state.Step, state.Done, L["Post your first listing"],
            L["Offer what you sell or ask for what you need to buy."], "/listings/new", L["Post a listing"]),
        _ => new(state.Step, state.Done, L["Save a search"],
            L["Hear about new listings that match it. Saved searches come with the marketplace subscription."], "/listings", L["Open the marketplace"]),
    };
}

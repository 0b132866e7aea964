using Tradehall.Core.Moderation;

namespace Tradehall.Web.Pages;

/// <summary>OPS-02: the names of sanctions and restrictions, and what each means for the member, as the pages say them.</summary>
public static class SanctionText
{
    public static string Kind(IStringLocalizer l, string kind) => kind switch
    {
        SanctionKinds.Warning => l["Warning"],
        SanctionKinds.Restriction => l["Restriction"],
        SanctionKinds.Suspension => l["Suspension"],
        _ => l["Termination"],
    };

    public static string Restriction(IStringLocalizer l, string restriction) => restriction switch
    {
        Restrictions.Posting => l["Posting listings"],
        Restrictions.Messaging => l["Sending messages"],
        _ => l["Ordering and resuming services"],
    };

    /// <summary>What an active sanction means for the member, in a sentence.</summary>
    public static string Consequence(IStringLocalizer l, SanctionView sanction, decimal storageFee, string currency) => sanction.Kind == SanctionKinds.Suspension
        ? l["Your services are suspended and a payment does not resume them. You cannot post listings, send messages or order services. Your information is kept for a storage fee of {0} a month.",
            storageFee.ToString("N2", System.Globalization.CultureInfo.CurrentCulture) + " " + currency]
        : l["Until the operator lifts it you cannot do this: {0}.", string.Join(", ", sanction.Restrictions.Select(r => Restriction(l, r).ToLowerInvariant()))];
}

namespace Tradehall.Web.Pages.Chats;

/// <summary>MKT-08: a quote as a card in the chat, seen by <see cref="Me"/>: the receiver answers while it is pending, the sender may withdraw it.</summary>
public sealed record QuoteCard(QuoteView Quote, Guid Me)
{
    public bool Mine => Quote.FromId == Me;

    public bool CanAnswer => !Mine && Quote.Status == QuoteStatus.Pending;

    public bool CanWithdraw => Mine && Quote.Status == QuoteStatus.Pending;
}

using Tradehall.Core.Legal.Documents;
using Tradehall.Core.Legal.Subscribers;

namespace Tradehall.Core.Legal;

/// <summary>
/// PRV-03: the legal module's part of a member's export — their legal data and its history as the member's own pages
/// show them (protected values masked, KYC-05, so a leaked export does not leak them), and every consent given.
/// </summary>
internal sealed class LegalPersonalData(ShowLegalData legalData, DocumentAcceptances acceptances) : IPersonalDataSource
{
    public async Task<PersonalDataSection> ExportAsync(Guid memberId, CancellationToken cancellationToken) =>
        new("legal", new Dictionary<string, object?>
        {
            ["legalData"] = await legalData.FindAsync(memberId, cancellationToken),
            ["legalDataHistory"] = await legalData.HistoryAsync(memberId, cancellationToken),
            ["consents"] = await acceptances.HistoryAsync(memberId, cancellationToken),
        });
}

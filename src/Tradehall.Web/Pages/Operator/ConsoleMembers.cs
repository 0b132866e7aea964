using Microsoft.EntityFrameworkCore;

namespace Tradehall.Web.Pages.Operator;

/// <summary>How the operator's console finds a member from what was typed: an email, an account id or a personal account number.</summary>
public sealed class ConsoleMembers(MemberLookup members, BillingAccounts accounts)
{
    public async Task<MemberRow?> FindAsync(string? typed, CancellationToken cancellationToken)
    {
        var text = typed?.Trim() ?? "";
        if (text.Length == 0)
        {
            return null;
        }
        var normalized = text.ToUpperInvariant();
        Guid? id = Guid.TryParse(text, out var guid) ? guid
            : text.Contains('@', StringComparison.Ordinal)
                ? await members.Rows.Where(m => m.NormalizedEmail == normalized).Select(m => (Guid?)m.Id).FirstOrDefaultAsync(cancellationToken)
                : (await accounts.ByNumberAsync(text, cancellationToken))?.MemberId;
        return id is { } memberId ? await members.FindAsync(memberId, cancellationToken) : null;
    }
}

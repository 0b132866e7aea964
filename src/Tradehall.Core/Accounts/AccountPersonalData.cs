using Microsoft.AspNetCore.Identity;
using Tradehall.Core.Accounts.Sessions;

namespace Tradehall.Core.Accounts;

/// <summary>
/// PRV-03: the account's part of a member's export — who they are, where they are signed in and their API tokens by name,
/// never the password hash, security stamp, authenticator key or a token's secret.
/// </summary>
internal sealed class AccountPersonalData(UserManager<Member> users, AccountSessions sessions, ApiTokens tokens) : IPersonalDataSource
{
    public async Task<PersonalDataSection> ExportAsync(Guid memberId, CancellationToken cancellationToken)
    {
        var m = await users.FindByIdAsync(memberId.ToString()) ?? throw DomainException.NotFound("account.not_found", "No such account.");
        var account = new
        {
            m.Id, m.Email, m.EmailConfirmed, Phone = m.PhoneNumber, PhoneConfirmed = m.PhoneNumberConfirmed, m.FirstName, m.LastName,
            m.Gender, m.DateOfBirth, m.City, m.Culture, m.RegisteredAt, SecondFactor = m.TwoFactorEnabled,
            Roles = (await users.GetRolesAsync(m)).Order().ToList(),
        };
        var apiTokens = (await tokens.ListAsync(memberId, cancellationToken))
            .Select(t => new { t.Id, t.Name, Scopes = t.Scopes.Split(' '), t.CreatedAt, t.ExpiresAt, t.LastUsedAt, t.RevokedAt });
        return new PersonalDataSection("account", new Dictionary<string, object?>
        {
            ["profile"] = account,
            ["sessions"] = await sessions.ListAsync(memberId, null, cancellationToken),
            ["apiTokens"] = apiTokens.ToList(),
        });
    }
}

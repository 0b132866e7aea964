using Microsoft.AspNetCore.Identity;

namespace Tradehall.Core.Accounts;

[ModuleApi]
public sealed record MeResponse(Guid AccountId, string Email, bool EmailConfirmed, string? Phone, bool PhoneConfirmed,
    string FirstName, string LastName, IReadOnlyList<string> Roles);

[ModuleApi]
public sealed class GetMe(UserManager<Member> users)
{
    public async Task<MeResponse> HandleAsync(Guid memberId)
    {
        var m = await users.FindByIdAsync(memberId.ToString()) ?? throw DomainException.NotFound("account.not_found", "No such account.");
        var roles = await users.GetRolesAsync(m);
        return new MeResponse(m.Id, m.Email!, m.EmailConfirmed, m.PhoneNumber, m.PhoneNumberConfirmed, m.FirstName, m.LastName, roles.Order().ToList());
    }
}

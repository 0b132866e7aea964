using System.Security.Claims;

namespace Tradehall.Core.Accounts;

[ModuleApi]
public static class MemberClaims
{
    /// <summary>The signed-in member's id; endpoints behind authorization always have one.</summary>
    public static Guid MemberId(this ClaimsPrincipal user) =>
        Guid.Parse(user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("Not signed in."));
}

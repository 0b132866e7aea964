using Microsoft.AspNetCore.Identity;
using Tradehall.Core.Archive;
using Tradehall.Core.Data;
using Tradehall.Core.Shared;

namespace Tradehall.Core.Accounts;

/// <summary>ACC-10: staff accounts are made from the command line, never with a default password.</summary>
public sealed class Staff(AppDbContext db, UserManager<Member> users, RoleManager<Role> roles, TimeProvider time, EvidenceArchive archive)
{
    public async Task<Member> CreateOperatorAsync(string email, string password, string firstName = "Site", string lastName = "Operator", CancellationToken cancellationToken = default)
    {
        await EnsureRolesAsync();
        var member = new Member
        {
            Id = Guid.CreateVersion7(),
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            FirstName = firstName,
            LastName = lastName,
            City = "",
            RegisteredAt = time.UtcNow(),
            LockoutEnabled = true,
        };
        var created = await users.CreateAsync(member, password);
        if (!created.Succeeded)
        {
            throw new DomainException("account.staff_invalid", string.Join(" ", created.Errors.Select(e => e.Description)));
        }
        await users.AddToRoleAsync(member, Roles.Operator);
        archive.Record("staff.operator_created", $"member:{member.Id}", null, after: new { role = Roles.Operator });
        await db.SaveChangesAsync(cancellationToken);
        return member;
    }

    public async Task EnsureRolesAsync()
    {
        foreach (var name in Roles.Staff)
        {
            if (!await roles.RoleExistsAsync(name))
            {
                await roles.CreateAsync(new Role(name));
            }
        }
    }
}

using Microsoft.AspNetCore.Identity;

namespace Tradehall.Core.Accounts;

/// <summary>ACC-10: staff accounts are made from the command line, never with a default password.</summary>
public sealed class Staff(
    AppDbContext db, UserManager<Member> users, RoleManager<Role> roles, ApiTokens tokens, DomainEvents events, TimeProvider time, EvidenceArchive archive)
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
        // Staff are members too: the same transaction gives them what every member has (a page, a personal account).
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var created = await users.CreateAsync(member, password);
        if (!created.Succeeded)
        {
            throw new DomainException("account.staff_invalid", string.Join(" ", created.Errors.Select(e => e.Description)));
        }
        await users.AddToRoleAsync(member, Roles.Operator);
        archive.Record("staff.operator_created", $"member:{member.Id}", null, after: new { role = Roles.Operator });
        await events.PublishAsync(new MemberRegistered(member), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return member;
    }

    /// <summary>
    /// SPEC §15 <c>admin token</c>: a token with every scope the staff member may hold, for automation run by whoever
    /// holds the server's shell — that access stands in for the second factor (SEC-05).
    /// </summary>
    public async Task<IssuedToken> IssueTokenAsync(string email, string name, CancellationToken cancellationToken = default)
    {
        var member = await users.FindByEmailAsync(email.Trim());
        if (member is null || member.DisabledAt is not null || !(await users.GetRolesAsync(member)).Any(Roles.Staff.Contains))
        {
            throw new DomainException("account.not_staff", $"No active staff account has the email address {email}.");
        }
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > 100 || !PlainText.IsAcceptable(name))
        {
            throw DomainException.Field("request.invalid", "name", "Name the token (1 to 100 characters), e.g. the program that uses it.");
        }
        var issued = await tokens.IssueAsync(member, name.Trim(), null, null, twoFactor: true, via: "cli");
        await db.SaveChangesAsync(cancellationToken);
        return issued;
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

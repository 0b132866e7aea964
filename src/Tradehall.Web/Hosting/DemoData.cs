using Microsoft.AspNetCore.Identity;
using Tradehall.Core.Accounts;
using Tradehall.Core.Data;
using Tradehall.Core.Shared;

namespace Tradehall.Web.Hosting;

/// <summary>RUN-01: demo members and an operator for a first look, in Development only. README lists the sign-in details.</summary>
internal static class DemoData
{
    public const string Password = "Demo-Tradehall-2026";
    public const string OperatorEmail = "operator@demo.tradehall.local";

    private static readonly (string Email, string First, string Last, Gender Gender, string City, string Phone)[] Members =
    [
        ("anna.petrova@demo.tradehall.local", "Anna", "Petrova", Gender.Female, "Arkhangelsk", "+79110000001"),
        ("ivan.sokolov@demo.tradehall.local", "Ivan", "Sokolov", Gender.Male, "Vologda", "+79110000002"),
        ("maria.lind@demo.tradehall.local", "Maria", "Lind", Gender.Female, "Saint Petersburg", "+79110000003"),
    ];

    public static async Task EnsureAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var users = services.GetRequiredService<UserManager<Member>>();
        var time = services.GetRequiredService<TimeProvider>();
        if (await users.FindByEmailAsync(OperatorEmail) is null)
        {
            await services.GetRequiredService<Staff>().CreateOperatorAsync(OperatorEmail, Password, "Olga", "Operator", cancellationToken);
        }
        foreach (var m in Members)
        {
            if (await users.FindByEmailAsync(m.Email) is not null)
            {
                continue;
            }
            var member = new Member
            {
                Id = Guid.CreateVersion7(),
                UserName = m.Email,
                Email = m.Email,
                EmailConfirmed = true,
                PhoneNumber = m.Phone,
                PhoneNumberConfirmed = true,
                FirstName = m.First,
                LastName = m.Last,
                Gender = m.Gender,
                City = m.City,
                DateOfBirth = new DateOnly(1985, 4, 12),
                RegisteredAt = time.UtcNow(),
                LockoutEnabled = true,
            };
            var result = await users.CreateAsync(member, Password);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException("Demo member could not be created: " + string.Join(" ", result.Errors.Select(e => e.Description)));
            }
            await services.GetRequiredService<DomainEvents>().PublishAsync(new MemberRegistered(member.Id), cancellationToken);
        }
        await services.GetRequiredService<AppDbContext>().SaveChangesAsync(cancellationToken);
    }
}

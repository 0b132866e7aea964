using Tradehall.Core.Messaging.Sending;
using Tradehall.Core.Network;
using Tradehall.Core.Network.Contacts;
using Tradehall.Core.Network.Organizations;
using Tradehall.Core.Network.Profiles;

namespace Tradehall.Demo;

/// <summary>RUN-01: demo members and an operator for a first look, in Development only. README lists the sign-in details.</summary>
internal static class DemoData
{
    public const string Password = "Demo-Tradehall-2026";
    public const string OperatorEmail = "operator@demo.tradehall.local";
    private const int MarketListings = 300;
    private const int MarketSeed = 2026;

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
            await services.GetRequiredService<DomainEvents>().PublishAsync(new MemberRegistered(member), cancellationToken);
        }
        await services.GetRequiredService<AppDbContext>().SaveChangesAsync(cancellationToken);
        await EnsureNetworkAsync(services, cancellationToken);
        await EnsureMarketAsync(services, cancellationToken);
    }

    /// <summary>Listings of the 18 months before the first start, some of them Anna's, Ivan's (for Northern Timber) and Maria's.</summary>
    private static async Task EnsureMarketAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<AppDbContext>();
        if (await db.Set<Listing>().AnyAsync(cancellationToken))
        {
            return;
        }
        var users = services.GetRequiredService<UserManager<Member>>();
        var company = await db.Set<Organization>().AsNoTracking().Where(o => o.Name == "Northern Timber").Select(o => (Guid?)o.Id).FirstOrDefaultAsync(cancellationToken);
        var featured = new List<MarketOwner>();
        foreach (var (m, organization) in new[] { (Members[0], company), (Members[1], company), (Members[2], null) })
        {
            var id = (await users.FindByEmailAsync(m.Email))!.Id;
            featured.Add(new MarketOwner(id, organization, DemoMarketCatalog.Places.First(p => p.City == m.City), Russian: m.City != "Saint Petersburg"));
        }
        await DemoMarketSeed.RunAsync(services, MarketListings, MarketSeed, progress: null, cancellationToken, featured);
    }

    /// <summary>A filled page, a company with an employee, a contact and a chat, made through the same handlers as the site.</summary>
    private static async Task EnsureNetworkAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<AppDbContext>();
        if (await db.Set<Organization>().AnyAsync(cancellationToken))
        {
            return;
        }
        var users = services.GetRequiredService<UserManager<Member>>();
        var anna = (await users.FindByEmailAsync(Members[0].Email))!.Id;
        var ivan = (await users.FindByEmailAsync(Members[1].Email))!.Id;
        await services.GetRequiredService<PersonalPages>().SaveAsync(anna, new SavePageRequest(
            "Arkhangelsk", Visibility.Public, "Sales director", "Northern Timber", Visibility.Public, "Northern (Arctic) Federal University", Visibility.Contacts,
            "Sawn softwood from the White Sea region: pine and spruce boards, beams, export packaging.", Visibility.Public, Visibility.Public, Visibility.Public),
            cancellationToken);
        var company = await services.GetRequiredService<Organizations>().CreateAsync(anna, new OrganizationRequest(
            "Northern Timber", "LLC", "Timber and sawmilling", "RU", "Arkhangelsk",
            "Sawmill and timber trader: kiln-dried pine and spruce, FSC certified, delivery by rail and sea.", "https://timber.demo.tradehall.local"),
            cancellationToken);
        // Anna invites Ivan and he accepts, as on the site (NET-05).
        var ivanCard = (await services.GetRequiredService<INetwork>().CardsAsync([ivan], cancellationToken))[ivan];
        var people = services.GetRequiredService<OrganizationPeople>();
        var invitation = await people.SetMemberAsync(anna, company.Slug, new OrganizationMemberRequest(ivanCard.Handle, "employee"), cancellationToken);
        await people.AcceptAsync(ivan, invitation!.Id, cancellationToken);
        var contacts = services.GetRequiredService<ContactBook>();
        var request = await contacts.RequestAsync(ivan, new ContactRequest(anna.ToString()), cancellationToken);
        await contacts.AcceptAsync(anna, request.Id, cancellationToken);
        var maria = (await users.FindByEmailAsync(Members[2].Email))!.Id;
        await services.GetRequiredService<SendMessage>().StartAsync(maria, new StartChatRequest(anna.ToString(), null,
            "Good afternoon! We need 40 m³ of kiln-dried pine boards, 50×150, grade AB, delivered to Saint Petersburg in March. Can you quote?"),
            cancellationToken);
    }
}

using Microsoft.AspNetCore.Identity;
using PersonalDataAttribute = Tradehall.Core.Shared.PersonalDataAttribute;

namespace Tradehall.Core.Accounts;

public enum Gender
{
    Unspecified = 0,
    Female = 1,
    Male = 2,
}

/// <summary>ACC-01: a person's account. Identity keeps the password hash, lockout and second factor.</summary>
public sealed class Member : IdentityUser<Guid>
{
    [PersonalData("signing in and contacting the member", Shared.Retention.WhileAccountExists)]
    public override string? Email { get; set; }

    [PersonalData("signing in and contacting the member", Shared.Retention.WhileAccountExists)]
    public override string? UserName { get; set; }

    [PersonalData("confirming the member and sending codes", Shared.Retention.WhileAccountExists)]
    public override string? PhoneNumber { get; set; }

    [PersonalData("showing who the member is", Shared.Retention.WhileAccountExists)]
    public required string FirstName { get; set; }

    [PersonalData("showing who the member is", Shared.Retention.WhileAccountExists)]
    public required string LastName { get; set; }

    [PersonalData("addressing the member correctly", Shared.Retention.WhileAccountExists)]
    public Gender Gender { get; set; }

    [PersonalData("checking the minimum age and duplicate accounts", Shared.Retention.WhileAccountExists)]
    public DateOnly DateOfBirth { get; set; }

    [PersonalData("showing where the member works", Shared.Retention.WhileAccountExists)]
    public required string City { get; set; }

    /// <summary>Language of emails and SMS: <c>en</c> or <c>ru</c>.</summary>
    public string Culture { get; set; } = "en";

    public DateTime RegisteredAt { get; set; }

    /// <summary>Set when staff disable the account: every session and token stops working.</summary>
    public DateTime? DisabledAt { get; set; }

    public string FullName => $"{FirstName} {LastName}";
}

public sealed class Role : IdentityRole<Guid>
{
    public Role() { }

    public Role(string name) : base(name)
    {
        Id = Guid.CreateVersion7();
        NormalizedName = name.ToUpperInvariant();
    }
}

/// <summary>ACC-10: the staff roles; every signed-in person is a member.</summary>
public static class Roles
{
    public const string Support = "support";
    public const string Operator = "operator";
    public static readonly string[] Staff = [Support, Operator];
}

internal sealed class MemberConfiguration : IEntityTypeConfiguration<Member>
{
    public void Configure(EntityTypeBuilder<Member> b)
    {
        b.Property(m => m.FirstName).HasMaxLength(100);
        b.Property(m => m.LastName).HasMaxLength(100);
        b.Property(m => m.City).HasMaxLength(100);
        b.Property(m => m.Culture).HasMaxLength(8);
        b.Property(m => m.PhoneNumber).HasMaxLength(16);
        // ACC-04: one account per email and per phone, enforced by the database even when two sign-ups race.
        b.HasIndex(m => m.NormalizedEmail).HasDatabaseName("EmailIndex").IsUnique();
        b.HasIndex(m => m.PhoneNumber).IsUnique();
        b.HasIndex(m => new { m.LastName, m.FirstName, m.DateOfBirth });
    }
}

using Tradehall.Core.Accounts.Registration;

namespace Tradehall.Tests.Accounts;

public sealed class PhoneNumbersTests
{
    [Theory]
    [InlineData("+7 916 123-45-67", "+79161234567")]
    [InlineData("8 (916) 123-45-67", "+79161234567")]
    [InlineData("9161234567", "+79161234567")]
    [InlineData("+79161234567", "+79161234567")]
    [InlineData("0049 30 1234567", "+49301234567")]
    [InlineData("+44 20 7946 0958", "+442079460958")]
    [InlineData("+1 (202) 555-0143", "+12025550143")]
    [InlineData(" +7.916.123.45.67 ", "+79161234567")]
    public void ACC03_numbers_are_normalised_to_E164(string input, string expected) =>
        Assert.Equal(expected, PhoneNumbers.ToE164(input, "7"));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("12345")]
    [InlineData("+7 916 123 45")]
    [InlineData("+7 916 123 45 678")]
    [InlineData("+0 123 456 7890")]
    [InlineData("+1 234 567 890 123 456")]
    [InlineData("916-CALL-NOW")]
    [InlineData("+7 916 123 45 67 ext 2")]
    [InlineData("49 30 1234567")]
    public void ACC03_implausible_numbers_are_refused(string input) =>
        Assert.Null(PhoneNumbers.ToE164(input, "7"));

    [Fact]
    public void ACC03_the_trunk_prefix_rule_follows_the_configured_country()
    {
        Assert.Equal("+493012345678", PhoneNumbers.ToE164("3012345678", "49"));
        Assert.Null(PhoneNumbers.ToE164("8 916 123 45 67", "49"));
    }

    [Theory]
    [InlineData("mailinator.com", true)]
    [InlineData("MAILINATOR.COM", true)]
    [InlineData("sub.yopmail.com", true)]
    [InlineData("example.com", false)]
    [InlineData("gmail.com", false)]
    [InlineData("yandex.ru", false)]
    public void ACC02_disposable_domains_come_from_the_shipped_list(string domain, bool disposable) =>
        Assert.Equal(disposable, ShippedLists.IsDisposableDomain(domain, []));

    [Fact]
    public void ACC02_operator_can_extend_the_disposable_list() =>
        Assert.True(ShippedLists.IsDisposableDomain("throwaway.example", ["throwaway.example"]));

    [Theory]
    [InlineData("password123", true)]
    [InlineData("Qwertyuiop", true)]
    [InlineData("iloveyou123", true)]
    [InlineData("Sawn timber 2026 grade A", false)]
    public void SEC01_common_passwords_come_from_the_shipped_list(string password, bool common) =>
        Assert.Equal(common, ShippedLists.IsCommonPassword(password));
}

using Tradehall.Core.Accounts;
using Tradehall.Core.Accounts.Registration;
using Tradehall.Core.Shared;

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
        Assert.Equal(expected, PhoneRules.ToE164(input, "7"));

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
        Assert.Null(PhoneRules.ToE164(input, "7"));

    [Fact]
    public void ACC03_the_trunk_prefix_rule_follows_the_configured_country()
    {
        Assert.Equal("+493012345678", PhoneRules.ToE164("3012345678", "49"));
        Assert.Equal("+4915123456789", PhoneRules.ToE164("0151 23456789", "49"));
        // Outside Russia 8 is no trunk prefix: these digits are a number of the German plan.
        Assert.Equal("+4989161234567", PhoneRules.ToE164("8 916 123 45 67", "49"));
    }

    [Theory]
    [InlineData("+49 151 23456789", "7", "+4915123456789")]
    [InlineData("06 12 34 56 78", "33", "+33612345678")]
    [InlineData("+7 701 234 56 78", "7", "+77012345678")]
    [InlineData("8 701 234 56 78", "7", "+77012345678")]
    [InlineData("+375 29 123-45-67", "7", "+375291234567")]
    [InlineData("+86 138 1234 5678", "7", "+8613812345678")]
    [InlineData("(202) 555-0143", "1", "+12025550143")]
    [InlineData("07911 123456", "44", "+447911123456")]
    public void ACC03_numbers_of_any_country_are_read_by_that_countrys_plan(string input, string defaultCountry, string expected) =>
        Assert.Equal(expected, PhoneRules.ToE164(input, defaultCountry));

    [Theory]
    [InlineData("+79161234567", true)]
    [InlineData("+77012345678", true)]
    [InlineData("+4915123456789", true)]
    [InlineData("+33612345678", true)]
    [InlineData("+12025550143", true)] // the North American plan does not tell mobile numbers from fixed lines
    [InlineData("+74955005550", false)] // Moscow, fixed line
    [InlineData("+78005553535", false)] // Russian toll-free
    [InlineData("+78095055555", false)] // Russian premium rate
    [InlineData("+493012345678", false)] // Berlin, fixed line
    [InlineData("+33123456789", false)] // Paris, fixed line
    [InlineData("+442079460958", false)] // London, fixed line
    public void ACC03_only_numbers_that_can_receive_a_text_message_are_taken_for_SMS(string e164, bool receivesSms) =>
        Assert.Equal(receivesSms, PhoneRules.ReceivesSms(e164));

    [Theory]
    [InlineData("+7 495 500-55-50", true)]
    [InlineData("+7 495 500-55-50", false)]
    [InlineData("+7 800 555-35-35", true)]
    public void ACC03_a_number_for_SMS_is_refused_with_a_field_error_and_a_contact_number_is_not(string input, bool forSms)
    {
        var errors = new FieldErrors();
        var phone = ContactRules.CheckPhone(input, new AccountsOptions(), errors, "phone", forSms);
        Assert.Equal(forSms, errors.Has("phone"));
        Assert.Equal(forSms ? null : "+74955005550", phone);
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

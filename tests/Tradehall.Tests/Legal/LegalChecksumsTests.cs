using Tradehall.Core.Legal.Subscribers;

namespace Tradehall.Tests.Legal;

/// <summary>
/// KYC-02 with published values: Sberbank (INN 7707083893, OGRN 1027700132195, KPP 773601001,
/// BIC 044525225, corr. 30101810400000000225), Gazprom, Yandex, and the correspondent accounts of
/// VTB, Alfa-Bank, T-Bank and Sberbank's North-West bank. Entrepreneur numbers and settlement
/// accounts are computed by the published algorithms; each "wrong" value is one digit off.
/// </summary>
public sealed class LegalChecksumsTests
{
    [Theory]
    [InlineData("7707083893")] // Sberbank
    [InlineData("7736050003")] // Gazprom
    [InlineData("7736207543")] // Yandex
    public void KYC02_inn10_of_real_organisations_is_valid(string inn) => Assert.True(LegalChecksums.IsValidInn10(inn));

    [Theory]
    [InlineData("7707083894")] // control digit off by one
    [InlineData("7707083883")] // a digit before the control digit off by one
    [InlineData("7736050004")]
    [InlineData("770708389")] // too short
    [InlineData("77070838930")] // too long
    [InlineData("77070838 3")]
    [InlineData("770708389X")]
    [InlineData("７７０７０８３８９３")] // full-width digits are not ASCII digits
    [InlineData("")]
    [InlineData(null)]
    public void KYC02_inn10_with_a_wrong_digit_length_or_character_is_refused(string? inn) => Assert.False(LegalChecksums.IsValidInn10(inn));

    [Theory]
    [InlineData("770712345633")]
    [InlineData("500301234503")]
    public void KYC02_inn12_with_both_control_digits_right_is_valid(string inn) => Assert.True(LegalChecksums.IsValidInn12(inn));

    [Theory]
    [InlineData("770712345634")] // second control digit off
    [InlineData("770712345643")] // first control digit off
    [InlineData("770712345533")] // a digit before the control digits off
    [InlineData("7707083893")] // an organisation's INN is not a person's
    [InlineData("7707123456333")]
    [InlineData("77071234563a")]
    [InlineData(null)]
    public void KYC02_inn12_with_a_wrong_digit_length_or_character_is_refused(string? inn) => Assert.False(LegalChecksums.IsValidInn12(inn));

    [Theory]
    [InlineData("1027700132195")] // Sberbank
    [InlineData("1027700070518")] // Gazprom
    [InlineData("1027700229193")] // Yandex
    public void KYC02_ogrn_of_real_organisations_is_valid(string ogrn) => Assert.True(LegalChecksums.IsValidOgrn(ogrn));

    [Theory]
    [InlineData("1027700132196")]
    [InlineData("1027700132185")]
    [InlineData("1027700070519")]
    [InlineData("102770013219")]
    [InlineData("10277001321950")]
    [InlineData("102770013219O")]
    [InlineData(null)]
    public void KYC02_ogrn_with_a_wrong_digit_length_or_character_is_refused(string? ogrn) => Assert.False(LegalChecksums.IsValidOgrn(ogrn));

    [Theory]
    [InlineData("319774600123453")]
    [InlineData("321500100045670")]
    public void KYC02_ogrnip_mod_13_control_digit_is_valid(string ogrnip) => Assert.True(LegalChecksums.IsValidOgrnip(ogrnip));

    [Theory]
    [InlineData("319774600123454")]
    [InlineData("319774600123353")]
    [InlineData("1027700132195")] // an OGRN is not an OGRNIP
    [InlineData("3197746001234530")]
    [InlineData("31977460012345-")]
    [InlineData(null)]
    public void KYC02_ogrnip_with_a_wrong_digit_length_or_character_is_refused(string? ogrnip) => Assert.False(LegalChecksums.IsValidOgrnip(ogrnip));

    [Theory]
    [InlineData("773601001")] // Sberbank
    [InlineData("7736AB001")] // letters in the reason code
    public void KYC02_kpp_has_nine_characters_with_letters_allowed_only_in_the_reason_code(string kpp) => Assert.True(LegalChecksums.IsValidKpp(kpp));

    [Theory]
    [InlineData("77360100")]
    [InlineData("7736010011")]
    [InlineData("7736ab001")]
    [InlineData("A73601001")]
    [InlineData("77360100A")]
    [InlineData(null)]
    public void KYC02_kpp_of_the_wrong_shape_is_refused(string? kpp) => Assert.False(LegalChecksums.IsValidKpp(kpp));

    [Theory]
    [InlineData("044525225", "30101810400000000225")] // Sberbank
    [InlineData("044525187", "30101810700000000187")] // VTB
    [InlineData("044525593", "30101810200000000593")] // Alfa-Bank
    [InlineData("044525974", "30101810145250000974")] // T-Bank
    [InlineData("044030653", "30101810500000000653")] // Sberbank North-West
    public void KYC02_correspondent_accounts_of_real_banks_are_valid(string bic, string account) =>
        Assert.True(LegalChecksums.IsValidCorrespondentAccount(account, bic));

    [Theory]
    [InlineData("044525225", "30101810400000000226")] // key off by one
    [InlineData("044525225", "30101810400000000235")]
    [InlineData("044030653", "30101810400000000225")] // another region's bank
    [InlineData("044525225", "3010181040000000022")]
    [InlineData("044525225", "301018104000000002250")]
    [InlineData("044525225", "30101810 00000000225")]
    [InlineData("04452522", "30101810400000000225")] // BIC too short
    [InlineData("04452522X", "30101810400000000225")]
    [InlineData(null, "30101810400000000225")]
    [InlineData("044525225", null)]
    public void KYC02_correspondent_account_with_a_wrong_key_length_or_character_is_refused(string? bic, string? account) =>
        Assert.False(LegalChecksums.IsValidCorrespondentAccount(account, bic));

    [Theory]
    [InlineData("044525225", "40702810938000012345")]
    [InlineData("044525225", "40802810438000054321")]
    [InlineData("044525187", "40702810700000012345")]
    [InlineData("044525974", "40802810000000123456")]
    public void KYC02_settlement_account_key_holds_with_the_bic(string bic, string account) =>
        Assert.True(LegalChecksums.IsValidSettlementAccount(account, bic));

    [Theory]
    [InlineData("044525225", "40702810938000012346")] // a digit off by one
    [InlineData("044525225", "40702810938000012355")]
    [InlineData("044525187", "40702810938000012345")] // right account, wrong bank
    [InlineData("044525225", "4070281093800001234")]
    [InlineData("044525225", "407028109380000123450")]
    [InlineData("044525225", "4070281093800001234A")]
    [InlineData("0445252251", "40702810938000012345")]
    [InlineData(null, "40702810938000012345")]
    [InlineData("044525225", null)]
    public void KYC02_settlement_account_with_a_wrong_key_length_or_character_is_refused(string? bic, string? account) =>
        Assert.False(LegalChecksums.IsValidSettlementAccount(account, bic));

    [Theory]
    [InlineData("044525225", true)]
    [InlineData("04452522", false)]
    [InlineData("0445252250", false)]
    [InlineData("04452522a", false)]
    public void KYC02_bic_has_nine_digits(string bic, bool valid) => Assert.Equal(valid, LegalChecksums.IsValidBic(bic));
}

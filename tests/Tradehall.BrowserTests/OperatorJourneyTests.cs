using Microsoft.Extensions.Options;
using Tradehall.Core.Accounts;

namespace Tradehall.BrowserTests;

/// <summary>SEC-05 in a browser: a console session opened with the second factor outlives the security-stamp refresh.</summary>
public sealed class OperatorJourneyTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    [Fact]
    public async Task SEC05_the_operator_is_still_in_the_console_after_the_security_stamp_refresh_interval()
    {
        var console = await site.PhoneAsync();
        await site.OperatorSignInAsync(console, "refresh@operator.example.org");
        var response = await console.GotoAsync(site.BaseUrl + "/operator");
        Assert.Equal(200, response!.Status);

        // Past the interval the cookie's principal is rebuilt from the database; the second-factor mark must survive it.
        var interval = site.Services.GetRequiredService<IOptions<AccountsOptions>>().Value.SecurityStampInterval;
        for (var step = 0; step < 3; step++)
        {
            site.Clock.Advance(interval + TimeSpan.FromSeconds(1));
            response = await console.GotoAsync(site.BaseUrl + "/operator/suspense");
            Assert.Equal(200, response!.Status);
            Assert.DoesNotContain("without a second factor", await console.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        }
        Assert.Empty(await Accessibility.SeriousViolationsAsync(console));
    }
}

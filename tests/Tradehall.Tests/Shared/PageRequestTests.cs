using Microsoft.Extensions.Localization;
using Tradehall.Core.Shared;

namespace Tradehall.Tests.Shared;

/// <summary>One page request and one error for a bad page, on every paged list.</summary>
public sealed class PageRequestTests(TradehallApp app) : IClassFixture<TradehallApp>
{
    /// <summary>English as written, with its arguments.</summary>
    private sealed class Plain : IStringLocalizer
    {
        public LocalizedString this[string name] => new(name, name);

        public LocalizedString this[string name, params object[] arguments] => new(name, string.Format(System.Globalization.CultureInfo.InvariantCulture, name, arguments));

        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => [];
    }

    private static readonly PageLimits Limits = new(DefaultSize: 20, MaxSize: 100, MaxReach: 1000);

    [Theory]
    [InlineData(null, null, 1, 20)]
    [InlineData("3", null, 3, 20)]
    [InlineData(" 2 ", "50", 2, 50)]
    [InlineData("10", "100", 10, 100)]
    public void A_page_within_the_limits_is_taken(string? page, string? size, int number, int pageSize)
    {
        var slice = new PageRequest { Page = page, PageSize = size }.Check(Limits, new Plain());
        Assert.Equal(new PageSlice(number, pageSize), slice);
        Assert.Equal((number - 1) * pageSize, slice.Skip);
    }

    [Theory]
    [InlineData("0", null, "page")]
    [InlineData("-1", null, "page")]
    [InlineData("x", null, "page")]
    [InlineData("1.5", null, "page")]
    [InlineData(null, "0", "pageSize")]
    [InlineData(null, "101", "pageSize")]
    [InlineData(null, "ten", "pageSize")]
    [InlineData("11", "100", "page")]
    public void A_bad_page_is_the_one_refusal_naming_its_field(string? page, string? size, string field)
    {
        var refused = Assert.Throws<DomainException>(() => new PageRequest { Page = page, PageSize = size }.Check(Limits, new Plain()));
        Assert.Equal(PageRequest.InvalidCode, refused.Code);
        Assert.Equal(400, refused.Status);
        Assert.Equal([field], refused.Errors.Keys);
    }

    [Fact]
    public async Task Every_paged_endpoint_refuses_a_page_that_is_no_number_naming_it()
    {
        var member = await Members.RegisterAsync(app);
        using var client = app.Api(member.Token);
        foreach (var list in new[] { "/api/v1/billing/transactions", "/api/v1/notifications", "/api/v1/directory", "/api/v1/listings/search" })
        {
            foreach (var (query, field) in new[] { ("page=x", "page"), ("page=0", "page"), ("pageSize=0", "pageSize") })
            {
                var response = await client.GetAsync($"{list}?{query}");
                Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{list}?{query}: {response.StatusCode}");
                var problem = await response.JsonAsync();
                Assert.Equal(PageRequest.InvalidCode, problem.GetProperty("code").GetString());
                Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"{list}?{query}");
            }
        }
    }
}

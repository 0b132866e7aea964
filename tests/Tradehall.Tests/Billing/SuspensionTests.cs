using Tradehall.Core.Billing.Run;

namespace Tradehall.Tests.Billing;

/// <summary>BIL-10: what a member with suspended services is told to pay, and that paying it resumes every one of them.</summary>
public sealed class SuspensionTests(StatementApiTests.App app) : IClassFixture<StatementApiTests.App>
{
    [Theory]
    [InlineData(0L, new long[] { 2490_00, 990_00 }, 3480_00L)]
    [InlineData(1000_00L, new long[] { 2490_00, 990_00 }, 2480_00L)]
    [InlineData(-500_00L, new long[] { 2490_00 }, 2990_00L)]
    [InlineData(5000_00L, new long[] { 2490_00, 990_00 }, 0L)]
    [InlineData(0L, new long[] { 0L }, 1L)]
    [InlineData(0L, new long[] { 990_00, 0L }, 990_01L)]
    [InlineData(0L, new long[0], 0L)]
    public void BIL10_the_amount_to_resume_covers_every_suspended_service_in_turn(long balance, long[] prices, long toResume) =>
        Assert.Equal(toResume, Resumption.ToResumeAll(balance, prices));

    /// <summary>Mid-morning in Moscow on <paramref name="day"/>.</summary>
    private static DateTimeOffset At(DateOnly day) => new(day.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero);

    /// <summary>A member whose analytics (2,490) and price reviews (990), ordered on <paramref name="ordered"/>, the next month's billing run suspended.</summary>
    internal static async Task<TestSubscriber> SuspendedAsync(TradehallApp app, DateOnly ordered)
    {
        app.Clock.AdjustTime(At(ordered));
        var s = await Subscribers.CreateAsync(app, 2490m + 990m);
        await Subscribers.OrderFirstAsync(app, s.Member);
        await Subscribers.OrderFirstAsync(app, s.Member, "price-review");
        var renewal = ordered.AddMonths(1);
        app.Clock.SetUtcNow(At(renewal));
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<BillingRun>().RunAsync(renewal, null, CancellationToken.None);
        return s;
    }

    private async Task<SuspensionView?> ViewAsync(Guid memberId, string culture = "en")
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<Suspensions>().ForMemberAsync(memberId, culture, CancellationToken.None);
    }

    private async Task ResumeAsync(DateOnly today)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<Resumption>().ResumePaidUpAsync(today, CancellationToken.None);
    }

    [Fact]
    public async Task BIL10_a_suspended_member_sees_the_amount_to_resume()
    {
        var s = await SuspendedAsync(app, new DateOnly(2026, 3, 2));
        var view = await ViewAsync(s.Member.Id);
        Assert.NotNull(view);
        Assert.Equal(["Market analytics", "Monthly price reviews"], view.Services.Select(x => x.KindName).Order());
        Assert.Equal([990m, 2490m], view.Services.Select(x => x.Price).Order());
        Assert.All(view.Services, x => Assert.Equal(new DateOnly(2026, 4, 2), x.SuspendedOn));
        Assert.Equal((0m, 3480m, "RUB"), (view.Balance, view.ToResume, view.Currency));
        Assert.Contains("Рыночная аналитика", (await ViewAsync(s.Member.Id, "ru-RU"))!.Services.Select(x => x.KindName));

        // Part of it counts: what is left to pay shrinks by the payment.
        await Subscribers.TopUpAsync(app, s.Number, 480m);
        Assert.Equal(3000m, (await ViewAsync(s.Member.Id))!.ToResume);
    }

    [Fact]
    public async Task BIL10_topping_up_the_amount_to_resume_resumes_every_service()
    {
        var s = await SuspendedAsync(app, new DateOnly(2026, 5, 4));
        var today = new DateOnly(2026, 6, 4);
        var toResume = (await ViewAsync(s.Member.Id))!.ToResume;

        // A kopeck less resumes the first service only, and the view then asks for that kopeck.
        await Subscribers.TopUpAsync(app, s.Number, toResume - 0.01m);
        await ResumeAsync(today);
        var left = await ViewAsync(s.Member.Id);
        Assert.Equal("Monthly price reviews", Assert.Single(left!.Services).KindName);
        Assert.Equal(0.01m, left.ToResume);

        await Subscribers.TopUpAsync(app, s.Number, 0.01m);
        await ResumeAsync(today);
        Assert.Null(await ViewAsync(s.Member.Id));
        using var client = app.Api(s.Member.Token);
        Assert.Equal(0m, await Subscribers.BalanceAsync(client));
        var services = await (await client.GetAsync("/api/v1/billing/services")).JsonAsync();
        Assert.All(services.EnumerateArray(), x => Assert.Equal("active", x.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task BIL10_a_member_with_nothing_suspended_gets_no_suspension_and_one_request_asks_once()
    {
        app.Clock.AdjustTime(At(new DateOnly(2026, 7, 1)));
        var s = await Subscribers.CreateAsync(app, 5000m);
        await Subscribers.OrderFirstAsync(app, s.Member);
        Assert.Null(await ViewAsync(s.Member.Id));

        var suspended = await SuspendedAsync(app, new DateOnly(2026, 7, 6));
        await using var scope = app.Services.CreateAsyncScope();
        var suspensions = scope.ServiceProvider.GetRequiredService<Suspensions>();
        var first = await suspensions.ForMemberAsync(suspended.Member.Id, "en", CancellationToken.None);
        Assert.Same(first, await suspensions.ForMemberAsync(suspended.Member.Id, "en", CancellationToken.None));
    }
}

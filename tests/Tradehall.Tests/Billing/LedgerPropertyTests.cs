using FsCheck;
using FsCheck.Fluent;
using Tradehall.Core.Billing.Ledger;

namespace Tradehall.Tests.Billing;

/// <summary>
/// BIL-02, BIL-13, BIL-16, BIL-17, BIL-20: random sequences of what subscribers and the operator do to an account — payments,
/// orders, credit limits, days passing with renewals and penalties, pauses, cancellations and refunds — never unbalance the
/// ledger, never answer with a server error, and never take a balance below its credit limit other than by penalties.
/// </summary>
public sealed class LedgerPropertyTests
{
    private sealed class App : TradehallApp
    {
        public App()
        {
            Settings["Billing:BankImport:SettlementAccount"] = BankStatementTests.OperatorAccount;
            Settings["Billing:Gateway:Secret"] = PaymentsApiTests.Secret;
            // Tokens outlive the months the sequences travel through.
            Settings["Accounts:ApiTokenDays"] = "3650";
            Clock = new(CreditSteps.At(new DateOnly(2027, 1, 11)));
        }
    }

    private static readonly string[] Kinds = ["analytics", "marketplace", "price-review"];
    private static readonly decimal[] Limits = [0m, 1000m, 5000m];

    /// <summary>One step, decoded from an integer so that FsCheck's shrinking of integer arrays shrinks the sequence too.</summary>
    private sealed record Step(int Code)
    {
        private int Value => Math.Abs(Code % 100_000);
        public int What => Value % 8;
        public int Arg => Value / 8;

        public override string ToString() => What switch
        {
            0 => $"wait {1 + Arg % 40} days",
            1 => $"top up {TopUp}",
            2 => $"order {Kinds[Arg % 3]}",
            3 => $"credit limit {Limits[Arg % 3]}",
            4 => $"pause #{Arg}",
            5 => $"resume #{Arg}",
            6 => $"cancel #{Arg} at once",
            _ => $"refund {Refund}{(Arg / 20 % 2 == 0 ? ", paid" : "")}",
        };

        public decimal TopUp => (1 + Arg % 30) * 100m;
        public decimal Refund => (1 + Arg % 20) * 100m;
    }

    [Fact]
    public async Task BIL02_BIL13_BIL20_random_sequences_keep_the_ledger_balanced_and_the_balance_within_the_credit_limit()
    {
        using var app = new App();
        var operatorToken = await Operators.TokenAsync(app);
        // FsCheck runs properties synchronously: off the test's context, each sequence is awaited on a pool thread.
        await Task.Run(() => Prop.ForAll<int[]>(codes => Holds(app, operatorToken, [.. codes.Select(c => new Step(c))]))
            .Check(Config.QuickThrowOnFailure.WithMaxTest(20).WithEndSize(12)));
    }

    private static bool Holds(App app, string operatorToken, IReadOnlyList<Step> steps) =>
        HoldsAsync(app, operatorToken, steps).GetAwaiter().GetResult();

    private static async Task<bool> HoldsAsync(App app, string operatorToken, IReadOnlyList<Step> steps)
    {
        var subscriber = await Subscribers.CreateAsync(app, 0m);
        var (_, payerAccount) = await RefundTests.PaidByBankAsync(app, 2000m, subscriber.Member, operatorToken);
        using var client = app.Api(subscriber.Member.Token);
        using var console = app.Api(operatorToken);
        var limit = 0m;
        foreach (var step in steps)
        {
            var response = await DoAsync(app, client, console, subscriber, payerAccount, step);
            Assert.True(response is null || (int)response.StatusCode < 500, $"{step}: {response?.StatusCode} {(response is null ? "" : await response.Content.ReadAsStringAsync())}");
            if (step.What == 3 && response!.IsSuccessStatusCode)
            {
                limit = Limits[step.Arg % 3];
            }
            var balance = await Subscribers.BalanceAsync(client);
            var penalties = (await CreditSteps.LinesAsync(client, "penalty")).Sum(l => -l.GetProperty("amount").GetDecimal());
            Assert.True(balance + penalties >= -limit, $"after {step}: balance {balance}, penalties {penalties}, limit {limit}");
        }
        Assert.Empty(await app.WithDb(db => LedgerVerification.ProblemsAsync(db)));
        return true;
    }

    private static async Task<HttpResponseMessage?> DoAsync(App app, HttpClient client, HttpClient console, TestSubscriber subscriber, string payerAccount, Step step)
    {
        switch (step.What)
        {
            case 0:
                await CreditSteps.RunAsync(app, DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime).AddDays(1 + step.Arg % 40));
                return null;
            case 1:
                await Subscribers.TopUpAsync(app, subscriber.Number, step.TopUp);
                return null;
            case 2:
                return await Subscribers.OrderAsync(client, await TariffAsync(client, Kinds[step.Arg % 3]));
            case 3:
                return await console.PutAsJsonAsync($"/api/v1/operator/accounts/{subscriber.Number}/credit", new { limit = Limits[step.Arg % 3] });
            case 4 or 5 or 6:
                var services = (await (await client.GetAsync("/api/v1/billing/services")).JsonAsync()).EnumerateArray().ToList();
                if (services.Count == 0)
                {
                    return null;
                }
                var id = services[step.Arg % services.Count].GetProperty("id").GetGuid();
                using (var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/billing/services/{id}/{step.What switch { 4 => "pause", 5 => "resume", _ => "cancel" }}"))
                {
                    request.Content = step.What == 6 ? JsonContent.Create(new { immediately = true }) : null;
                    request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
                    return await client.SendAsync(request);
                }
            default:
                var applied = await RefundTests.ApplyAsync(client, RefundTests.Request(step.Refund, payerAccount));
                if (applied.StatusCode == HttpStatusCode.Created && step.Arg / 20 % 2 == 0)
                {
                    return await RefundTests.PaidAsync(console, (await applied.JsonAsync()).GetProperty("id").GetGuid());
                }
                return applied;
        }
    }

    private static async Task<Guid> TariffAsync(HttpClient client, string kind)
    {
        var catalog = await (await client.GetAsync("/api/v1/billing/catalog")).JsonAsync();
        return catalog.EnumerateArray().Single(k => k.GetProperty("kind").GetString() == kind).GetProperty("tariffs")[0].GetProperty("id").GetGuid();
    }
}

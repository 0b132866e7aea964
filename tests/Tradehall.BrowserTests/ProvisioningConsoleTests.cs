using Tradehall.Core.Billing.Hooks;
using Tradehall.Core.Data;

namespace Tradehall.BrowserTests;

/// <summary>BIL-24 in a browser: the operator sets a kind's webhook, sees its secret once, and reads and replays the delivery log on a phone and a desktop in both languages.</summary>
public sealed class ProvisioningConsoleTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    [Fact]
    public async Task BIL24_the_operator_sets_a_webhook_and_replays_a_failed_delivery_from_the_log()
    {
        var desktop = await (await site.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1366, Height = 900 }, BypassCSP = true, Locale = "en-GB",
        })).NewPageAsync();
        await site.OperatorSignInAsync(desktop, "hooks@operator.example.org");
        var problems = new List<string>();
        var code = "vds-" + Guid.NewGuid().ToString("N")[..6];

        await desktop.GotoAsync(site.BaseUrl + "/operator/catalog/kind?culture=en");
        await desktop.FillAsync("#Code", code);
        await desktop.FillAsync("#NameEn", "Virtual servers");
        await desktop.FillAsync("#NameRu", "Виртуальные серверы");
        await desktop.Locator("main form button[type=submit]").ClickAsync();
        await desktop.WaitForURLAsync(new Regex("/operator/catalog$"));

        await desktop.GotoAsync($"{site.BaseUrl}/operator/catalog/kind?edit={code}");
        await desktop.FillAsync("#Url", "http://hooks.example.com/tradehall");
        await desktop.GetByRole(AriaRole.Button, new() { Name = "Save webhook" }).ClickAsync();
        await desktop.Locator("#Url[aria-invalid=true]").WaitForAsync();
        problems.AddRange((await Accessibility.SeriousViolationsAsync(desktop)).Select(v => "refused: " + v));
        await desktop.FillAsync("#Url", "https://panel.example.com/hooks/tradehall");
        await desktop.GetByRole(AriaRole.Button, new() { Name = "Save webhook" }).ClickAsync();
        await desktop.Locator("#hook-secret").WaitForAsync();
        Assert.StartsWith("whsec_", await desktop.Locator("#hook-secret").InnerTextAsync(), StringComparison.Ordinal);
        problems.AddRange((await Accessibility.SeriousViolationsAsync(desktop)).Select(v => "secret: " + v));
        await desktop.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(site.Artifacts, "75-kind-webhook-secret-desktop-en.png"), FullPage = true });

        var failed = await SeedAsync(code);
        var phone = await site.PhoneAsync();
        await site.OperatorSignInAsync(phone, "hooks.phone@operator.example.org");
        foreach (var (size, view) in new[] { ("desktop", desktop), ("phone", phone) })
        {
            foreach (var culture in new[] { "en", "ru" })
            {
                await view.GotoAsync($"{site.BaseUrl}/operator/provisioning?kind={code}&culture={culture}");
                Assert.Equal(3, await view.Locator("tbody tr").CountAsync());
                Assert.True(await view.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), $"{size} {culture} runs off the side");
                problems.AddRange((await Accessibility.SeriousViolationsAsync(view)).Select(v => $"log {size} {culture}: {v}"));
                await view.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(site.Artifacts, $"76-provisioning-log-{size}-{culture}.png"), FullPage = true });
                await view.GotoAsync($"{site.BaseUrl}/operator/catalog/kind?edit={code}&culture={culture}");
                await view.Locator("#hook-title").ScrollIntoViewIfNeededAsync();
                await view.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(site.Artifacts, $"77-kind-webhook-{size}-{culture}.png") });
            }
        }

        await desktop.GotoAsync($"{site.BaseUrl}/operator/provisioning?status=failed&kind={code}&culture=en");
        await desktop.Locator("tbody tr", new() { HasText = failed.ToString() }).GetByRole(AriaRole.Button).ClickAsync();
        await desktop.Locator("[role=status]").WaitForAsync();
        await using (var scope = site.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            Assert.Equal(HookDeliveryStatus.Pending, db.Set<HookDelivery>().Single(d => d.Id == failed).Status);
        }
        Assert.Empty(problems);
    }

    /// <summary>A delivered, a failed and a pending delivery of the kind, as the sender leaves them.</summary>
    private async Task<Guid> SeedAsync(string code)
    {
        var now = site.Clock.GetUtcNow().UtcDateTime;
        HookDelivery Delivery(string action, HookDeliveryStatus status, int attempts, int? lastCode, string? error) => new()
        {
            Action = action, ServiceId = Guid.NewGuid(), KindCode = code, TariffId = Guid.NewGuid(), AccountNumber = "100000042", OccurredAt = now,
            Status = status, Attempts = attempts, NextAttemptAt = now.AddMinutes(4), LastAttemptAt = now, LastStatusCode = lastCode, LastError = error,
            DeliveredAt = status == HookDeliveryStatus.Delivered ? now : null, FailedAt = status == HookDeliveryStatus.Failed ? now : null,
        };
        var failed = Delivery("suspend", HookDeliveryStatus.Failed, 12, 500, "The receiver answered with an error.");
        await using var scope = site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.Set<HookDelivery>().AddRange(Delivery("activate", HookDeliveryStatus.Delivered, 1, 200, null), failed,
            Delivery("delete", HookDeliveryStatus.Pending, 3, null, "No answer within the timeout."));
        await db.SaveChangesAsync();
        return failed.Id;
    }
}

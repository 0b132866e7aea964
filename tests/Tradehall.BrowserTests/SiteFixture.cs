using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Time.Testing;
using Tradehall.Core.Accounts;
using Tradehall.Web.Hosting;

namespace Tradehall.BrowserTests;

/// <summary>
/// The real site on a loopback port (Kestrel, SQLite) and Debian's Chromium driven headless, its email sent to an SMTP
/// server and its SMS to a gateway in the test. The site's clock is a fake that starts at the real time (the browser
/// judges cookies by its own clock), so a test can step past a 30-second authenticator window without waiting.
/// </summary>
public sealed class SiteFixture : IAsyncLifetime
{
    private WebApplication? site;
    private IPlaywright? playwright;

    public TestDatabase Database { get; } = new();

    public FakeTimeProvider Clock { get; } = new(TimeProvider.System.GetUtcNow());

    public SmtpSink Mail { get; } = new();

    public SmsGateway Sms { get; } = new();

    public string BaseUrl { get; private set; } = "";

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>The running site's services, for arranging what a journey starts from (staff accounts).</summary>
    public IServiceProvider Services => site!.Services;

    public string Artifacts { get; } = Environment.GetEnvironmentVariable("TRADEHALL_ARTIFACTS") is { Length: > 0 } a
        ? a : Path.Combine(Path.GetTempPath(), "tradehall-screenshots");

    public async Task InitializeAsync()
    {
        var port = FreePort();
        BaseUrl = $"http://localhost:{port}";
        var contentRoot = Path.GetFullPath(Path.Combine(RepositoryRoot, "src", "Tradehall.Web"));
        site = Site.Build(["--urls", BaseUrl, "--environment", "Testing", "--contentRoot", contentRoot], builder =>
        {
            builder.Configuration.AddInMemoryCollection(Database.Settings);
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Database:MigrateOnStart"] = "true",
                ["Tradehall:PublicUrl"] = BaseUrl,
                ["Notifications:PollInterval"] = "00:00:00.200",
                // A journey makes the price reviews it reads itself; the job's round at start would race it.
                ["Analytics:Reviews"] = "false",
                // Every journey signs in from one address, several contexts each; the limit per address is proved in the suite.
                ["RateLimits:AuthPerMinute"] = "1000",
            });
            builder.Configuration.AddInMemoryCollection(Mail.Settings);
            builder.Configuration.AddInMemoryCollection(SmsGateway.Settings);
            builder.Services.AddSingleton<TimeProvider>(Clock);
            Sms.AddTo(builder.Services);
        });
        await site.StartAsync();

        Directory.CreateDirectory(Artifacts);
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }
        playwright?.Dispose();
        if (site is not null)
        {
            await site.StopAsync();
            await site.DisposeAsync();
        }
        Database.Dispose();
        Mail.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static string RepositoryRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Tradehall.slnx")))
            {
                dir = dir.Parent;
            }
            return dir?.FullName ?? throw new InvalidOperationException("Repository root not found.");
        }
    }

    /// <summary>A fresh browser context the size of a phone (a page of its own: cookies are not shared).</summary>
    public async Task<IPage> PhoneAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true, BypassCSP = true, Locale = "en-GB",
        });
        return await context.NewPageAsync();
    }

    /// <summary>A member registered through the API as the registration form would (password <see cref="Members.Password"/>); their email.</summary>
    public async Task<string> RegisteredAsync()
    {
        var registration = Members.Registration();
        using var http = new HttpClient { BaseAddress = new Uri(BaseUrl) };
        var registered = await http.PostAsJsonAsync("/api/v1/account/register", registration);
        Assert.True(registered.IsSuccessStatusCode, await registered.Content.ReadAsStringAsync());
        return (string)registration["email"]!;
    }

    /// <summary>A fresh browser context of the given size and locale (a page of its own: cookies are not shared).</summary>
    public async Task<IPage> PageAsync(int width, int height, string locale) =>
        await (await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height }, BypassCSP = true, Locale = locale,
        })).NewPageAsync();

    /// <summary>
    /// A full-page screenshot into the artifacts as <paramref name="file"/>, after checking that nothing runs off the side;
    /// the page's serious accessibility violations join <paramref name="problems"/>, named by <paramref name="what"/>.
    /// </summary>
    public async Task ShootAsync(IPage page, string file, string what, List<string> problems)
    {
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), $"{what} runs off the side");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Artifacts, file), FullPage = true });
        problems.AddRange((await Accessibility.SeriousViolationsAsync(page)).Select(v => $"{what}: {v}"));
    }

    /// <summary>An operator with a second factor, made the way `admin create` makes one, signed in on <paramref name="page"/>.</summary>
    public async Task OperatorSignInAsync(IPage page, string email)
    {
        const string password = "Operator pass phrase 2026";
        string key;
        await using (var scope = Services.CreateAsyncScope())
        {
            var op = await scope.ServiceProvider.GetRequiredService<Staff>().CreateOperatorAsync(email, password);
            var users = scope.ServiceProvider.GetRequiredService<UserManager<Member>>();
            await users.ResetAuthenticatorKeyAsync(op);
            key = (await users.GetAuthenticatorKeyAsync(op))!;
            await users.SetTwoFactorEnabledAsync(op, true);
        }
        await SignInAsync(page, email, password);
        await page.WaitForURLAsync(new Regex("/account/sign-in/second-factor"));
        await page.FillAsync("#Code", Totp.Code(key, Clock.GetUtcNow()));
        await page.Locator("main form button[type=submit]").Last.ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/account/", StringComparison.Ordinal));
    }

    /// <summary>Signs in through the sign-in form and waits to leave it.</summary>
    public async Task SignInAsync(IPage page, string email, string password)
    {
        await page.GotoAsync(BaseUrl + "/account/sign-in");
        await page.FillAsync("#Email", email);
        await page.FillAsync("#Password", password);
        await page.Locator("main form button[type=submit]").Last.ClickAsync();
        await page.WaitForURLAsync(url => !url.EndsWith("/account/sign-in", StringComparison.Ordinal));
    }

    /// <summary>The code of the next SMS to <paramref name="phone"/> that holds one, once the outbox has sent it.</summary>
    public Task<string> SmsCodeAsync(string phone) => Sms.NextCodeAsync(phone);

    /// <summary>The next SMS to <paramref name="phone"/> holding <paramref name="text"/>, once the outbox has sent it.</summary>
    public Task<string> SmsAsync(string phone, string text) => Sms.NextAsync(phone, text);

    /// <summary>The <paramref name="path"/> link of the next email to <paramref name="to"/> that holds one.</summary>
    public async Task<string> EmailLinkAsync(string to, string path) => (await Mail.NextLinkAsync(to, path)).AbsoluteUri;
}

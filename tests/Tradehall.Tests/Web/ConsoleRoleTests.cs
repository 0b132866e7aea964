using System.Reflection;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Tradehall.Core.Accounts;

namespace Tradehall.Tests.Web;

/// <summary>ACC-10: each console page names the role it is for, and answers each role accordingly.</summary>
public sealed class ConsoleRoleTests(TradehallApp app) : IClassFixture<TradehallApp>
{
    /// <summary>Pages support agents work in; every other console page is the operator's alone.</summary>
    private static readonly string[] StaffPages = ["/operator"];

    private List<(string Route, string Policy)> ConsolePages()
    {
        _ = app.Services; // starts the host
        var pages = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("operator", StringComparison.Ordinal) == true
                && e.Metadata.GetMetadata<CompiledPageActionDescriptor>() is not null)
            .Select(e => ("/" + e.RoutePattern.RawText!, e.Metadata.GetMetadata<CompiledPageActionDescriptor>()!.ModelTypeInfo!))
            .DistinctBy(p => p.Item1).ToList();
        Assert.True(pages.Count >= 10, $"Found {pages.Count} console pages.");
        return [.. pages.Select(p =>
        {
            var declared = p.Item2.GetCustomAttributes<AuthorizeAttribute>().Select(a => a.Policy).ToList();
            Assert.True(declared.Count == 1 && declared[0] is AccountsModule.StaffConsolePolicy or AccountsModule.OperatorConsolePolicy,
                $"{p.Item1} ({p.Item2.Name}) must name its role with one [Authorize(Policy = ...)] of the console policies.");
            return (p.Item1, declared[0]!);
        })];
    }

    [Fact]
    public void ACC10_every_console_page_declares_its_role_and_only_the_start_page_is_for_support()
    {
        var pages = ConsolePages();
        Assert.Equal(StaffPages, pages.Where(p => p.Policy == AccountsModule.StaffConsolePolicy).Select(p => p.Route).Order());
    }

    [Theory]
    [InlineData(Roles.Support)]
    [InlineData(Roles.Operator)]
    public async Task ACC10_console_pages_answer_each_role_as_declared(string role)
    {
        using var browser = await Operators.ConsoleBrowserAsync(app, role);
        foreach (var (route, policy) in ConsolePages())
        {
            var response = (await browser.GetAsync(route)).Response;
            var allowed = role == Roles.Operator || policy == AccountsModule.StaffConsolePolicy;
            if (allowed)
            {
                // A page that edits one record answers 404 when none is named; what matters is that it is reached.
                Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.NotFound, $"{role} on {route}: {response.StatusCode}");
            }
            else
            {
                Assert.True(response.StatusCode == HttpStatusCode.Redirect
                    && response.Headers.Location!.ToString().Contains("/account/access-denied", StringComparison.Ordinal), $"{role} on {route}: {response.StatusCode}");
            }
        }
    }

    [Fact]
    public async Task SEC05_the_console_stays_open_past_the_security_stamp_refresh()
    {
        using var browser = await Operators.ConsoleBrowserAsync(app);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/operator")).Response.StatusCode);
        app.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/operator")).Response.StatusCode);
        app.Clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/operator/credit")).Response.StatusCode);
    }

    [Fact]
    public async Task SEC05_turning_the_second_factor_on_opens_the_console_in_the_same_session()
    {
        var (email, _) = await Operators.CreateAsync(app, Roles.Operator, twoFactor: false);
        using var browser = new Browser(app);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SubmitAsync("/account/sign-in", "Sign in", new() { ["Email"] = email, ["Password"] = Operators.Password })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/operator")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SubmitAsync("/settings/two-factor", "Set up two-step sign-in")).StatusCode);
        var (_, page) = await browser.GetAsync("/settings/two-factor");
        var key = page.QuerySelector(".shared-key")!.TextContent;
        var on = await browser.SubmitAsync("/settings/two-factor", "Turn on two-step sign-in",
            new() { ["Code"] = Totp.Code(key, app.Clock.GetUtcNow()), ["CurrentPassword"] = Operators.Password });
        Assert.Equal(HttpStatusCode.OK, on.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/operator")).Response.StatusCode);
        app.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/operator")).Response.StatusCode);
    }
}

using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Tradehall.Tests.Hosting;

/// <summary>
/// SEC-03, SEC-08: in Production plain HTTP to a public host is redirected to HTTPS (never a blank 500), HSTS
/// lasts a year with subdomains, and the interactive API page is served only when the operator turns it on.
/// </summary>
public sealed class TransportSecurityTests(TransportSecurityTests.ProductionApp app) : IClassFixture<TransportSecurityTests.ProductionApp>
{
    public class ProductionApp : TradehallApp
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Production");
        }
    }

    public sealed class ApiDocsApp : ProductionApp
    {
        public ApiDocsApp() => Settings["Hosting:ApiDocs"] = "true";
    }

    private HttpClient Client(string address) =>
        app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri(address), AllowAutoRedirect = false });

    [Theory]
    [InlineData("/")]
    [InlineData("/account/sign-in")]
    [InlineData("/api/v1/me")]
    public async Task SEC08_plain_http_to_a_public_host_is_redirected_to_https(string path)
    {
        using var client = Client("http://trade.example.org");
        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.PermanentRedirect, response.StatusCode);
        Assert.Equal(new Uri("https://trade.example.org" + path), response.Headers.Location);
    }

    [Fact]
    public async Task SEC08_https_answers_with_hsts_for_a_year_including_subdomains()
    {
        using var client = Client("https://trade.example.org");
        var response = await client.GetAsync("/account/sign-in");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("max-age=31536000; includeSubDomains", response.Headers.GetValues("Strict-Transport-Security").Single());
    }

    [Fact]
    public async Task SEC08_loopback_and_health_probes_stay_reachable_over_http()
    {
        using var local = Client("http://localhost");
        Assert.Equal(HttpStatusCode.OK, (await local.GetAsync("/account/sign-in")).StatusCode);
        using var probe = Client("http://node-1.internal");
        Assert.Equal(HttpStatusCode.OK, (await probe.GetAsync("/health/live")).StatusCode);
    }

    [Fact]
    public async Task SEC08_the_interactive_api_page_is_not_served_unless_turned_on()
    {
        using var client = Client("https://trade.example.org");
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api-docs/index.html")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/openapi/v1.json")).StatusCode);

        using var enabled = new ApiDocsApp();
        using var docs = enabled.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://trade.example.org") });
        Assert.Equal(HttpStatusCode.OK, (await docs.GetAsync("/api-docs/index.html")).StatusCode);
    }
}

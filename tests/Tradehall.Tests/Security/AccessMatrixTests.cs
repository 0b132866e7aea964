using System.Text;
using Microsoft.AspNetCore.Routing;
using Tradehall.Core.Accounts;
using Tradehall.Core.Accounts.Tokens;
using Tradehall.Tests.Marketplace;
using Tradehall.Tests.Messaging;

namespace Tradehall.Tests.Security;

/// <summary>
/// SEC-05, ACC-12: every API route of the app, read from its own endpoint table, called by every kind of caller; the
/// expected answer follows from the access the route declares, so a route is covered the day it is added.
/// </summary>
public sealed class AccessMatrixTests(AccessMatrixTests.Callers callers) : IClassFixture<AccessMatrixTests.Callers>
{
    /// <summary>One app with a caller of each kind and a few objects owned by one member, made once for the matrix.</summary>
    public sealed class Callers : TradehallApp, IAsyncLifetime
    {
        public TestMember Owner { get; private set; } = null!;
        public TestMember Stranger { get; private set; } = null!;
        public string SupportToken { get; private set; } = "";
        public string OperatorToken { get; private set; } = "";
        public string OperatorWithoutSecondFactorToken { get; private set; } = "";
        public Dictionary<string, string> ScopeTokens { get; } = [];
        public Guid ChatId { get; private set; }
        public Guid ListingId { get; private set; }
        public string OrganizationSlug { get; private set; } = "";
        public Guid OwnerTokenId { get; private set; }

        public async Task InitializeAsync()
        {
            Owner = await ChatSteps.TrustedAsync(this);
            Stranger = await ChatSteps.TrustedAsync(this);
            var partner = await ChatSteps.TrustedAsync(this);
            foreach (var scope in ApiScopes.Member)
            {
                using var anonymous = Api();
                var issued = await anonymous.PostAsJsonAsync("/api/v1/tokens", new { email = Stranger.Email, password = Stranger.Password, name = scope, scopes = new[] { scope } });
                ScopeTokens[scope] = (await issued.JsonAsync()).GetProperty("token").GetString()!;
            }
            SupportToken = await Operators.TokenAsync(this, Roles.Support);
            OperatorToken = await Operators.TokenAsync(this);
            var (email, _) = await Operators.CreateAsync(this, Roles.Operator, twoFactor: false);
            using (var anonymous = Api())
            {
                var issued = await anonymous.PostAsJsonAsync("/api/v1/tokens", new { email, password = Operators.Password, name = "no second factor" });
                OperatorWithoutSecondFactorToken = (await issued.JsonAsync()).GetProperty("token").GetString()!;
            }
            (ChatId, _) = await ChatSteps.StartAsync(this, Owner, partner);
            ListingId = await ListingSteps.PostedAsync(this, Owner);
            await Network.NetworkSteps.ConfirmAsync(this, Owner.Id);
            using var owner = Api(Owner.Token);
            var organization = await owner.PostAsJsonAsync("/api/v1/organizations", new
            {
                name = "Matrix Timber", legalForm = "LLC", industry = "Timber", country = "RU", city = "Arkhangelsk", description = "Boards.", website = "https://timber.example.org",
            });
            OrganizationSlug = (await organization.JsonAsync()).GetProperty("slug").GetString()!;
            OwnerTokenId = (await (await owner.GetAsync("/api/v1/tokens")).JsonAsync())[0].GetProperty("id").GetGuid();
        }

        Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
    }

    /// <param name="Multipart">The route takes a form with files, so a request must be multipart to reach it at all.</param>
    public sealed record Route(string Method, string Template, ApiAccess Access, bool Multipart);

    private IReadOnlyList<Route> Routes() =>
        [.. ApiAccessTable.Read(callers.Services.GetRequiredService<EndpointDataSource>().Endpoints)
            .SelectMany(r => (r.Endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(m => new Route(m, "/" + r.Endpoint.RoutePattern.RawText!.TrimStart('/'), r.Access!,
                    r.Endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.IAcceptsMetadata>()?.ContentTypes.Contains("multipart/form-data") == true)))
            .Where(r => r.Method != "HEAD" && r.Method != "OPTIONS")
            .DistinctBy(r => (r.Method, r.Template))];

    /// <summary>The path with the owner's objects where the route names one; a made-up value elsewhere. Says whether an owner's object is in it.</summary>
    private (string Path, bool OwnersObject) Fill(string template)
    {
        var owners = false;
        var path = RouteTemplates.Fill(template, (name, _) =>
        {
            string? own = (template, name) switch
            {
                (_, "chatId") => callers.ChatId.ToString(),
                var (t, n) when n == "id" && t.StartsWith("/api/v1/chats/", StringComparison.Ordinal) => callers.ChatId.ToString(),
                var (t, n) when n == "id" && t.Contains("/listings/", StringComparison.Ordinal) => callers.ListingId.ToString(),
                var (t, n) when n == "id" && t.StartsWith("/api/v1/tokens/", StringComparison.Ordinal) => callers.OwnerTokenId.ToString(),
                (_, "slug") => callers.OrganizationSlug,
                _ => null,
            };
            owners |= own is not null;
            return own;
        });
        return (path, owners);
    }

    private async Task<(HttpStatusCode Status, string? Code)> CallAsync(Route route, string path, string? token)
    {
        using var client = callers.Api(token);
        using var request = new HttpRequestMessage(new HttpMethod(route.Method), path);
        if (route.Method is "POST" or "PUT" or "PATCH")
        {
            request.Content = route.Multipart
                ? new MultipartFormDataContent { { new StringContent("x"), "note" } }
                : new StringContent("{}", Encoding.UTF8, "application/json");
            request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        }
        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode < 500, $"{route.Method} {path}: {(int)response.StatusCode} {body}");
        string? code = null;
        if (response.Content.Headers.ContentType?.MediaType == "application/problem+json")
        {
            code = System.Text.Json.JsonDocument.Parse(body).RootElement.TryGetProperty("code", out var c) ? c.GetString() : null;
        }
        return (response.StatusCode, code);
    }

    /// <summary>
    /// Refused by authorization: 401 <c>auth.unauthenticated</c> without a caller, 403 <c>auth.forbidden</c> for the wrong one
    /// (a rule of the route itself, such as a payment's signature or a plan's limit, answers with codes of its own).
    /// </summary>
    private static bool Refused((HttpStatusCode Status, string? Code) answer) =>
        answer is (HttpStatusCode.Unauthorized, "auth.unauthenticated") or (HttpStatusCode.Forbidden, "auth.forbidden");

    [Fact]
    public async Task SEC05_every_api_route_answers_each_caller_as_its_declared_access_says()
    {
        var routes = Routes();
        Assert.True(routes.Count > 80, $"Only {routes.Count} routes found.");
        var failures = new List<string>();
        void Expect(bool ok, Route route, string caller, (HttpStatusCode Status, string? Code) answer)
        {
            if (!ok)
            {
                failures.Add($"{route.Method} {route.Template} [{route.Access.Scope ?? "public"}] as {caller}: {(int)answer.Status} {answer.Code}");
            }
        }
        foreach (var route in routes)
        {
            var (path, owners) = Fill(route.Template);
            var visitor = await CallAsync(route, path, null);
            if (route.Access.Scope is null)
            {
                Expect(!Refused(visitor), route, "visitor", visitor);
                continue;
            }
            Expect(visitor is (HttpStatusCode.Unauthorized, "auth.unauthenticated"), route, "visitor", visitor);
            var operatorOnly = route.Access.Role == Roles.Operator;
            var member = await CallAsync(route, path, callers.Stranger.Token);
            Expect(operatorOnly ? Refused(member) : !Refused(member), route, "member", member);
            foreach (var (scope, token) in callers.ScopeTokens.Where(s => s.Key != route.Access.Scope))
            {
                var wrong = await CallAsync(route, path, token);
                Expect(wrong is (HttpStatusCode.Forbidden, "auth.forbidden"), route, $"token of scope {scope}", wrong);
            }
            var support = await CallAsync(route, path, callers.SupportToken);
            Expect(operatorOnly ? Refused(support) : !Refused(support), route, "support agent", support);
            var weakOperator = await CallAsync(route, path, callers.OperatorWithoutSecondFactorToken);
            Expect(operatorOnly ? Refused(weakOperator) : !Refused(weakOperator), route, "operator without 2FA", weakOperator);
            var fullOperator = await CallAsync(route, path, callers.OperatorToken);
            Expect(!Refused(fullOperator), route, "operator with 2FA", fullOperator);
            if (owners && !operatorOnly)
            {
                // Another member never reaches the owner's chat, listing, organization or token through a member route.
                Expect(!((int)member.Status is >= 200 and < 300), route, "another member on the owner's object", member);
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public void ACC12_every_api_route_declares_its_access_and_staff_routes_sit_under_operator()
    {
        foreach (var route in Routes())
        {
            Assert.True(route.Access.Scope is null || ApiScopes.All.Contains(route.Access.Scope), $"{route.Template}: unknown scope {route.Access.Scope}");
            Assert.Equal(route.Template.StartsWith("/api/v1/operator/", StringComparison.Ordinal), route.Access.Scope == ApiScopes.Operator);
        }
    }
}

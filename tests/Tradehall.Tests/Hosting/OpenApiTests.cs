namespace Tradehall.Tests.Hosting;

/// <summary>RUN-04: the OpenAPI document lists what each route answers — its result and every refusal — as the routes declare it.</summary>
public sealed class OpenApiTests(TradehallApp app) : IClassFixture<TradehallApp>
{
    private static readonly string[] Methods = ["get", "post", "put", "patch", "delete"];

    /// <summary>The money-changing calls (BIL-23), with the status of a first answer and whether the key is required.</summary>
    public static TheoryData<string, int, bool> MoneyCalls => new()
    {
        { "/api/v1/billing/services", 201, true },
        { "/api/v1/billing/services/{id}/cancel", 200, true },
        { "/api/v1/operator/accounts/{number}/credits", 201, true },
        { "/api/v1/operator/suspense/{id}/assign", 200, true },
        { "/api/v1/operator/suspense/{id}/return", 200, true },
        { "/api/v1/operator/services/{id}/reject", 200, true },
        { "/api/v1/billing/invoices", 201, false },
        { "/api/v1/billing/documents/reissue", 201, true },
        { "/api/v1/operator/documents/reissue", 201, false },
    };

    private async Task<JsonElement> DocumentAsync()
    {
        using var client = app.Api();
        using var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));
        return document.RootElement.Clone();
    }

    private static IEnumerable<(string Name, JsonElement Operation)> Operations(JsonElement document) =>
        document.GetProperty("paths").EnumerateObject().SelectMany(path => Methods
            .Where(m => path.Value.TryGetProperty(m, out _))
            .Select(m => ($"{m.ToUpperInvariant()} {path.Name}", path.Value.GetProperty(m))));

    private static HashSet<string> Statuses(JsonElement operation) =>
        [.. operation.GetProperty("responses").EnumerateObject().Select(r => r.Name)];

    private static void AllList(IEnumerable<(string Name, JsonElement Operation)> operations, params string[] statuses)
    {
        var missing = operations.Where(o => !statuses.All(Statuses(o.Operation).Contains)).Select(o => o.Name).ToList();
        Assert.True(missing.Count == 0, $"Not listing {string.Join(", ", statuses)}: {string.Join("; ", missing)}");
    }

    [Theory]
    [MemberData(nameof(MoneyCalls))]
    public async Task BIL23_every_money_changing_call_lists_its_answer_the_refusals_of_a_key_and_takes_the_key(string path, int status, bool keyRequired)
    {
        var operation = (await DocumentAsync()).GetProperty("paths").GetProperty(path).GetProperty("post");
        var responses = operation.GetProperty("responses");
        var answer = responses.GetProperty(status.ToString(System.Globalization.CultureInfo.InvariantCulture)).GetProperty("content").GetProperty("application/json");
        Assert.DoesNotContain("IdempotentCall", answer.GetRawText(), StringComparison.Ordinal);
        Assert.False(responses.TryGetProperty("200", out _) && status != 200, "The call itself is no answer of the route.");
        foreach (var refusal in new[] { "400", "409", "422" })
        {
            Assert.True(responses.GetProperty(refusal).GetProperty("content").TryGetProperty("application/problem+json", out _), $"{path} {refusal}");
        }
        var key = operation.GetProperty("parameters").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "Idempotency-Key");
        Assert.Equal("header", key.GetProperty("in").GetString());
        Assert.Equal(keyRequired, key.TryGetProperty("required", out var required) && required.GetBoolean());
    }

    [Fact]
    public async Task BIL23_a_money_changing_call_without_its_key_is_refused_as_documented()
    {
        var member = await Members.RegisterAsync(app);
        using var memberApi = app.Api(member.Token);
        using var operatorApi = app.Api(await Operators.TokenAsync(app));
        var id = Guid.NewGuid();
        var calls = new (HttpClient Client, string Path, object Body)[]
        {
            (memberApi, "/api/v1/billing/services", new { tariffId = id }),
            (memberApi, $"/api/v1/billing/services/{id}/cancel", new { immediately = true }),
            (memberApi, "/api/v1/billing/documents/reissue", new { documentIds = new[] { id } }),
            (operatorApi, "/api/v1/operator/accounts/000000000/credits", new { amount = 10, reason = "Test" }),
            (operatorApi, $"/api/v1/operator/suspense/{id}/assign", new { accountNumber = "000000000", reason = "Test" }),
            (operatorApi, $"/api/v1/operator/suspense/{id}/return", new { reason = "Test" }),
            (operatorApi, $"/api/v1/operator/services/{id}/reject", new { reason = "Test" }),
        };
        foreach (var (client, path, body) in calls)
        {
            var response = await client.PostAsJsonAsync(path, body);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{path}: {response.StatusCode}");
            Assert.Equal("request.idempotency_key", (await response.JsonAsync()).GetProperty("code").GetString());
        }
    }

    [Fact]
    public async Task RUN04_every_route_naming_something_in_its_address_lists_404()
    {
        var operations = Operations(await DocumentAsync()).Where(o => o.Name.Contains('{', StringComparison.Ordinal)).ToList();
        Assert.True(operations.Count > 30, $"Only {operations.Count} routes with parameters in their address.");
        AllList(operations, "404");
    }

    [Fact]
    public async Task RUN04_every_route_needing_a_token_lists_401_and_403()
    {
        var operations = Operations(await DocumentAsync()).Where(o => o.Operation.TryGetProperty("security", out _)).ToList();
        Assert.True(operations.Count > 60, $"Only {operations.Count} routes need a token.");
        AllList(operations, "401", "403");
    }

    [Fact]
    public async Task RUN04_every_route_taking_input_lists_400_and_every_route_429()
    {
        var operations = Operations(await DocumentAsync()).ToList();
        AllList(operations.Where(o => o.Operation.TryGetProperty("requestBody", out _) || o.Operation.TryGetProperty("parameters", out _)), "400");
        AllList(operations, "429");
    }

    [Fact]
    public async Task RUN04_every_route_that_writes_lists_409()
    {
        var writes = Operations(await DocumentAsync()).Where(o => !o.Name.StartsWith("GET ", StringComparison.Ordinal)).ToList();
        Assert.True(writes.Count > 60, $"Only {writes.Count} routes write.");
        AllList(writes, "409");
    }

    [Fact]
    public async Task RUN04_every_refusal_is_problem_details()
    {
        var plain = Operations(await DocumentAsync())
            .SelectMany(o => o.Operation.GetProperty("responses").EnumerateObject().Where(r => r.Name.StartsWith('4')).Select(r => (o.Name, r.Name, r.Value)))
            .Where(r => !r.Value.TryGetProperty("content", out var content) || !content.TryGetProperty("application/problem+json", out _))
            .Select(r => $"{r.Item1} {r.Item2}").ToList();
        Assert.True(plain.Count == 0, "Refusals that are not problem details: " + string.Join("; ", plain));
    }
}

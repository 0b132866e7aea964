using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Tradehall.Core.Accounts.Tokens;

namespace Tradehall.Tests.Security;

/// <summary>
/// SEC-07, RUN-04: malformed bodies sent to every JSON route of the app (read from its endpoint table, with field names
/// from its OpenAPI document) get a 4xx problem+json naming what is wrong, never a 5xx.
/// </summary>
public sealed class HostileInputTests(TradehallApp app) : IClassFixture<TradehallApp>
{
    private sealed record JsonRoute(string Method, string Template, string Path, IReadOnlyDictionary<string, JsonElement> Fields);

    private async Task<IReadOnlyList<JsonRoute>> RoutesAsync()
    {
        using var anonymous = app.Api();
        using var document = JsonDocument.Parse(await anonymous.GetStringAsync("/openapi/v1.json"));
        var root = document.RootElement.Clone();
        return [.. ApiAccessTable.Read(app.Services.GetRequiredService<EndpointDataSource>().Endpoints)
            .Where(r => r.Endpoint.Metadata.GetMetadata<IAcceptsMetadata>()?.ContentTypes.Contains("application/json") == true)
            .SelectMany(r => (r.Endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Select(method =>
            {
                var template = "/" + r.Endpoint.RoutePattern.RawText!.TrimStart('/');
                return new JsonRoute(method, template, RouteTemplates.Fill(template), Fields(root, RouteTemplates.Documented(template), method));
            }))];
    }

    /// <summary>The request body's fields and their schemas, as the OpenAPI document describes them.</summary>
    private static Dictionary<string, JsonElement> Fields(JsonElement document, string path, string method)
    {
        if (!document.GetProperty("paths").TryGetProperty(path, out var item)
            || !item.TryGetProperty(method.ToLowerInvariant(), out var operation)
            || !operation.TryGetProperty("requestBody", out var body)
            || !body.GetProperty("content").TryGetProperty("application/json", out var json))
        {
            return [];
        }
        var schema = Resolve(document, json.GetProperty("schema"));
        return schema.TryGetProperty("properties", out var properties)
            ? properties.EnumerateObject().ToDictionary(p => p.Name, p => Resolve(document, p.Value))
            : [];
    }

    private static JsonElement Resolve(JsonElement document, JsonElement schema)
    {
        if (schema.TryGetProperty("$ref", out var reference))
        {
            var name = reference.GetString()!.Split('/')[^1];
            return document.GetProperty("components").GetProperty("schemas").GetProperty(name);
        }
        return schema;
    }

    /// <summary>A JSON value of the wrong kind for the field: a number for text, text for numbers and switches, a number for lists and objects.</summary>
    private static string WrongValue(JsonElement schema)
    {
        var types = !schema.TryGetProperty("type", out var type) ? []
            : type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.GetString()!).ToArray() : [type.GetString()!];
        return types.Contains("string") ? "12345" : types.Contains("integer") || types.Contains("number") || types.Contains("boolean") ? "{\"x\":[1]}" : "7";
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, JsonRoute route, HttpContent content)
    {
        using var request = new HttpRequestMessage(new HttpMethod(route.Method), route.Path) { Content = content };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        return await client.SendAsync(request);
    }

    private static ByteArrayContent Json(byte[] bytes)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return content;
    }

    private static ByteArrayContent Json(string text) => Json(Encoding.UTF8.GetBytes(text));

    [Fact]
    public async Task SEC07_malformed_bodies_sent_to_every_json_route_get_a_4xx_problem_never_a_5xx()
    {
        using var client = app.Api(await Operators.TokenAsync(app));
        var routes = await RoutesAsync();
        Assert.True(routes.Count > 40, $"Only {routes.Count} JSON routes found.");
        Assert.True(routes.Count(r => r.Fields.Count > 0) > 30, "The OpenAPI document named the fields of too few routes.");
        var malformed = new (string Name, Func<ByteArrayContent> Body)[]
        {
            ("truncated", () => Json("{\"a\":")),
            ("array", () => Json("[]")),
            ("scalar", () => Json("\"text\"")),
            ("null", () => Json("null")),
            ("trailing", () => Json("{} {}")),
            ("deep", () => Json(new string('[', 5000) + new string(']', 5000))),
            ("invalid UTF-8", () => Json([(byte)'{', (byte)'"', 0xC3, 0x28, 0xFF, (byte)'"', (byte)':', (byte)'1', (byte)'}'])),
            ("lone surrogate", () => Json("{\"x\":\"\\uD800\"}")),
            ("unknown field", () => Json("{\"roles\":[\"operator\"],\"balance\":1e309}")),
            ("huge", () => Json("{\"x\":\"" + new string('a', 300_000) + "\"}")),
        };
        var failures = new List<string>();
        async Task CheckAsync(JsonRoute route, string what, HttpContent body, bool mayAccept)
        {
            using var response = await SendAsync(client, route, body);
            var status = (int)response.StatusCode;
            var problem = response.Content.Headers.ContentType?.MediaType == "application/problem+json";
            if (status >= 500 || !mayAccept && (status < 400 || !problem) || status >= 400 && !problem)
            {
                failures.Add($"{route.Method} {route.Template} with {what}: {status} {response.Content.Headers.ContentType?.MediaType}");
            }
        }
        foreach (var route in routes)
        {
            foreach (var (name, body) in malformed)
            {
                await CheckAsync(route, name, body(), mayAccept: false);
            }
            foreach (var (field, schema) in route.Fields)
            {
                await CheckAsync(route, $"a wrong type for {field}", Json($"{{\"{field}\":{WrongValue(schema)}}}"), mayAccept: false);
            }
            // Text fields: NUL is refused (no field means it, and PostgreSQL cannot store it); direction controls,
            // zero-width and other control characters are refused or accepted by each field's rule, never a failure.
            var texts = route.Fields.Where(f => WrongValue(f.Value) == "12345").Select(f => f.Key).ToList();
            if (texts.Count > 0)
            {
                await CheckAsync(route, "NUL in text", Json(JsonSerializer.Serialize(texts.ToDictionary(f => f, _ => "gnp\u0000.exe"))), mayAccept: false);
                await CheckAsync(route, "control and bidi characters", Json(JsonSerializer.Serialize(texts.ToDictionary(f => f, _ => "\u202Egnp.exe\u200B\u0007"))), mayAccept: true);
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}

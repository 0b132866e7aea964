using System.Text.RegularExpressions;

namespace Tradehall.Tests.Infrastructure;

/// <summary>One SMS as the gateway received it.</summary>
public sealed record CapturedSms(string To, string Text)
{
    public override string ToString() => $"{To}: {Text}";
}

/// <summary>
/// The operator's SMS gateway as the app reaches it, over HTTP (<c>Notifications:SmsDelivery=http</c>): the app's HTTP
/// clients get a handler in place of the network that takes each POST of <c>{to, text}</c> and holds it for the test.
/// </summary>
public sealed partial class SmsGateway
{
    public static readonly Uri Address = new("https://sms-gateway.test/messages");

    public Arrivals<CapturedSms> Received { get; } = new("SMS");

    /// <summary>The settings that send the app's SMS here.</summary>
    public static Dictionary<string, string?> Settings => new()
    {
        ["Notifications:SmsDelivery"] = "http",
        ["Notifications:SmsGatewayUrl"] = Address.ToString(),
    };

    /// <summary>Puts the gateway in place of the network under every HTTP client of the app.</summary>
    public void AddTo(IServiceCollection services) =>
        services.ConfigureHttpClientDefaults(client => client.ConfigurePrimaryHttpMessageHandler(() => new Handler(this)));

    /// <summary>The next SMS to <paramref name="to"/> containing <paramref name="text"/>, once it arrives.</summary>
    public async Task<string> NextAsync(string to, string text = "") =>
        (await Received.NextAsync(m => m.To == to && m.Text.Contains(text, StringComparison.Ordinal),
            $"to {to}" + (text.Length > 0 ? $" containing '{text}'" : ""))).Text;

    /// <summary>The six-digit code of the next SMS to <paramref name="to"/> that holds one.</summary>
    public async Task<string> NextCodeAsync(string to) =>
        Code().Match((await Received.NextAsync(m => m.To == to && Code().IsMatch(m.Text), $"with a code to {to}")).Text).Groups[1].Value;

    /// <summary>The SMS to <paramref name="to"/> that arrived so far, oldest first.</summary>
    public IReadOnlyList<string> To(string to) => [.. Received.Snapshot().Where(m => m.To == to).Select(m => m.Text)];

    [GeneratedRegex(@"\b(\d{6})\b")]
    private static partial Regex Code();

    private sealed class Handler(SmsGateway gateway) : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.Method != HttpMethod.Post || request.RequestUri != Address || request.Content is null)
            {
                throw new HttpRequestException($"Tests reach no network: {request.Method} {request.RequestUri}");
            }
            var body = await request.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
            gateway.Received.Add(new CapturedSms(body.GetProperty("to").GetString()!, body.GetProperty("text").GetString()!));
            return new HttpResponseMessage(HttpStatusCode.OK) { RequestMessage = request };
        }
    }
}

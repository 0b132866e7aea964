using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace Tradehall.Core.Notifications.Live;

/// <summary>
/// RUN-03: one live event as the text of a PostgreSQL notification on <see cref="Channel"/>:
/// <c>{"m":["&lt;member id&gt;",...],"n":"&lt;event name&gt;","p":&lt;payload&gt;}</c>.
/// PostgreSQL refuses a payload of 8000 bytes or more, so a bigger event travels compact: its payload is
/// replaced by <c>{"truncated":true}</c> plus the payload's top-level ids (<c>id</c>, <c>chatId</c>, ...), and
/// a client seeing <c>truncated</c> fetches the full object through the API. An event for many members that
/// still does not fit is split into several notifications, each for some of the members.
/// </summary>
internal sealed record LiveNotice(IReadOnlyCollection<Guid> MemberIds, string Name, JsonElement Payload)
{
    public const string Channel = "tradehall_live";

    /// <summary>PostgreSQL's limit on a notification's payload, in bytes of the server encoding (UTF-8).</summary>
    public const int MaxBytes = 7999;

    // Letters of every script stay as they are (a \uXXXX escape would triple Cyrillic text); the
    // characters HTML cares about are still escaped, as they are by default.
    private static readonly JsonWriterOptions Compactly = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    public static List<string> Encode(IReadOnlyCollection<Guid> memberIds, string name, JsonElement payload)
    {
        var texts = new List<string>();
        Encode(memberIds.ToList(), name, payload, texts);
        return texts;
    }

    private static void Encode(List<Guid> memberIds, string name, JsonElement payload, List<string> texts)
    {
        var full = Write(memberIds, name, payload);
        if (full.Length <= MaxBytes)
        {
            texts.Add(Encoding.UTF8.GetString(full));
            return;
        }
        var compact = Write(memberIds, name, Compact(payload));
        if (compact.Length <= MaxBytes)
        {
            texts.Add(Encoding.UTF8.GetString(compact));
            return;
        }
        if (memberIds.Count <= 1)
        {
            throw new ArgumentException($"The live event '{name}' does not fit a notification even in its compact form.", nameof(name));
        }
        var half = memberIds.Count / 2;
        Encode(memberIds[..half], name, payload, texts);
        Encode(memberIds[half..], name, payload, texts);
    }

    /// <summary>What a client needs to refetch the object: its ids, and the mark that the rest was left out.</summary>
    internal static JsonElement Compact(JsonElement payload)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteBoolean("truncated", true);
            if (payload.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in payload.EnumerateObject())
                {
                    if (IsId(property.Name) && property.Value.ValueKind is JsonValueKind.String or JsonValueKind.Number
                        && property.Value.GetRawText().Length <= 100)
                    {
                        property.WriteTo(writer);
                    }
                }
            }
            writer.WriteEndObject();
        }
        using var document = JsonDocument.Parse(buffer.WrittenMemory);
        return document.RootElement.Clone();
    }

    private static bool IsId(string name) => name == "id" || name.EndsWith("Id", StringComparison.Ordinal);

    private static byte[] Write(List<Guid> memberIds, string name, JsonElement payload)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, Compactly))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("m");
            foreach (var id in memberIds)
            {
                writer.WriteStringValue(id.ToString("N"));
            }
            writer.WriteEndArray();
            writer.WriteString("n", name);
            writer.WritePropertyName("p");
            payload.WriteTo(writer);
            writer.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }

    public static LiveNotice Decode(string text)
    {
        using var document = JsonDocument.Parse(text);
        var root = document.RootElement;
        var members = root.GetProperty("m").EnumerateArray().Select(m => Guid.ParseExact(m.GetString()!, "N")).ToList();
        return new LiveNotice(members, root.GetProperty("n").GetString()!, root.GetProperty("p").Clone());
    }
}

using System.Text.Json.Serialization;

namespace Tradehall.Web.Hosting;

/// <summary>
/// SEC-07: text in a JSON body never carries U+0000. No field means it, and PostgreSQL cannot store it, so it is
/// refused as a malformed body (400 naming the field) instead of failing at the database.
/// </summary>
internal sealed class TextConverter : JsonConverter<string>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var value = reader.GetString();
        return value is not null && value.Contains('\0', StringComparison.Ordinal)
            ? throw new JsonException("Text may not hold the NUL character.")
            : value;
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}

using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Tradehall.Core.Shared;

namespace Tradehall.Core.Notifications;

public enum NoticeValueKind
{
    Text = 1,
    Money = 2,
    Day = 3,

    /// <summary>A name kept in each language (a service kind), shown in the reader's.</summary>
    Names = 4,

    /// <summary>An English text from the shared resource, translated when shown.</summary>
    Phrase = 5,
}

/// <summary>One value of a notice, stored as data and formatted in the reader's language when shown.</summary>
public sealed record NoticeValue(NoticeValueKind Kind, string Value, IReadOnlyDictionary<string, string>? ByLanguage = null)
{
    public static NoticeValue Text(string text) => new(NoticeValueKind.Text, text);

    public static NoticeValue Money(long minor, string currency) =>
        new(NoticeValueKind.Money, string.Create(CultureInfo.InvariantCulture, $"{minor} {currency}"));

    public static NoticeValue Day(DateOnly day) => new(NoticeValueKind.Day, day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    public static NoticeValue Phrase(string english) => new(NoticeValueKind.Phrase, english);

    /// <summary>A value rendered once per language the site speaks (a list of services with their names).</summary>
    public static NoticeValue Names(Func<string, string> inLanguage) =>
        new(NoticeValueKind.Names, inLanguage("en"), NoticeText.Languages.ToDictionary(l => l, inLanguage));
}

/// <summary>
/// NTF-01: what a notice says, kept as English templates from the shared resource with typed values, so the
/// centre, the email and the SMS each render it in the reader's language at the time it is read.
/// </summary>
[method: JsonConstructor]
public sealed record NoticeText(string Subject, string Body, IReadOnlyList<NoticeValue> Values)
{
    public const int MaxStoredLength = 4000;

    /// <summary>The languages a <see cref="NoticeValueKind.Names"/> value is kept in.</summary>
    public static readonly IReadOnlyList<string> Languages = ["en", "ru"];

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public NoticeText(string subject, string body, params NoticeValue[] values) : this(subject, body, (IReadOnlyList<NoticeValue>)values)
    {
    }

    public string Serialize()
    {
        var json = JsonSerializer.Serialize(this, Json);
        return json.Length <= MaxStoredLength ? json : throw new ArgumentException("A notice is kept in at most 4000 characters.");
    }

    public static NoticeText? Parse(string? stored) => stored is null ? null : JsonSerializer.Deserialize<NoticeText>(stored, Json);

    /// <summary>The values as the current culture shows them; <paramref name="translate"/> looks a phrase up.</summary>
    public object[] Format(Func<string, string> translate)
    {
        var culture = CultureInfo.CurrentCulture;
        return [.. Values.Select(v => (object)(v.Kind switch
        {
            NoticeValueKind.Money => FormatMoney(v.Value, culture),
            NoticeValueKind.Day => DateOnly.ParseExact(v.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture).LongDay(),
            NoticeValueKind.Names => v.ByLanguage is { } names && names.TryGetValue(CultureInfo.CurrentUICulture.TwoLetterISOLanguageName, out var name) ? name : v.Value,
            NoticeValueKind.Phrase => translate(v.Value),
            _ => v.Value,
        }))];
    }

    private static string FormatMoney(string stored, CultureInfo culture)
    {
        var parts = stored.Split(' ');
        return Shared.Money.ToAmount(long.Parse(parts[0], CultureInfo.InvariantCulture)).ToString("N2", culture) + " " + parts[1];
    }
}

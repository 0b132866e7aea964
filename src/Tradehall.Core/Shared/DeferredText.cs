using System.Text.Json.Serialization;

namespace Tradehall.Core.Shared;

public enum DeferredValueKind
{
    Text = 1,
    Money = 2,
    Day = 3,

    /// <summary>A name kept in each language (a service kind), shown in the reader's.</summary>
    Names = 4,

    /// <summary>An English text from the shared resource, translated when shown.</summary>
    Phrase = 5,
}

/// <summary>One value of a deferred text, stored as data and formatted in the reader's language when shown.</summary>
public sealed record DeferredValue(DeferredValueKind Kind, string Value, IReadOnlyDictionary<string, string>? ByLanguage = null)
{
    public static DeferredValue Text(string text) => new(DeferredValueKind.Text, text);

    public static DeferredValue Money(long minor, string currency) =>
        new(DeferredValueKind.Money, string.Create(CultureInfo.InvariantCulture, $"{minor} {currency}"));

    public static DeferredValue Day(DateOnly day) => new(DeferredValueKind.Day, day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    public static DeferredValue Phrase(string english) => new(DeferredValueKind.Phrase, english);

    /// <summary>A value rendered once per language the site speaks (a list of services with their names).</summary>
    public static DeferredValue Names(Func<string, string> inLanguage) =>
        new(DeferredValueKind.Names, inLanguage("en"), DeferredText.Languages.ToDictionary(l => l, inLanguage));
}

/// <summary>
/// RUN-07: text kept as English templates from the shared resource with typed values — a notice's subject and
/// body, a ledger line — so each reader gets it in their language at the time it is read (the centre, an email,
/// an SMS, a statement), not in the language of whoever caused it.
/// </summary>
[method: JsonConstructor]
public sealed record DeferredText(string Subject, string Body, IReadOnlyList<DeferredValue> Values)
{
    public const int MaxStoredLength = 4000;

    /// <summary>What a ledger line may keep (its column's size).</summary>
    public const int MaxLineLength = 1000;

    /// <summary>The languages a <see cref="DeferredValueKind.Names"/> value is kept in.</summary>
    public static readonly IReadOnlyList<string> Languages = ["en", "ru"];

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public DeferredText(string subject, string body, params DeferredValue[] values) : this(subject, body, (IReadOnlyList<DeferredValue>)values)
    {
    }

    public string Serialize(int maxLength = MaxStoredLength)
    {
        var json = JsonSerializer.Serialize(this, Json);
        return json.Length <= maxLength ? json : throw new ArgumentException($"A deferred text is kept in at most {maxLength} characters.");
    }

    public static DeferredText? Parse(string? stored) => stored is null ? null : JsonSerializer.Deserialize<DeferredText>(stored, Json);

    /// <summary>A text of one template (a ledger line): the body is unused.</summary>
    public static DeferredText Line(string template, params DeferredValue[] values) => new(template, "", values);

    /// <summary>The subject as written, in English: what is kept beside the data for exports and older readers.</summary>
    public string InEnglish()
    {
        using var _ = CultureScope.Use("en");
        return string.Format(CultureInfo.CurrentCulture, Subject, Format(phrase => phrase));
    }

    /// <summary><paramref name="template"/> (the subject or the body) in the current culture.</summary>
    public string Render(IStringLocalizer text, string template) => text[template, Format(phrase => text[phrase])];

    private object[] Format(Func<string, string> translate)
    {
        var culture = CultureInfo.CurrentCulture;
        return [.. Values.Select(v => (object)(v.Kind switch
        {
            DeferredValueKind.Money => FormatMoney(v.Value, culture),
            DeferredValueKind.Day => DateOnly.ParseExact(v.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture).LongDay(),
            DeferredValueKind.Names => v.ByLanguage is { } names && names.TryGetValue(CultureInfo.CurrentUICulture.TwoLetterISOLanguageName, out var name) ? name : v.Value,
            DeferredValueKind.Phrase => translate(v.Value),
            _ => v.Value,
        }))];
    }

    private static string FormatMoney(string stored, CultureInfo culture)
    {
        var parts = stored.Split(' ');
        return Shared.Money.ToAmount(long.Parse(parts[0], CultureInfo.InvariantCulture)).ToString("N2", culture) + " " + parts[1];
    }
}

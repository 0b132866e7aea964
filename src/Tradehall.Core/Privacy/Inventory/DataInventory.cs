using System.Reflection;

namespace Tradehall.Core.Privacy.Inventory;

/// <summary>One personal-data field as the member reads it: §15.2 fixes <c>field</c>, <c>purpose</c> and <c>retention</c>.</summary>
public sealed record InventoryItem(string Field, string Purpose, string Retention);

/// <summary>A marked property in the words of the code (English), before translation.</summary>
public sealed record MarkedField(Type Entity, PropertyInfo Property, string Record, string Name, string Purpose, string Retention);

/// <summary>
/// PRV-01: "What we store about you", read from the <see cref="PersonalDataAttribute"/> marks of every module's records,
/// so the page cannot drift from the code. A record's and a field's names are their code names in words
/// (<c>SignInSession.UserAgent</c> → "Sign in session: user agent"), translated like any other text.
/// </summary>
public sealed class DataInventory(IStringLocalizer<SharedResource> text)
{
    // Abbreviations a code name spells as a word, written as people write them; declared before Marks, which uses them
    // (static fields start in the order written).
    private static readonly string[] Abbreviations = ["Inn", "Bic", "Ogrnip", "Ogrn", "Kpp", "Ip"];

    /// <summary>Every marked property of the core library's records, by module, record and declaration order.</summary>
    public static readonly IReadOnlyList<MarkedField> Marks = Collect();

    public IReadOnlyList<InventoryItem> List() =>
        [.. Marks.Select(m => new InventoryItem($"{text[m.Record]}: {text[m.Name]}", text[m.Purpose], text[m.Retention]))];

    private static List<MarkedField> Collect() =>
        [.. typeof(DataInventory).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && t.Namespace is not null)
            .OrderBy(t => t.Namespace, StringComparer.Ordinal).ThenBy(t => t.Name, StringComparer.Ordinal)
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Select(p => (Property: p, Mark: p.GetCustomAttribute<PersonalDataAttribute>(inherit: true)))
                .Where(p => p.Mark is not null)
                // Inherited properties first, each type's in the order they are written.
                .OrderBy(p => Depth(p.Property.DeclaringType!)).ThenBy(p => p.Property.MetadataToken)
                .Select(p => new MarkedField(t, p.Property, Words(t.Name, capital: true), Words(p.Property.Name, capital: true), p.Mark!.Purpose, p.Mark.Retention)))];

    private static int Depth(Type type)
    {
        var depth = 0;
        for (var t = type.BaseType; t is not null; t = t.BaseType)
        {
            depth++;
        }
        return depth;
    }

    /// <summary>A code name in words: "DateOfBirth" → "Date of birth", "PayerInn" → "Payer INN".</summary>
    public static string Words(string name, bool capital)
    {
        foreach (var abbreviation in Abbreviations)
        {
            if (name.EndsWith(abbreviation, StringComparison.Ordinal) && (name.Length == abbreviation.Length || char.IsLower(name[^(abbreviation.Length + 1)])))
            {
                var rest = name[..^abbreviation.Length];
                return rest.Length == 0 ? abbreviation.ToUpperInvariant() : Words(rest, capital) + " " + abbreviation.ToUpperInvariant();
            }
        }
        var words = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (i > 0 && char.IsUpper(c) && !char.IsUpper(name[i - 1]))
            {
                words.Append(' ');
            }
            words.Append(i == 0 && capital ? char.ToUpperInvariant(c) : char.ToLowerInvariant(c));
        }
        return words.ToString();
    }
}

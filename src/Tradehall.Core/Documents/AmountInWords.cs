namespace Tradehall.Core.Documents;

/// <summary>
/// DOC-02: an amount in words as Russian accounting documents print it — «Одна тысяча пятьсот рублей 50 копеек».
/// Thousands are feminine (одна, две тысячи), roubles masculine; every noun takes the form its number governs.
/// </summary>
public static class AmountInWords
{
    private static readonly string[] UnitsMasculine = ["", "один", "два", "три", "четыре", "пять", "шесть", "семь", "восемь", "девять"];
    private static readonly string[] UnitsFeminine = ["", "одна", "две", "три", "четыре", "пять", "шесть", "семь", "восемь", "девять"];
    private static readonly string[] Teens = ["десять", "одиннадцать", "двенадцать", "тринадцать", "четырнадцать", "пятнадцать", "шестнадцать", "семнадцать", "восемнадцать", "девятнадцать"];
    private static readonly string[] Tens = ["", "", "двадцать", "тридцать", "сорок", "пятьдесят", "шестьдесят", "семьдесят", "восемьдесят", "девяносто"];
    private static readonly string[] Hundreds = ["", "сто", "двести", "триста", "четыреста", "пятьсот", "шестьсот", "семьсот", "восемьсот", "девятьсот"];

    /// <summary>Groups of three digits from the thousands up: forms for 1, 2–4 and 5+, and whether the group is feminine.</summary>
    private static readonly (string One, string Few, string Many, bool Feminine)[] Scales =
    [
        ("тысяча", "тысячи", "тысяч", true),
        ("миллион", "миллиона", "миллионов", false),
        ("миллиард", "миллиарда", "миллиардов", false),
        ("триллион", "триллиона", "триллионов", false),
    ];

    /// <summary>Roubles in words and kopecks in figures, the first letter capitalised; <paramref name="minor"/> is in kopecks.</summary>
    public static string Roubles(long minor)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(minor);
        var roubles = minor / 100;
        var kopecks = minor % 100;
        var words = roubles == 0 ? "ноль" : Number(roubles);
        var text = $"{words} {Form(roubles, "рубль", "рубля", "рублей")} {kopecks:00} {Form(kopecks, "копейка", "копейки", "копеек")}";
        return char.ToUpperInvariant(text[0]) + text[1..];
    }

    private static string Number(long value)
    {
        var parts = new List<string>();
        var groups = new List<int>();
        for (var rest = value; rest > 0; rest /= 1000)
        {
            groups.Add((int)(rest % 1000));
        }
        for (var i = groups.Count - 1; i >= 0; i--)
        {
            var group = groups[i];
            if (group == 0)
            {
                continue;
            }
            var scale = i == 0 ? default : Scales[i - 1];
            parts.Add(Hundred(group, i > 0 && scale.Feminine));
            if (i > 0)
            {
                parts.Add(Form(group, scale.One, scale.Few, scale.Many));
            }
        }
        return string.Join(' ', parts.Where(p => p.Length > 0));
    }

    private static string Hundred(int value, bool feminine)
    {
        var words = new List<string> { Hundreds[value / 100] };
        var lastTwo = value % 100;
        if (lastTwo is >= 10 and < 20)
        {
            words.Add(Teens[lastTwo - 10]);
        }
        else
        {
            words.Add(Tens[lastTwo / 10]);
            words.Add((feminine ? UnitsFeminine : UnitsMasculine)[lastTwo % 10]);
        }
        return string.Join(' ', words.Where(w => w.Length > 0));
    }

    /// <summary>The noun form a number governs: 1, 21 → one; 2–4, 22–24 → few; 0, 5–20, 25–30 → many.</summary>
    private static string Form(long value, string one, string few, string many)
    {
        var lastTwo = value % 100;
        var last = value % 10;
        return lastTwo is >= 11 and <= 14 ? many : last switch
        {
            1 => one,
            >= 2 and <= 4 => few,
            _ => many,
        };
    }
}

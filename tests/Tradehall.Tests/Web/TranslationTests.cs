using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Tradehall.Tests.Web;

/// <summary>RUN-07: every text a person can see has a Russian translation.</summary>
public sealed partial class TranslationTests
{
    private static string Root => Repository.Root;

    private static HashSet<string> Translated() =>
        XDocument.Load(Path.Combine(Root, "src", "Tradehall.Core", "Shared", "SharedResource.ru.resx"))
            .Root!.Elements("data")
            .Where(d => !string.IsNullOrWhiteSpace(d.Element("value")?.Value))
            .Select(d => d.Attribute("name")!.Value)
            .ToHashSet(StringComparer.Ordinal);

    private static IEnumerable<(string File, string Key)> Keys(string folder, string pattern, Regex regex) =>
        Directory.EnumerateFiles(Path.Combine(Root, folder), pattern, SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => regex.Matches(File.ReadAllText(f)).Select(m => (Path.GetFileName(f), Regex.Unescape(m.Groups[1].Value))));

    [Fact]
    public void RUN07_every_page_text_has_a_russian_translation()
    {
        var translated = Translated();
        var missing = Keys("src/Tradehall.Web", "*.cshtml", PageKey()).Concat(Keys("src/Tradehall.Web", "*.cs", PageKey()))
            .Where(k => !translated.Contains(k.Key)).Select(k => $"{k.File}: {k.Key}").Distinct().ToList();
        Assert.True(missing.Count == 0, "Missing Russian texts:\n" + string.Join("\n", missing));
    }

    [Fact]
    public void RUN07_every_message_of_the_rules_has_a_russian_translation()
    {
        var translated = Translated();
        // Options messages speak to the operator's configuration, in the log, not to members.
        var missing = Keys("src/Tradehall.Core", "*.cs", CoreMessage())
            .Where(k => !k.File.EndsWith("Options.cs", StringComparison.Ordinal) && !translated.Contains(k.Key)).Select(k => $"{k.File}: {k.Key}").Distinct().ToList();
        Assert.True(missing.Count == 0, "Missing Russian texts:\n" + string.Join("\n", missing));
    }

    [Fact]
    public void RUN07_every_notice_and_ledger_line_has_a_russian_translation()
    {
        var translated = Translated();
        var missing = Keys("src/Tradehall.Core", "*.cs", DeferredSubject()).Concat(Keys("src/Tradehall.Core", "*.cs", DeferredBody()))
            .Concat(Keys("src/Tradehall.Core", "*.cs", DeferredPhrase()))
            .Where(k => !translated.Contains(k.Key)).Select(k => $"{k.File}: {k.Key}").Distinct().ToList();
        Assert.NotEmpty(Keys("src/Tradehall.Core", "*.cs", DeferredBody()));
        Assert.True(missing.Count == 0, "Missing Russian texts:\n" + string.Join("\n", missing));
    }

    [GeneratedRegex(""""(?:new DeferredText|DeferredText\.Line)\("((?:[^"\\]|\\.)+)"""")]
    private static partial Regex DeferredSubject();

    [GeneratedRegex(""""new DeferredText\("(?:[^"\\]|\\.)+",\s*"((?:[^"\\]|\\.)+)"""")]
    private static partial Regex DeferredBody();

    [GeneratedRegex(""""DeferredValue\.Phrase\("((?:[^"\\]|\\.)+)"""")]
    private static partial Regex DeferredPhrase();

    [GeneratedRegex(""""\bL\["((?:[^"\\]|\\.)+)"""")]
    private static partial Regex PageKey();

    // Texts a member reads: localizer keys, validation messages and the messages of refusals.
    [GeneratedRegex(""""(?:\btext\["|ErrorMessage = "|DomainException\.(?:Field|Conflict)\("[^"]+", "[^"]+",\s*"|DomainException\.(?:TooMany|NotFound|Forbidden)\("[^"]+",\s*"|new DomainException\("[^"]+", ")((?:[^"\\{]|\\.)+)"(?!\s*\+)"""")]
    private static partial Regex CoreMessage();
}

using System.Collections.Concurrent;
using Tradehall.Core.Legal.Subscribers;

namespace Tradehall.Web.Pages;

/// <summary>
/// RUN-07, KYC-03: country names in the visitor's language, from the ICU data the runtime already
/// carries (the region part of a locale's display name), so no list of names is shipped.
/// </summary>
public static class CountryNames
{
    private static readonly ConcurrentDictionary<string, IReadOnlyList<(string Code, string Name)>> ByLanguage = new(StringComparer.Ordinal);

    public static string Name(string code)
    {
        var display = CultureInfo.GetCultureInfo("en-" + code).DisplayName;
        var open = display.IndexOf('(', StringComparison.Ordinal);
        var close = display.LastIndexOf(')');
        return open >= 0 && close > open ? display[(open + 1)..close] : code;
    }

    /// <summary>Every assigned country, Russia first, the rest by name in the current language.</summary>
    public static IReadOnlyList<(string Code, string Name)> All() =>
        ByLanguage.GetOrAdd(CultureInfo.CurrentUICulture.Name, _ =>
        {
            var comparer = StringComparer.Create(CultureInfo.CurrentUICulture, ignoreCase: true);
            return Countries.All
                .Select(code => (Code: code, Name: Name(code)))
                .OrderBy(c => c.Code == "RU" ? 0 : 1)
                .ThenBy(c => c.Name, comparer)
                .ToList();
        });
}

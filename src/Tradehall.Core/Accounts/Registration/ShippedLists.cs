using System.Collections.Frozen;
using System.Reflection;

namespace Tradehall.Core.Accounts.Registration;

/// <summary>The lists shipped with the product: disposable email domains (ACC-02) and common passwords (SEC-01).</summary>
public static class ShippedLists
{
    private static readonly Lazy<FrozenSet<string>> DisposableDomains = new(() => Load("disposable-domains.txt"));
    private static readonly Lazy<FrozenSet<string>> CommonPasswords = new(() => Load("common-passwords.txt"));

    /// <summary>True when the domain, or a domain it belongs to, is a disposable-mail service.</summary>
    public static bool IsDisposableDomain(string domain, IEnumerable<string> extra)
    {
        var extraSet = extra.Select(d => d.Trim().ToLowerInvariant()).ToHashSet();
        var candidate = domain.Trim().TrimEnd('.').ToLowerInvariant();
        while (candidate.Contains('.', StringComparison.Ordinal))
        {
            if (DisposableDomains.Value.Contains(candidate) || extraSet.Contains(candidate))
            {
                return true;
            }
            candidate = candidate[(candidate.IndexOf('.', StringComparison.Ordinal) + 1)..];
        }
        return false;
    }

    public static bool IsCommonPassword(string password) => CommonPasswords.Value.Contains(password.ToLowerInvariant());

    private static FrozenSet<string> Load(string name)
    {
        var assembly = Assembly.GetExecutingAssembly();
        var resource = assembly.GetManifestResourceNames().Single(n => n.EndsWith(name, StringComparison.Ordinal));
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                set.Add(line);
            }
        }
        return set.ToFrozenSet(StringComparer.Ordinal);
    }
}

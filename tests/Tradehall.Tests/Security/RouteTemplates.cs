using System.Text.RegularExpressions;

namespace Tradehall.Tests.Security;

/// <summary>Route templates of the app's endpoint table made into paths the tests can call.</summary>
public static partial class RouteTemplates
{
    [GeneratedRegex(@"\{\*{0,2}(?<name>[A-Za-z]+)(?<constraint>:[^}]+)?\??\}")]
    private static partial Regex Parameter();

    /// <summary>Each parameter replaced by <paramref name="value"/>(name, constraint), or by a made-up value of its type when that gives null.</summary>
    public static string Fill(string template, Func<string, string, string?>? value = null) =>
        Parameter().Replace(template, m =>
        {
            var (name, constraint) = (m.Groups["name"].Value, m.Groups["constraint"].Value);
            return value?.Invoke(name, constraint)
                ?? (constraint.Contains("guid", StringComparison.Ordinal) ? Guid.NewGuid().ToString()
                    : constraint.Contains("int", StringComparison.Ordinal) || constraint.Contains("long", StringComparison.Ordinal) ? "987654321" : "no-such-thing");
        });

    /// <summary>The template as the OpenAPI document writes it: parameters without constraints.</summary>
    public static string Documented(string template) => Parameter().Replace(template, m => "{" + m.Groups["name"].Value + "}");
}

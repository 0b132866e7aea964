namespace Tradehall.Core.Legal.Documents;

/// <summary>OPS-06: how a document kind is written in addresses and the API, and its name (English, translated where shown).</summary>
public static class DocumentKinds
{
    public static readonly IReadOnlyList<DocumentKind> All = Enum.GetValues<DocumentKind>();

    public static string Slug(DocumentKind kind) => kind switch
    {
        DocumentKind.Terms => "terms",
        DocumentKind.Privacy => "privacy",
        _ => "offer",
    };

    public static DocumentKind? Parse(string? slug) => All.Cast<DocumentKind?>().FirstOrDefault(k => Slug(k!.Value) == slug?.Trim().ToLowerInvariant());

    public static string Name(DocumentKind kind) => kind switch
    {
        DocumentKind.Terms => "Terms of Service",
        DocumentKind.Privacy => "Privacy Policy",
        _ => "Public offer",
    };

    /// <summary>The public page of one version.</summary>
    public static string Path(DocumentKind kind, string version) => $"/legal/{Slug(kind)}/{Uri.EscapeDataString(version)}";

    /// <summary>The operator's day on which an instant falls, and the instant the operator's day begins.</summary>
    public static DateOnly Day(DateTime utc, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone));

    public static DateTime Start(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        // Where a clock change skips midnight, the day begins at the first local moment that exists.
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(30);
        }
        return TimeZoneInfo.ConvertTimeToUtc(local, zone);
    }
}

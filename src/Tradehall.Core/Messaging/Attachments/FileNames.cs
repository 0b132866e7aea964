namespace Tradehall.Core.Messaging.Attachments;

/// <summary>The original name of an upload, made safe to show and to offer as a download name.</summary>
public static class FileNames
{
    public const int MaxLength = 150;

    public static string Sanitise(string? name)
    {
        // Only the last path segment, whichever separator the sender's system used.
        var last = (name ?? "").Replace('\\', '/').Split('/').Last().Trim();
        var clean = new StringBuilder(last.Length);
        foreach (var c in last)
        {
            clean.Append(char.IsControl(c) || c is '"' or '<' or '>' or ':' or '*' or '?' or '|' ? '_' : c);
        }
        // "‮gnp.exe.pdf" would display as "fdp.exe.png": direction controls never reach a reader.
        var result = PlainText.ReplaceBidiControls(clean.ToString(), '_').Trim('.', ' ');
        if (result.Length > MaxLength)
        {
            var extension = Path.GetExtension(result);
            result = result[..(MaxLength - extension.Length)] + extension;
        }
        return PlainText.IsBlank(result) ? "file" : result;
    }
}

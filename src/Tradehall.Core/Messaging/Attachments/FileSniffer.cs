using System.IO.Compression;

namespace Tradehall.Core.Messaging.Attachments;

/// <summary>
/// MSG-04, SEC-07: what a file is, decided by its first bytes (and, for Office files, by the parts inside the
/// zip), never by the name or the type the browser claimed. The name's extension must agree with the content.
/// </summary>
public static class FileSniffer
{
    private sealed record Kind(string ContentType, string[] Extensions);

    private static readonly Kind Pdf = new("application/pdf", [".pdf"]);
    private static readonly Kind Jpeg = new("image/jpeg", [".jpg", ".jpeg"]);
    private static readonly Kind Png = new("image/png", [".png"]);
    private static readonly Kind Gif = new("image/gif", [".gif"]);
    private static readonly Kind Webp = new("image/webp", [".webp"]);
    private static readonly Kind Docx = new("application/vnd.openxmlformats-officedocument.wordprocessingml.document", [".docx"]);
    private static readonly Kind Xlsx = new("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", [".xlsx"]);
    private static readonly Kind Pptx = new("application/vnd.openxmlformats-officedocument.presentationml.presentation", [".pptx"]);
    private static readonly Kind Doc = new("application/msword", [".doc"]);
    private static readonly Kind Xls = new("application/vnd.ms-excel", [".xls"]);

    private static readonly Kind[] Accepted = [Pdf, Jpeg, Png, Gif, Webp, Docx, Xlsx, Pptx, Doc, Xls];

    /// <summary>The extensions a file may have, for the upload field's hint and <c>accept</c> attribute.</summary>
    public static readonly string AcceptList = string.Join(',', Accepted.SelectMany(k => k.Extensions));

    /// <summary>True when the name's extension is one we accept at all.</summary>
    public static bool IsAcceptedName(string fileName) =>
        Accepted.Any(k => k.Extensions.Contains(Path.GetExtension(fileName).ToLowerInvariant(), StringComparer.Ordinal));

    /// <summary>The sniffed content type when the content is an accepted kind that matches the name's extension; otherwise null.</summary>
    public static string? ContentTypeOf(ReadOnlySpan<byte> head, Stream whole, string fileName)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        var kinds = Sniff(head, whole);
        return kinds.FirstOrDefault(k => k.Extensions.Contains(extension, StringComparer.Ordinal))?.ContentType;
    }

    private static Kind[] Sniff(ReadOnlySpan<byte> head, Stream whole)
    {
        if (head.StartsWith("%PDF-"u8))
        {
            return [Pdf];
        }
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return [Jpeg];
        }
        if (head.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return [Png];
        }
        if (head.StartsWith("GIF87a"u8) || head.StartsWith("GIF89a"u8))
        {
            return [Gif];
        }
        if (head.Length >= 12 && head.StartsWith("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8))
        {
            return [Webp];
        }
        // The OLE compound file of legacy Word and Excel; which of the two it is, the name says.
        if (head.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]))
        {
            return [Doc, Xls];
        }
        if (head.StartsWith("PK\u0003\u0004"u8))
        {
            return OfficeKind(whole) is { } office ? [office] : [];
        }
        return [];
    }

    /// <summary>An Office Open XML package: a zip with <c>[Content_Types].xml</c> and the main folder of its application.</summary>
    private static Kind? OfficeKind(Stream whole)
    {
        try
        {
            whole.Position = 0;
            using var zip = new ZipArchive(whole, ZipArchiveMode.Read, leaveOpen: true, Encoding.UTF8);
            var names = zip.Entries.Select(e => e.FullName).ToList();
            if (!names.Contains("[Content_Types].xml", StringComparer.Ordinal))
            {
                return null;
            }
            return names.Any(n => n.StartsWith("word/", StringComparison.Ordinal)) ? Docx
                : names.Any(n => n.StartsWith("xl/", StringComparison.Ordinal)) ? Xlsx
                : names.Any(n => n.StartsWith("ppt/", StringComparison.Ordinal)) ? Pptx
                : null;
        }
        catch (InvalidDataException)
        {
            return null;
        }
        finally
        {
            whole.Position = 0;
        }
    }
}

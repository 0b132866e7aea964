using PdfSharp.Fonts;

namespace Tradehall.Core.Documents;

/// <summary>
/// PDFsharp setup, once per process: Tradehall is AGPL-3.0, so PDFsharp runs under its AGPL licence;
/// and on Linux it finds no system fonts, so DejaVu (which covers Cyrillic) is served from the Debian package.
/// </summary>
[ModuleApi]
public static class PdfFonts
{
    public const string Family = "DejaVu Sans";
    public const string Directory = "/usr/share/fonts/truetype/dejavu/";
    private static readonly Lock Gate = new();
    private static bool ready;

    public static void EnsureReady()
    {
        lock (Gate)
        {
            if (ready)
            {
                return;
            }
            PdfSharp.PdfSharpLicense.SetAgplLicense();
            GlobalFontSettings.FontResolver ??= new DejaVuFontResolver();
            ready = true;
        }
    }

    private sealed class DejaVuFontResolver : IFontResolver
    {
        private const string Regular = "DejaVuSans";
        private const string Bold = "DejaVuSans-Bold";
        private const string Oblique = "DejaVuSans-Oblique";
        private const string BoldOblique = "DejaVuSans-BoldOblique";

        public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
            (bold, italic) switch
            {
                (true, true) => new FontResolverInfo(BoldOblique),
                (true, false) => new FontResolverInfo(Bold),
                (false, true) => new FontResolverInfo(Oblique),
                _ => new FontResolverInfo(Regular),
            };

        public byte[]? GetFont(string faceName) => File.ReadAllBytes(Path.Combine(Directory, faceName + ".ttf"));
    }
}

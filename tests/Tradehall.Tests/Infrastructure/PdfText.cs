using System.Diagnostics;

namespace Tradehall.Tests.Infrastructure;

/// <summary>The text of a PDF as a reader sees it (poppler-utils' pdftotext).</summary>
public static class PdfText
{
    public static Task<string> ReadAsync(byte[] pdf) => RunAsync(pdf, "-layout");

    /// <summary>A word drawn on a page and the box it covers, in points from the page's top left.</summary>
    public sealed record Word(int Page, string Text, double Left, double Top, double Right, double Bottom);

    /// <summary>Every word with its box (pdftotext -bbox), to check that nothing is drawn over anything else.</summary>
    public static async Task<IReadOnlyList<Word>> WordsAsync(byte[] pdf)
    {
        var html = await RunAsync(pdf, "-bbox");
        var words = new List<Word>();
        var page = 0;
        foreach (var line in html.Split('\n'))
        {
            if (line.Contains("<page ", StringComparison.Ordinal))
            {
                page++;
            }
            var m = System.Text.RegularExpressions.Regex.Match(line,
                "<word xMin=\"([0-9.]+)\" yMin=\"([0-9.]+)\" xMax=\"([0-9.]+)\" yMax=\"([0-9.]+)\">(.*)</word>");
            if (m.Success)
            {
                double D(int g) => double.Parse(m.Groups[g].Value, System.Globalization.CultureInfo.InvariantCulture);
                words.Add(new Word(page, System.Net.WebUtility.HtmlDecode(m.Groups[5].Value), D(1), D(2), D(3), D(4)));
            }
        }
        return words;
    }

    private static async Task<string> RunAsync(byte[] pdf, string mode)
    {
        var file = Path.Combine(Path.GetTempPath(), $"document-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(file, pdf);
        try
        {
            using var process = Process.Start(new ProcessStartInfo("pdftotext", [mode, file, "-"]) { RedirectStandardOutput = true })!;
            var text = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.Equal(0, process.ExitCode);
            return text;
        }
        finally
        {
            File.Delete(file);
        }
    }
}

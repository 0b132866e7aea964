using System.Diagnostics;

namespace Tradehall.Tests.Infrastructure;

/// <summary>The text of a PDF as a reader sees it (poppler-utils' pdftotext).</summary>
public static class PdfText
{
    public static async Task<string> ReadAsync(byte[] pdf)
    {
        var file = Path.Combine(Path.GetTempPath(), $"document-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(file, pdf);
        try
        {
            using var process = Process.Start(new ProcessStartInfo("pdftotext", ["-layout", file, "-"]) { RedirectStandardOutput = true })!;
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

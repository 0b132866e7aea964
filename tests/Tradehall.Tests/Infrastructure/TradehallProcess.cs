using System.Diagnostics;

namespace Tradehall.Tests.Infrastructure;

/// <summary>The <c>tradehall</c> executable started as a separate process on a test database, the way an operator runs it.</summary>
public static class TradehallProcess
{
    public static Process Start(TestDatabase database, string environment, IReadOnlyDictionary<string, string>? settings, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "tradehall.dll"));
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }
        info.Environment["DOTNET_ENVIRONMENT"] = environment;
        info.Environment["ASPNETCORE_ENVIRONMENT"] = environment;
        foreach (var (key, value) in database.Settings.Concat(settings?.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)) ?? []))
        {
            info.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }
        return Process.Start(info)!;
    }

    public static async Task<(int Exit, string Out, string Err)> RunAsync(TestDatabase database, string environment, IReadOnlyDictionary<string, string>? settings, params string[] args)
    {
        using var process = Start(database, environment, settings, args);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, Printable(await stdout), Printable(await stderr));
    }

    /// <summary>
    /// Progress bars redraw with carriage returns and escape codes, which test result files cannot hold: a failed
    /// assertion quoting the output would otherwise lose its message.
    /// </summary>
    private static string Printable(string text) =>
        string.Create(text.Length, text, (span, t) =>
        {
            for (var i = 0; i < t.Length; i++)
            {
                span[i] = char.IsControl(t[i]) && t[i] is not ('\n' or '\t') ? ' ' : t[i];
            }
        });
}

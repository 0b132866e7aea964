using System.Diagnostics;

namespace Tradehall.Web.Hosting;

/// <summary>
/// Progress of a long verb on standard error: a bar redrawn in place on a terminal, one line a second
/// when redirected to a log, so standard output keeps only the verb's answer.
/// </summary>
public sealed class ConsoleProgress : IProgress<JobProgress>
{
    private const int Width = 30;
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private TimeSpan lastLine = TimeSpan.MinValue;
    private string lastPhase = "";
    private long lastDone;

    public void Report(JobProgress value)
    {
        var finished = value.Total > 0 && value.Done >= value.Total;
        // A log gets a line a second, but always the phase's first step of progress: it tells whoever watches the
        // log that the first batch is committed.
        if (Console.IsErrorRedirected && value.Phase == lastPhase && lastDone > 0 && !finished && clock.Elapsed - lastLine < TimeSpan.FromSeconds(1))
        {
            return;
        }
        lastLine = clock.Elapsed;
        lastPhase = value.Phase;
        lastDone = value.Done;
        var seconds = clock.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture);
        string line;
        if (value.Total > 0)
        {
            var share = (int)(value.Done * Width / value.Total);
            var percent = (value.Done * 100 / value.Total).ToString(CultureInfo.InvariantCulture);
            line = $"{value.Phase,-7} [{new string('#', share)}{new string('.', Width - share)}] {value.Done}/{value.Total} {percent}% {seconds}s";
        }
        else
        {
            line = $"{value.Phase,-7} {value.Done} {seconds}s";
        }
        Console.Error.Write(Console.IsErrorRedirected ? line + "\n" : "\r" + line + (finished ? "\n" : ""));
    }
}

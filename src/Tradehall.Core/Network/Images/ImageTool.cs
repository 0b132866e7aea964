using System.ComponentModel;
using System.Diagnostics;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Tradehall.Core.Network.Images;

/// <summary>
/// NET-02: photos and logos are re-encoded by libvips' <c>vipsthumbnail</c>, a program outside the site. Without it the
/// site still runs, but health says degraded and the log names what to install, and uploads get a clear answer.
/// </summary>
public sealed partial class ImageTool(IOptions<NetworkOptions> options, ILogger<ImageTool> logger) : IHealthCheck
{
    public const string Missing = "vipsthumbnail (Debian package libvips-tools) is not installed or not at Network:VipsThumbnail: photos and logos cannot be uploaded.";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var start = new ProcessStartInfo(options.Value.VipsThumbnail, ["--vips-version"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        Process? process = null;
        try
        {
            process = Process.Start(start);
            if (process is not null)
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(options.Value.ImageTimeout);
                var version = await process.StandardOutput.ReadToEndAsync(timeout.Token);
                await process.WaitForExitAsync(timeout.Token);
                if (process.ExitCode == 0)
                {
                    return HealthCheckResult.Healthy(version.Trim());
                }
            }
        }
        catch (Win32Exception)
        {
            // Not found or not executable: said below.
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // A tool that does not even say its version in time will not decode images either.
            process?.Kill(entireProcessTree: true);
        }
        finally
        {
            process?.Dispose();
        }
        LogMissing(logger, options.Value.VipsThumbnail);
        return HealthCheckResult.Degraded(Missing);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The image tool {Command} does not run: install Debian's libvips-tools (apt-get install libvips-tools) or set Network:VipsThumbnail. Photo and logo uploads are refused until then.")]
    public static partial void LogMissing(ILogger logger, string command);
}

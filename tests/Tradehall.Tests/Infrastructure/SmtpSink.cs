using System.Diagnostics;
using System.Net.Sockets;

namespace Tradehall.Tests.Infrastructure;

/// <summary>A real SMTP server (Debian's aiosmtpd) on a loopback port, storing what it receives in a maildir.</summary>
public sealed class SmtpSink : IDisposable
{
    private Process? server;

    public SmtpSink(int? port = null)
    {
        Port = port ?? FreePort();
        Maildir = Directory.CreateTempSubdirectory("tradehall-smtp-").FullName;
        foreach (var sub in new[] { "tmp", "new", "cur" })
        {
            Directory.CreateDirectory(Path.Combine(Maildir, sub));
        }
    }

    public int Port { get; }

    public string Maildir { get; }

    public static int FreePort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async Task StartAsync()
    {
        var info = new ProcessStartInfo("/usr/bin/python3", ["-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{Port}", "-c", "aiosmtpd.handlers.Mailbox", Maildir])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        server = Process.Start(info) ?? throw new InvalidOperationException("aiosmtpd did not start (scripts/install-deps.sh installs python3-aiosmtpd).");
        for (var i = 0; i < 100; i++)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(System.Net.IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }
        throw new TimeoutException("aiosmtpd did not open its port: " + await server.StandardError.ReadToEndAsync());
    }

    public async Task<string> WaitForMessageAsync(string to)
    {
        for (var i = 0; i < 100; i++)
        {
            var newFolder = Path.Combine(Maildir, "new");
            if (Directory.Exists(newFolder))
            {
                foreach (var file in Directory.GetFiles(newFolder))
                {
                    var text = await File.ReadAllTextAsync(file);
                    if (text.Contains($"To: {to}", StringComparison.OrdinalIgnoreCase))
                    {
                        return text;
                    }
                }
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"No message for {to} reached the SMTP server.");
    }

    public void Dispose()
    {
        if (server is { HasExited: false })
        {
            server.Kill(entireProcessTree: true);
        }
        server?.Dispose();
        Directory.Delete(Maildir, recursive: true);
    }
}

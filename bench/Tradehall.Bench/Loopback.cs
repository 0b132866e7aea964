namespace Tradehall.Bench;

internal static class Loopback
{
    /// <summary>A loopback port free right now, for a site the benchmark starts in its own process.</summary>
    public static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }
}

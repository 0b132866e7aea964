namespace Tradehall.Bench;

/// <summary>
/// One keep-alive HTTP/1.1 connection that sends GET requests and reads each answer whole, as a load generator does.
/// The benchmarks share two cores with the site they measure, so the client must cost little: on the search benchmark
/// HttpClient took about 40 % of the machine (the site answered 232 calls/s to it and 416/s to wrk with the same mix).
/// Reads <c>Content-Length</c> and chunked bodies; anything else is an error.
/// </summary>
internal sealed class HttpGetClient(IPEndPoint site) : IDisposable
{
    private readonly byte[] buffer = new byte[64 * 1024];
    private Socket? socket;
    private int start;
    private int end;

    /// <summary>The status and, for any status but 200, the body (to say what went wrong).</summary>
    public async Task<(int Status, string? Error)> GetAsync(string pathAndQuery, CancellationToken cancellationToken)
    {
        // The request line is written as ASCII, where any other character would silently become '?'.
        if (!System.Text.Ascii.IsValid(pathAndQuery))
        {
            throw new ArgumentException($"Percent-encode the address: {pathAndQuery}", nameof(pathAndQuery));
        }
        try
        {
            return await ExchangeAsync(pathAndQuery, cancellationToken);
        }
        catch
        {
            // Whatever was half read is lost with the connection; the next call opens a new one.
            Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        socket?.Dispose();
        socket = null;
    }

    private async Task<(int Status, string? Error)> ExchangeAsync(string pathAndQuery, CancellationToken cancellationToken)
    {
        if (socket is null)
        {
            socket = new Socket(site.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            await socket.ConnectAsync(site, cancellationToken);
            start = end = 0;
        }
        var request = Encoding.ASCII.GetBytes($"GET {pathAndQuery} HTTP/1.1\r\nHost: {site}\r\n\r\n");
        await socket.SendAsync(request, SocketFlags.None, cancellationToken);
        var statusLine = await LineAsync(cancellationToken);
        var status = int.Parse(statusLine.AsSpan(9, 3), CultureInfo.InvariantCulture);
        long? length = null;
        var chunked = false;
        var close = false;
        for (var header = await LineAsync(cancellationToken); header.Length > 0; header = await LineAsync(cancellationToken))
        {
            var colon = header.IndexOf(':', StringComparison.Ordinal);
            var name = header[..colon];
            var value = header[(colon + 1)..].Trim();
            if (name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                length = long.Parse(value, CultureInfo.InvariantCulture);
            }
            else if (name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase))
            {
                chunked = value.Contains("chunked", StringComparison.OrdinalIgnoreCase);
            }
            else if (name.Equals("Connection", StringComparison.OrdinalIgnoreCase))
            {
                close = value.Equals("close", StringComparison.OrdinalIgnoreCase);
            }
        }
        var body = status == 200 ? null : new MemoryStream();
        if (chunked)
        {
            for (var size = await ChunkSizeAsync(cancellationToken); size > 0; size = await ChunkSizeAsync(cancellationToken))
            {
                await SkipAsync(size, body, cancellationToken);
                await LineAsync(cancellationToken);
            }
            while ((await LineAsync(cancellationToken)).Length > 0)
            {
                // Trailers, if any, end with an empty line.
            }
        }
        else if (length is { } n)
        {
            await SkipAsync(n, body, cancellationToken);
        }
        else
        {
            throw new HttpRequestException($"{pathAndQuery}: an answer without Content-Length or chunked encoding");
        }
        if (close)
        {
            Dispose();
        }
        return (status, body is null ? null : Encoding.UTF8.GetString(body.ToArray()));
    }

    private async Task<long> ChunkSizeAsync(CancellationToken cancellationToken)
    {
        var line = await LineAsync(cancellationToken);
        var semicolon = line.IndexOf(';', StringComparison.Ordinal);
        return long.Parse(semicolon < 0 ? line : line[..semicolon], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
    }

    /// <summary>The next line without its CRLF.</summary>
    private async Task<string> LineAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var at = Array.IndexOf(buffer, (byte)'\n', start, end - start);
            if (at >= 0)
            {
                var line = Encoding.ASCII.GetString(buffer, start, at - start).TrimEnd('\r');
                start = at + 1;
                return line;
            }
            await FillAsync(cancellationToken);
        }
    }

    private async Task SkipAsync(long count, MemoryStream? keep, CancellationToken cancellationToken)
    {
        while (count > 0)
        {
            if (start == end)
            {
                await FillAsync(cancellationToken);
            }
            var take = (int)Math.Min(count, end - start);
            keep?.Write(buffer, start, take);
            start += take;
            count -= take;
        }
    }

    /// <summary>Reads more of the answer after what is left unread, moving that to the front first.</summary>
    private async Task FillAsync(CancellationToken cancellationToken)
    {
        if (start > 0)
        {
            Buffer.BlockCopy(buffer, start, buffer, 0, end - start);
            end -= start;
            start = 0;
        }
        if (end == buffer.Length)
        {
            throw new HttpRequestException("a header line longer than the client's buffer");
        }
        var read = await socket!.ReceiveAsync(buffer.AsMemory(end), SocketFlags.None, cancellationToken);
        if (read == 0)
        {
            throw new HttpRequestException("the site closed the connection in the middle of an answer");
        }
        end += read;
    }
}

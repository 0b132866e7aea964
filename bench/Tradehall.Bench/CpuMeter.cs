namespace Tradehall.Bench;

/// <summary>
/// CPU time used so far by what answers a benchmark's calls: this process (the site and the clients) and, when the
/// database is a PostgreSQL server on this machine, that server's processes. Divided by the calls answered in a window,
/// it tells what one call costs the machine, a figure the run-to-run spread of latencies does not blur as much.
/// </summary>
internal sealed class CpuMeter
{
    // Linux reports process times in clock ticks of USER_HZ, which is 100 on every architecture it exports to user space.
    private const double TicksPerSecond = 100;

    private readonly int? _postmaster;

    private CpuMeter(int? postmaster) => _postmaster = postmaster;

    /// <summary>This process only: SQLite runs inside it.</summary>
    public static CpuMeter InProcess() => new(null);

    /// <summary>
    /// This process and the server behind <paramref name="connection"/>, found as the parent of a backend; only this
    /// process when the backend is not a process of this machine (a server elsewhere).
    /// </summary>
    public static async Task<CpuMeter> WithServerAsync(NpgsqlDataSource connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand("SELECT pg_backend_pid()");
        var backend = (int)(await command.ExecuteScalarAsync(cancellationToken))!;
        return new CpuMeter(Stat(backend) is { Name: "postgres" } stat ? stat.Parent : null);
    }

    public bool MeasuresServer => _postmaster is not null;

    /// <summary>CPU used so far: this process and the server (its postmaster, the children it reaped, the live ones).</summary>
    public (TimeSpan Process, TimeSpan Server) Read()
    {
        using var self = Process.GetCurrentProcess();
        if (_postmaster is not { } postmaster || Stat(postmaster) is not { } root)
        {
            return (self.TotalProcessorTime, TimeSpan.Zero);
        }
        var ticks = root.Own + root.Reaped;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
                && Stat(pid) is { } child && child.Parent == postmaster)
            {
                ticks += child.Own;
            }
        }
        return (self.TotalProcessorTime, TimeSpan.FromSeconds(ticks / TicksPerSecond));
    }

    /// <summary>From <c>/proc/&lt;pid&gt;/stat</c>: the program's name, the parent, own user and system ticks, and those of reaped children.</summary>
    private static (string Name, int Parent, long Own, long Reaped)? Stat(int pid)
    {
        string text;
        try
        {
            text = File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (IOException)
        {
            return null; // gone, or not Linux
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
        // The program's name (field 2) is in parentheses and may hold spaces: fields are counted after its closing one.
        var close = text.LastIndexOf(')');
        var f = text[(close + 2)..].Split(' ');
        long At(int field) => long.Parse(f[field - 3], CultureInfo.InvariantCulture);
        return (text[(text.IndexOf('(') + 1)..close], (int)At(4), At(14) + At(15), At(16) + At(17));
    }
}

using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Tradehall.Core.Notifications.Live;

namespace Tradehall.Bench;

/// <summary>
/// MSG-02, RUN-03 under load: <c>--clients</c> members each keep one SignalR connection to /hubs/live while
/// messages go out at <c>--rate</c> per second between pairs of them; the time from the send to the message
/// arriving on the recipient's socket is measured with clients on the sending node, then with clients on a
/// second node (a separate process on the same database), and beside them PostgreSQL's bare LISTEN/NOTIFY
/// round trip at the same rate. Node A runs inside this process; the clients, the sender and both clocks are
/// here too, so a latency is one stopwatch difference.
/// </summary>
internal static class ChatBenchmark
{
    private const string Event = "message";

    public static Command Command()
    {
        var connection = BenchDatabase.ServerOption();
        var clients = new Option<int>("--clients") { Description = "Members, one open connection each.", DefaultValueFactory = _ => 2000 };
        var rate = new Option<int>("--rate") { Description = "Messages sent per second.", DefaultValueFactory = _ => 500 };
        var seconds = new Option<int>("--seconds") { Description = "Measured duration of each phase.", DefaultValueFactory = _ => 30 };
        var warmup = new Option<int>("--warmup") { Description = "Seconds of sending before each measured window, not counted.", DefaultValueFactory = _ => 5 };
        var sender = new Option<string>("--sender")
        {
            Description = "http: POST /api/v1/chats/{id}/messages on node A (the product's path); "
                + "live: node A's ILiveEvents directly, the fan-out alone without storing a message.",
            DefaultValueFactory = _ => "http",
        };
        sender.AcceptOnlyFromAmong("http", "live");
        var keep = BenchDatabase.KeepOption();
        var command = new Command("chat", "Live message latency on one node and across two nodes, next to LISTEN/NOTIFY.") { connection, clients, rate, seconds, warmup, sender, keep };
        command.SetAction(async (parse, ct) =>
        {
            var settings = new Settings(parse.GetRequiredValue(connection), parse.GetValue(clients), parse.GetValue(rate), parse.GetValue(seconds),
                parse.GetValue(warmup), parse.GetValue(sender)!, parse.GetValue(keep));
            if (settings.Clients < 2 || settings.Clients % 2 != 0 || settings.Rate < 1 || settings.Seconds < 1 || settings.Warmup < 0)
            {
                await Console.Error.WriteLineAsync("--clients must be even and at least 2, --rate and --seconds at least 1, --warmup at least 0.");
                return 2;
            }
            return await RunAsync(settings, ct);
        });
        return command;
    }

    private sealed record Settings(string Connection, int Clients, int Rate, int Seconds, int Warmup, string Sender, bool KeepDatabase);

    /// <summary>Two members and their chat; messages go both ways.</summary>
    private sealed record Pair(BenchMember A, BenchMember B, Guid ChatId);

    private sealed record Figures(int Sent, int Received, double RatePerSecond, double P50, double P99);

    private static async Task<int> RunAsync(Settings settings, CancellationToken cancellationToken)
    {
        await using var database = await BenchDatabase.CreateAsync(settings.Connection, "bench_chat", cancellationToken);
        database.Keep = settings.KeepDatabase;
        var dataPath = Directory.CreateTempSubdirectory("tradehall-bench-").FullName;
        try
        {
            return await RunOnAsync(database.ConnectionString, dataPath, settings, cancellationToken);
        }
        finally
        {
            Directory.Delete(dataPath, recursive: true);
        }
    }

    private static async Task<int> RunOnAsync(string connection, string dataPath, Settings settings, CancellationToken cancellationToken)
    {
        var settingsOfNodes = BenchSite.Settings("postgres", connection, dataPath);
        var portA = Loopback.FreePort();
        await using var nodeA = BenchSite.Build(settingsOfNodes, portA);
        await Console.Error.WriteLineAsync($"chat: node A (this process) on port {portA}: migrating and starting");
        await nodeA.StartAsync(cancellationToken);
        var urlA = new Uri($"http://127.0.0.1:{portA}");

        await Console.Error.WriteLineAsync($"chat: seeding {settings.Clients} members with profiles and tokens");
        var members = await ChatMembers.SeedAsync(nodeA.Services, settings.Clients, cancellationToken);

        var portB = Loopback.FreePort();
        await Console.Error.WriteLineAsync($"chat: node B (a separate process) on port {portB}");
        using var nodeB = StartNode(settingsOfNodes, portB);
        var urlB = new Uri($"http://127.0.0.1:{portB}");
        try
        {
            using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 });
            await WaitReadyAsync(http, urlB, nodeB, cancellationToken);

            Func<Pair, bool, string, CancellationToken, Task> send;
            List<Pair> pairs;
            if (settings.Sender == "http")
            {
                await Console.Error.WriteLineAsync($"chat: opening {members.Count / 2} chats through POST /api/v1/chats");
                try
                {
                    pairs = await OpenChatsAsync(http, urlA, members, cancellationToken);
                }
                catch (InvalidOperationException ex)
                {
                    await Console.Error.WriteLineAsync($"chat: {ex.Message} (--sender live measures the fan-out without the chat API)");
                    return 1;
                }
                send = (pair, forward, text, ct) => PostMessageAsync(http, urlA, forward ? pair.A : pair.B, pair.ChatId, text, ct);
            }
            else
            {
                pairs = members.Chunk(2).Select(p => new Pair(p[0], p[1], Guid.NewGuid())).ToList();
                var live = nodeA.Services.GetRequiredService<ILiveEvents>();
                var time = nodeA.Services.GetRequiredService<TimeProvider>();
                send = (pair, forward, text, ct) =>
                {
                    var (from, to) = forward ? (pair.A, pair.B) : (pair.B, pair.A);
                    var message = new { id = Guid.CreateVersion7(), senderId = from.Id, text, sentAt = time.UtcNow() };
                    return live.PublishAsync([from.Id, to.Id], Event, new { chatId = pair.ChatId, message }, ct);
                };
            }

            await Console.Error.WriteLineAsync($"chat: bare LISTEN/NOTIFY round trip at {settings.Rate}/s");
            var notify = await NotifyRoundTripAsync(connection, settings, cancellationToken);
            Report("notify", notify);

            await Console.Error.WriteLineAsync($"chat: one node: {settings.Clients} clients on node A, sending on node A");
            var oneNode = await MessagesAsync(urlA, pairs, send, settings, cancellationToken);
            Report("one node", oneNode);
            await Console.Error.WriteLineAsync($"chat: two nodes: {settings.Clients} clients on node B, sending on node A");
            var twoNodes = await MessagesAsync(urlB, pairs, send, settings, cancellationToken);
            Report("two nodes", twoNodes);

            var lost = oneNode.Sent - oneNode.Received + twoNodes.Sent - twoNodes.Received;
            if (lost > 0)
            {
                await Console.Error.WriteLineAsync($"chat: {lost} messages sent in the measured windows never arrived");
            }
            await Console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"chat clients={settings.Clients} msgs_per_s={oneNode.RatePerSecond:F0} p50_ms={oneNode.P50:F1} p99_ms={oneNode.P99:F1} p99_ms_two_nodes={twoNodes.P99:F1} notify_rtt_ms={notify.P50:F2}"));
            return lost > 0 ? 1 : 0;
        }
        finally
        {
            if (!nodeB.HasExited)
            {
                nodeB.Kill(entireProcessTree: true);
                await nodeB.WaitForExitAsync(CancellationToken.None);
            }
            await nodeA.StopAsync(CancellationToken.None);
        }
    }

    private static void Report(string phase, Figures f) => Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"chat: {phase}: sent={f.Sent} received={f.Received} rate={f.RatePerSecond:F0}/s p50={f.P50:F2} ms p99={f.P99:F2} ms"));

    /// <summary>§15 POST /api/v1/chats: member 2k writes to member 2k+1, which opens their chat.</summary>
    private static async Task<List<Pair>> OpenChatsAsync(HttpClient http, Uri node, List<BenchMember> members, CancellationToken cancellationToken)
    {
        var pairs = new Pair[members.Count / 2];
        await Parallel.ForEachAsync(Enumerable.Range(0, pairs.Length), new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken },
            async (i, ct) =>
            {
                var (a, b) = (members[2 * i], members[2 * i + 1]);
                using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(node, "/api/v1/chats"))
                {
                    Content = JsonContent.Create(new { to = b.Id.ToString(), text = "Hello" }),
                };
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", a.Token);
                using var response = await http.SendAsync(request, ct);
                await EnsureSuccessAsync(response, "POST /api/v1/chats");
                var body = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
                pairs[i] = new Pair(a, b, body.GetProperty("chatId").GetGuid());
            });
        return [.. pairs];
    }

    /// <summary>§15 POST /api/v1/chats/{id}/messages.</summary>
    private static async Task PostMessageAsync(HttpClient http, Uri node, BenchMember from, Guid chatId, string text, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(node, $"/api/v1/chats/{chatId}/messages"))
        {
            Content = JsonContent.Create(new { text }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", from.Token);
        using var response = await http.SendAsync(request, cancellationToken);
        await EnsureSuccessAsync(response, "POST /api/v1/chats/{id}/messages");
    }

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, string call)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{call} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }

    /// <summary>
    /// One phase: every member connects to <paramref name="hub"/>, messages go out at the rate, and each is timed
    /// on the socket of its recipient. The text carries the send's stopwatch reading.
    /// </summary>
    private static async Task<Figures> MessagesAsync(Uri hub, List<Pair> pairs, Func<Pair, bool, string, CancellationToken, Task> send,
        Settings settings, CancellationToken cancellationToken)
    {
        var samples = new Samples();
        var connections = new HubConnection[pairs.Count * 2];
        await Parallel.ForEachAsync(Enumerable.Range(0, connections.Length), new ParallelOptions { MaxDegreeOfParallelism = 32, CancellationToken = cancellationToken },
            async (i, ct) =>
            {
                var member = i % 2 == 0 ? pairs[i / 2].A : pairs[i / 2].B;
                var connection = new HubConnectionBuilder()
                    .WithUrl(new Uri(hub, LiveHub.Path), o =>
                    {
                        o.Transports = HttpTransportType.WebSockets;
                        o.SkipNegotiation = true;
                        o.AccessTokenProvider = () => Task.FromResult<string?>(member.Token);
                    })
                    .Build();
                connection.On<JsonElement>(Event, payload =>
                {
                    var arrived = Stopwatch.GetTimestamp();
                    var message = payload.GetProperty("message");
                    // The sender's own tabs get the message too; the recipient's socket is what is timed.
                    if (message.GetProperty("senderId").GetGuid() != member.Id
                        && message.GetProperty("text").GetString() is { } text && text.StartsWith("bench ", StringComparison.Ordinal))
                    {
                        samples.Add(long.Parse(text.AsSpan(6), CultureInfo.InvariantCulture), arrived);
                    }
                });
                await connection.StartAsync(ct);
                connections[i] = connection;
            });
        try
        {
            var window = await LoadAsync(settings, (i, ct) =>
            {
                var pair = pairs[i % pairs.Count];
                var text = "bench " + Stopwatch.GetTimestamp().ToString(CultureInfo.InvariantCulture);
                return send(pair, i / pairs.Count % 2 == 0, text, ct);
            }, cancellationToken);
            // Stragglers of the window's last sends.
            await Task.Delay(TimeSpan.FromSeconds(3), cancellationToken);
            return samples.Figures(window);
        }
        finally
        {
            await Parallel.ForEachAsync(connections.Where(c => c is not null), CancellationToken.None, async (c, _) => await c.DisposeAsync());
        }
    }

    /// <summary>The same rate of bare notifications from one connection to another listening one, payload = the stopwatch reading.</summary>
    private static async Task<Figures> NotifyRoundTripAsync(string connection, Settings settings, CancellationToken cancellationToken)
    {
        const string channel = "bench_rtt";
        var samples = new Samples();
        await using var listener = new NpgsqlConnection(connection);
        await listener.OpenAsync(cancellationToken);
        listener.Notification += (_, e) => samples.Add(long.Parse(e.Payload, CultureInfo.InvariantCulture), Stopwatch.GetTimestamp());
        await using (var listen = new NpgsqlCommand($"LISTEN {channel}", listener))
        {
            await listen.ExecuteNonQueryAsync(cancellationToken);
        }
        using var stop = new CancellationTokenSource();
        var listening = Task.Run(async () =>
        {
            try
            {
                while (true)
                {
                    await listener.WaitAsync(stop.Token);
                }
            }
            catch (OperationCanceledException)
            {
                // The phase is over.
            }
        }, CancellationToken.None);
        await using var source = NpgsqlDataSource.Create(connection);
        var window = await LoadAsync(settings, async (_, ct) =>
        {
            await using var command = source.CreateCommand("SELECT pg_notify(@channel, @payload)");
            command.Parameters.AddWithValue("channel", channel);
            command.Parameters.AddWithValue("payload", Stopwatch.GetTimestamp().ToString(CultureInfo.InvariantCulture));
            await command.ExecuteNonQueryAsync(ct);
        }, cancellationToken);
        await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
        await stop.CancelAsync();
        await listening;
        return samples.Figures(window);
    }

    private sealed record Window(long Start, long End, int Sent);

    /// <summary>
    /// Sends at the rate, open loop: every 5 ms the sends due by then start without waiting for earlier ones, at most
    /// 256 at a time; if the product falls behind, the achieved rate says so. Warm-up sends are not counted.
    /// </summary>
    private static async Task<Window> LoadAsync(Settings settings, Func<int, CancellationToken, Task> send, CancellationToken cancellationToken)
    {
        using var inFlight = new SemaphoreSlim(256);
        var failures = 0;
        var started = Stopwatch.GetTimestamp();
        var measureFrom = started + settings.Warmup * Stopwatch.Frequency;
        var end = measureFrom + settings.Seconds * Stopwatch.Frequency;
        var sent = 0;
        var sentInWindow = 0;
        var running = new List<Task>();
        while (Stopwatch.GetTimestamp() is var now && now < end)
        {
            var due = (long)((double)(now - started) / Stopwatch.Frequency * settings.Rate);
            while (sent < due)
            {
                await inFlight.WaitAsync(cancellationToken);
                var i = sent++;
                if (Stopwatch.GetTimestamp() >= measureFrom)
                {
                    sentInWindow++;
                }
                running.Add(Task.Run(async () =>
                {
                    try
                    {
                        await send(i, cancellationToken);
                    }
                    catch (Exception ex) when (ex is HttpRequestException or InvalidOperationException or NpgsqlException)
                    {
                        if (Interlocked.Increment(ref failures) <= 5)
                        {
                            await Console.Error.WriteLineAsync("chat: a send failed: " + ex.Message);
                        }
                    }
                    finally
                    {
                        inFlight.Release();
                    }
                }, CancellationToken.None));
            }
            running.RemoveAll(t => t.IsCompleted);
            await Task.Delay(5, cancellationToken);
        }
        await Task.WhenAll(running);
        if (failures > 0)
        {
            await Console.Error.WriteLineAsync($"chat: {failures} sends failed");
        }
        return new Window(measureFrom, end, sentInWindow - failures);
    }

    /// <summary>Send and arrival stopwatch readings, kept from every thread that receives.</summary>
    private sealed class Samples
    {
        private readonly List<(long Sent, long Arrived)> items = new(100_000);

        public void Add(long sent, long arrived)
        {
            lock (items)
            {
                items.Add((sent, arrived));
            }
        }

        public Figures Figures(Window window)
        {
            List<double> latencies;
            lock (items)
            {
                latencies = items.Where(s => s.Sent >= window.Start && s.Sent < window.End)
                    .Select(s => (s.Arrived - s.Sent) * 1000.0 / Stopwatch.Frequency)
                    .Order()
                    .ToList();
            }
            var seconds = (double)(window.End - window.Start) / Stopwatch.Frequency;
            return new Figures(window.Sent, latencies.Count, latencies.Count / seconds, Percentile(latencies, 0.50), Percentile(latencies, 0.99));
        }

        private static double Percentile(List<double> sorted, double p) =>
            sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
    }

    /// <summary>The site's executable beside this one, as an operator starts a second node.</summary>
    private static Process StartNode(Dictionary<string, string?> settings, int port)
    {
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = AppContext.BaseDirectory, RedirectStandardOutput = true };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "tradehall.dll"));
        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add($"http://127.0.0.1:{port}");
        info.Environment["DOTNET_ENVIRONMENT"] = "Production";
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in settings)
        {
            info.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }
        var process = Process.Start(info)!;
        // Its logs (warnings and worse) join this program's standard error, never the figures on standard output.
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                Console.Error.WriteLine("node B: " + e.Data);
            }
        };
        process.BeginOutputReadLine();
        return process;
    }

    private static async Task WaitReadyAsync(HttpClient http, Uri node, Process process, CancellationToken cancellationToken)
    {
        for (var i = 0; i < 600; i++)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"node B exited with {process.ExitCode} before it was ready");
            }
            try
            {
                using var response = await http.GetAsync(new Uri(node, "/health/ready"), cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(100, cancellationToken);
        }
        throw new TimeoutException("node B did not become ready within a minute");
    }
}

namespace Tradehall.Core.Notifications.Live;

/// <summary>RUN-03: how a node keeps listening for the events other nodes publish through PostgreSQL.</summary>
public sealed class LiveOptions
{
    public const string SectionName = "Notifications:Live";

    /// <summary>Wait before the first attempt to listen again after the connection dropped; doubled after each failure.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:01:00")]
    public TimeSpan ReconnectFirstDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait between attempts while the database stays away.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan ReconnectMaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>An idle listening connection is probed this often, so a silently dropped one is noticed.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan KeepAlive { get; set; } = TimeSpan.FromSeconds(15);
}

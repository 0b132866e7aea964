namespace Tradehall.Core.Network;

/// <summary>Limits of the network (SPEC §3): uploads, comments, contact requests, invitations to organizations, directory pages.</summary>
[ModuleApi]
public sealed class NetworkOptions
{
    public const string SectionName = "Network";

    /// <summary>NET-02: the largest photo or logo accepted, in bytes.</summary>
    [Range(1024, 50 * 1024 * 1024)]
    public int ImageMaxBytes { get; set; } = 5 * 1024 * 1024;

    /// <summary>NET-02: the longest side, in pixels, of a stored photo or logo.</summary>
    [Range(32, 4096)]
    public int ImageSize { get; set; } = 512;

    /// <summary>MKT-02: the side, in pixels, of the square thumbnail a search result shows (twice its size on the page, for sharp screens).</summary>
    [Range(32, 1024)]
    public int ThumbnailSize { get; set; } = 192;

    /// <summary>NET-02: how long decoding and re-encoding one image may take before it is refused.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan ImageTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>SEC-07: the most pixels (width × height, read from the header) an image may declare before it is decoded.</summary>
    [Range(1024, 1_000_000_000)]
    public int ImageMaxPixels { get; set; } = 40_000_000;

    /// <summary>SEC-07: images this node decodes at once; each decode holds a CPU core.</summary>
    [Range(1, 64)]
    public int ImageMaxConcurrentDecodes { get; set; } = 2;

    /// <summary>SEC-07: how long an upload waits for a free decoder before it is refused with 429.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan ImageDecodeWait { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>NET-02: the libvips command that decodes, resizes and re-encodes images.</summary>
    [Required]
    public string VipsThumbnail { get; set; } = "vipsthumbnail";

    /// <summary>NET-03: the longest page comment, in characters.</summary>
    [Range(1, 100_000)]
    public int CommentMaxLength { get; set; } = 2000;

    /// <summary>NET-04: new contact requests one member may send within <see cref="ContactRequestWindow"/>.</summary>
    [Range(1, 100_000)]
    public int ContactRequestsPerWindow { get; set; } = 50;

    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan ContactRequestWindow { get; set; } = TimeSpan.FromDays(1);

    /// <summary>NET-05: invitations to organizations one admin may send within <see cref="ContactRequestWindow"/>.</summary>
    [Range(1, 100_000)]
    public int InvitationsPerWindow { get; set; } = 50;

    /// <summary>NET-05: how long after a person declines an organization's invitation it may not invite them again.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "365.00:00:00")]
    public TimeSpan DeclinedInvitationPause { get; set; } = TimeSpan.FromDays(30);

    /// <summary>NET-06: results per directory page.</summary>
    [Range(1, 200)]
    public int DirectoryPageSize { get; set; } = 20;
}

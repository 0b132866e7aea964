namespace Tradehall.Core.Messaging;

/// <summary>Every limit of trade chats (MSG-01..05), bound from <c>Messaging</c> and validated at start.</summary>
public sealed class MessagingOptions
{
    public const string SectionName = "Messaging";

    /// <summary>The longest message text, in characters.</summary>
    [Range(1, 100_000)]
    public int MaxTextLength { get; set; } = 4000;

    /// <summary>MSG-03: messages per history page when the client does not ask for fewer…</summary>
    [Range(1, 1000)]
    public int HistoryPageSize { get; set; } = 30;

    /// <summary>…and the most it may ask for.</summary>
    [Range(1, 1000)]
    public int MaxHistoryPageSize { get; set; } = 100;

    /// <summary>MSG-03: the most search hits returned.</summary>
    [Range(1, 1000)]
    public int MaxSearchResults { get; set; } = 50;

    /// <summary>MSG-04: the largest attachment, in bytes.</summary>
    [Range(1024, 100 * 1024 * 1024)]
    public long MaxAttachmentBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>MSG-05: accounts younger than this many days are sandboxed (so are accounts without a confirmed phone).</summary>
    [Range(0, 3650)]
    public int SandboxAccountAgeDays { get; set; } = 7;

    /// <summary>MSG-05: new chats a sandboxed member may start in 24 hours.</summary>
    [Range(0, 10_000)]
    public int SandboxNewChatsPerDay { get; set; } = 5;

    /// <summary>MSG-05: a sandboxed member's first messages of a chat may carry no links or attachments.</summary>
    [Range(0, 10_000)]
    public int SandboxFirstMessages { get; set; } = 3;

    /// <summary>MSG-05, SEC-06: messages any member may send per minute, across all chats.</summary>
    [Range(1, 100_000)]
    public int MessagesPerMinute { get; set; } = 30;

    /// <summary>MSG-02: a live event carries the text only up to this many UTF-8 bytes; longer texts are fetched by the client.</summary>
    [Range(256, 64 * 1024)]
    public int LiveTextBytes { get; set; } = 6 * 1024;

    /// <summary>The longest reason of a complaint.</summary>
    [Range(1, 10_000)]
    public int MaxReasonLength { get; set; } = 1000;
}

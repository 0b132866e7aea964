namespace Tradehall.Core.Marketplace.Quotes;

public enum QuoteStatus
{
    Pending = 0,
    Accepted = 1,
    Declined = 2,
    Expired = 3,
    Withdrawn = 4,
}

/// <summary>MKT-08: the delivery terms a quote may name — the eleven rules of Incoterms 2020, each with a named place.</summary>
public static class Incoterms
{
    public static readonly IReadOnlyList<string> Codes = ["EXW", "FCA", "CPT", "CIP", "DAP", "DPU", "DDP", "FAS", "FOB", "CFR", "CIF"];

    public static bool IsKnown(string? code) => code is not null && Codes.Contains(code, StringComparer.Ordinal);
}

/// <summary>MKT-08: the terms a quote offers and a deal keeps — what, how much, at what price, delivered how and where.</summary>
public abstract class TradeTerms
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ChatId { get; set; }

    /// <summary>The listing the chat is about, if any; the listing decides who sells.</summary>
    public Guid? ListingId { get; set; }

    /// <summary>Price of one unit in minor units of <see cref="Currency"/>.</summary>
    public long Price { get; set; }

    public required string Currency { get; set; }
    public required string Unit { get; set; }
    public decimal Quantity { get; set; }
    public required string Incoterms { get; set; }

    /// <summary>The place the Incoterms rule names (a port, a town, a warehouse).</summary>
    public required string DeliveryPlace { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>The columns of the terms, the same in the quotes' table and the deals'.</summary>
    internal static void Configure<T>(EntityTypeBuilder<T> b) where T : TradeTerms
    {
        b.Property(t => t.Currency).HasMaxLength(3).IsFixedLength();
        b.Property(t => t.Unit).HasMaxLength(20);
        b.Property(t => t.Quantity).HasPrecision(18, 3);
        b.Property(t => t.Incoterms).HasMaxLength(3).IsFixedLength();
        b.Property(t => t.DeliveryPlace).HasMaxLength(500);
    }
}

/// <summary>
/// MKT-08: a structured quote one participant of a trade chat makes to the other, carried by a chat message
/// (<see cref="MessageId"/>) so history, notifications and live updates treat it like any message.
/// A quote is answered once; after <see cref="ValidUntil"/> (a day in the operator's time zone) it can no longer be accepted.
/// </summary>
public sealed class Quote : TradeTerms
{
    public long MessageId { get; set; }

    /// <summary>Who quotes.</summary>
    public Guid FromId { get; set; }

    /// <summary>The other participant, who alone may accept or decline.</summary>
    public Guid ToId { get; set; }

    /// <summary>The last day the quote may be accepted, in the operator's time zone.</summary>
    public DateOnly ValidUntil { get; set; }

    [PersonalData("the terms members offer each other in a chat", Retention.WhileAccountExists)]
    public string? Comment { get; set; }

    /// <summary>The language the quote was written in, so answers to the quoting member speak it.</summary>
    public required string Culture { get; set; }

    public QuoteStatus Status { get; set; }
    public DateTime? AnsweredAt { get; set; }

    /// <summary>Pending with its last day gone is expired, whether or not anyone has tried to accept it since.</summary>
    public QuoteStatus StatusOn(DateOnly today) => Status == QuoteStatus.Pending && today > ValidUntil ? QuoteStatus.Expired : Status;
}

/// <summary>
/// MKT-08: an accepted quote, on both sides' deal lists. The terms are copied from the quote so the deal reads
/// the same whatever happens to the chat or the listing. Payment is the members' own affair (no money passes here).
/// </summary>
public sealed class Deal : TradeTerms
{
    /// <summary>Unique: two accepts racing make one deal.</summary>
    public Guid QuoteId { get; set; }

    public Guid SellerId { get; set; }
    public Guid BuyerId { get; set; }
}

internal sealed class QuoteConfiguration : IEntityTypeConfiguration<Quote>
{
    public void Configure(EntityTypeBuilder<Quote> b)
    {
        b.ToTable("marketplace_quotes");
        TradeTerms.Configure(b);
        b.Property(q => q.Comment).HasMaxLength(10_000);
        b.Property(q => q.Culture).HasMaxLength(8);
        b.HasIndex(q => new { q.ChatId, q.MessageId }).IsUnique();
    }
}

internal sealed class DealConfiguration : IEntityTypeConfiguration<Deal>
{
    public void Configure(EntityTypeBuilder<Deal> b)
    {
        b.ToTable("marketplace_deals");
        TradeTerms.Configure(b);
        b.HasIndex(d => d.QuoteId).IsUnique();
        b.HasIndex(d => new { d.SellerId, d.CreatedAt });
        b.HasIndex(d => new { d.BuyerId, d.CreatedAt });
    }
}

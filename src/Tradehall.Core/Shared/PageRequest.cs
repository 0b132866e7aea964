using Microsoft.AspNetCore.Mvc;

namespace Tradehall.Core.Shared;

/// <summary>
/// A list's paging, from its module's options: the page size when none is asked, the largest that may be asked, and for
/// a list that cannot be paged to its end (search, MKT-07) how many items may be reached at all.
/// </summary>
public sealed record PageLimits(int DefaultSize, int MaxSize, long MaxReach = long.MaxValue);

/// <summary>A page that passed the checks: its number from 1, its size, and how many items come before it.</summary>
public readonly record struct PageSlice(int Number, int Size)
{
    public int Skip => (int)Math.Min(int.MaxValue, ((long)Number - 1) * Size);
}

/// <summary>
/// The page of a list a caller asks for, as every paged endpoint and page reads it: <c>page</c> from 1 and
/// <c>pageSize</c> within the list's <see cref="PageLimits"/>. Both arrive as text, so "page=x" is refused like "page=0",
/// with the one error for a bad page: 400 <c>request.page_invalid</c> naming the field.
/// </summary>
public sealed record PageRequest
{
    public const string InvalidCode = "request.page_invalid";

    [FromQuery(Name = "page")]
    public string? Page { get; init; }

    [FromQuery(Name = "pageSize")]
    public string? PageSize { get; init; }

    /// <summary>The first page of the default size.</summary>
    public static readonly PageRequest First = new();

    /// <summary>A page asked for by number, as pages bind it.</summary>
    public static PageRequest Of(int? page, int? pageSize = null) =>
        new() { Page = page?.ToString(CultureInfo.InvariantCulture), PageSize = pageSize?.ToString(CultureInfo.InvariantCulture) };

    /// <summary>The page within <paramref name="limits"/>, or the refusal naming what is wrong, in the request's language.</summary>
    public PageSlice Check(PageLimits limits, IStringLocalizer text)
    {
        const string FromOne = "Pages are numbered from 1.";
        string sizes = text["Ask for 1 to {0} items per page.", limits.MaxSize];
        var errors = new FieldErrors();
        var number = Whole(Page, "page", FromOne, errors);
        var size = Whole(PageSize, "pageSize", sizes, errors);
        if (number < 1)
        {
            errors.Add("page", FromOne);
        }
        if (size < 1 || size > limits.MaxSize)
        {
            errors.Add("pageSize", sizes);
        }
        else if (number >= 1 && (long)number * (size ?? limits.DefaultSize) > limits.MaxReach)
        {
            errors.Add("page", text["Only the first {0} items can be paged through; narrow the list instead.", limits.MaxReach]);
        }
        errors.ThrowIfAny(InvalidCode, "Ask for a page the list has.");
        return new PageSlice(number ?? 1, size ?? limits.DefaultSize);
    }

    /// <summary>A whole number as sent, or null when none was sent; text that is no whole number is refused on its field.</summary>
    private static int? Whole(string? text, string field, string message, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        if (int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }
        errors.Add(field, message);
        return null;
    }
}

namespace Tradehall.Core.Shared;

/// <summary>
/// A refusal the user can act on: a stable machine-readable <see cref="Code"/>, an HTTP status and,
/// for bad input, messages keyed by the request field (camelCase) they concern.
/// </summary>
public sealed class DomainException : Exception
{
    public DomainException(string code, string message, int status = StatusCodes.Status400BadRequest,
        IReadOnlyDictionary<string, string[]>? errors = null) : base(message)
    {
        Code = code;
        Status = status;
        Errors = errors ?? new Dictionary<string, string[]>();
    }

    public DomainException() : this("error", "The request could not be completed.") { }

    public DomainException(string message) : this("error", message) { }

    public DomainException(string message, Exception innerException) : base(message, innerException)
    {
        Code = "error";
        Status = StatusCodes.Status400BadRequest;
        Errors = new Dictionary<string, string[]>();
    }

    public string Code { get; }
    public int Status { get; }
    public IReadOnlyDictionary<string, string[]> Errors { get; }

    /// <summary>Seconds the client should wait before trying again (429 answers).</summary>
    public int? RetryAfterSeconds { get; init; }

    public static DomainException Field(string code, string field, string message) =>
        new(code, message, StatusCodes.Status400BadRequest, new Dictionary<string, string[]> { [field] = [message] });

    public static DomainException Conflict(string code, string field, string message) =>
        new(code, message, StatusCodes.Status409Conflict, new Dictionary<string, string[]> { [field] = [message] });

    public static DomainException TooMany(string code, string message, int? retryAfterSeconds = null) =>
        new(code, message, StatusCodes.Status429TooManyRequests) { RetryAfterSeconds = retryAfterSeconds };

    public static DomainException NotFound(string code, string message) =>
        new(code, message, StatusCodes.Status404NotFound);

    public static DomainException Forbidden(string code, string message) =>
        new(code, message, StatusCodes.Status403Forbidden);
}

namespace Tradehall.Core.Shared;

/// <summary>
/// Collects field-level errors so a request is refused with every problem at once, keyed by the
/// JSON (camelCase) name the client sent.
/// </summary>
public sealed class FieldErrors
{
    private readonly Dictionary<string, List<string>> errors = [];

    public bool Any => errors.Count > 0;

    public void Add(string field, string message)
    {
        var key = JsonNamingPolicy.CamelCase.ConvertName(field);
        if (!errors.TryGetValue(key, out var list))
        {
            errors[key] = list = [];
        }
        list.Add(message);
    }

    public bool Has(string field) => errors.ContainsKey(JsonNamingPolicy.CamelCase.ConvertName(field));

    /// <summary>Runs the DataAnnotations of <paramref name="request"/> (shape checks).</summary>
    public static FieldErrors FromAnnotations(object request)
    {
        var result = new FieldErrors();
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(request, new ValidationContext(request), results, validateAllProperties: true);
        foreach (var r in results)
        {
            foreach (var member in r.MemberNames.DefaultIfEmpty(""))
            {
                result.Add(member, r.ErrorMessage ?? "The value is not valid.");
            }
        }
        return result;
    }

    /// <summary>
    /// A text the request must give, trimmed: <paramref name="missing"/> when it is blank (and null is answered), a refusal
    /// when it is longer than <paramref name="maxLength"/>.
    /// </summary>
    public string? RequiredText(string field, string? value, string missing, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(field, missing);
            return null;
        }
        var text = value.Trim();
        if (text.Length > maxLength)
        {
            Add(field, "This value is too long.");
        }
        return text;
    }

    public void ThrowIfAny(string code = "request.invalid", string message = "Some fields are not valid.")
    {
        if (Any)
        {
            throw ToException(code, message);
        }
    }

    /// <summary>The refusal these errors make, for a page that shows it without throwing.</summary>
    public DomainException ToException(string code = "request.invalid", string message = "Some fields are not valid.") =>
        new(code, message, StatusCodes.Status400BadRequest, errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));
}

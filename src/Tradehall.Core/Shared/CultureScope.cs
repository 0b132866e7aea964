namespace Tradehall.Core.Shared;

/// <summary>Renders text for a recipient in their language, then restores the request's culture.</summary>
public sealed class CultureScope : IDisposable
{
    private readonly CultureInfo culture = CultureInfo.CurrentCulture;
    private readonly CultureInfo uiCulture = CultureInfo.CurrentUICulture;

    private CultureScope(string name)
    {
        var target = CultureInfo.GetCultureInfo(name);
        CultureInfo.CurrentCulture = target;
        CultureInfo.CurrentUICulture = target;
    }

    public static CultureScope Use(string name) => new(name);

    public void Dispose()
    {
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = uiCulture;
    }
}

/// <summary>The one resource of translated texts; keys are the English texts.</summary>
#pragma warning disable CA1052 // a marker type for IStringLocalizer<T>
public sealed class SharedResource;
#pragma warning restore CA1052

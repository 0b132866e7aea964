namespace Tradehall.Core.Shared;

/// <summary>How every part of the site takes its settings (SPEC §13): one configuration section per options class.</summary>
public static class Settings
{
    /// <summary>
    /// <typeparamref name="T"/> bound from <paramref name="section"/> and checked by its data annotations as the host starts,
    /// so a wrong period, fee or limit stops the start and names the setting instead of surfacing on some later request.
    /// </summary>
    public static OptionsBuilder<T> AddSettings<T>(this IServiceCollection services, string section) where T : class =>
        services.AddOptions<T>().BindConfiguration(section).ValidateDataAnnotations().ValidateOnStart();
}

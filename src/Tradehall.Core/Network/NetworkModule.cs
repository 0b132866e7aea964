using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Tradehall.Core.Accounts;
using Tradehall.Core.Network.Profiles;
using Tradehall.Core.Shared;

namespace Tradehall.Core.Network;

public static class NetworkModule
{
    public static void AddNetwork(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddScoped<INetwork, NetworkDirectory>();
        services.AddScoped<IDomainEventSubscriber<MemberRegistered>, ProfileSetup>();
    }
}

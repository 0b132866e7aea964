using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Tradehall.Core.Archive;

public static class ArchiveModule
{
    public static void AddArchive(this WebApplicationBuilder builder) => builder.Services.AddScoped<EvidenceArchive>();
}

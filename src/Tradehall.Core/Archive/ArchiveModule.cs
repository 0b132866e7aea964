using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Tradehall.Core.Archive;

public static class ArchiveModule
{
    public static void AddArchive(this WebApplicationBuilder builder)
    {
        builder.Services.AddSettings<ArchiveOptions>(ArchiveOptions.SectionName);
        builder.Services.AddScoped<EvidenceArchive>();
        builder.Services.AddScoped<ArchiveAudit>();
        builder.Services.AddSingleton<ArchiveCheckpoint>();
        builder.Services.AddSingleton<IInterceptor, ArchiveSaveInterceptor>();
    }
}

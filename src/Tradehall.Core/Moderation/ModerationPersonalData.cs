namespace Tradehall.Core.Moderation;

/// <summary>PRV-03: the moderation part of a member's export — their recorded violations as they see them on their own page.</summary>
internal sealed class ModerationPersonalData(Sanctions sanctions) : IPersonalDataSource
{
    public async Task<PersonalDataSection> ExportAsync(Guid memberId, CancellationToken cancellationToken) =>
        new("moderation", new Dictionary<string, object?> { ["violations"] = await sanctions.ViolationsAsync(memberId, cancellationToken) });
}

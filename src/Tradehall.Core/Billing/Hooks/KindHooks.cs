using Tradehall.Core.Billing.Catalog;

namespace Tradehall.Core.Billing.Hooks;

/// <summary>The webhook of a kind as the operator sets it; an empty or missing <c>url</c> switches the webhook off.</summary>
public sealed record HookRequest(string? Url);

/// <summary>
/// A kind's webhook: its URL, whether a secret is set, and the secret itself only in the answer that made it — it is
/// shown once and never again.
/// </summary>
public sealed record HookSettingsView(string Kind, string? Url, bool SecretSet, string? Secret);

/// <summary>BIL-24: the operator sets an operator-defined kind's webhook URL; the platform makes its signing secret, and makes a new one on request.</summary>
public sealed class KindHooks(AppDbContext db, HookSecrets secrets, EvidenceArchive archive)
{
    public async Task<HookSettingsView> GetAsync(string code, CancellationToken cancellationToken)
    {
        var kind = await FindAsync(code, tracked: false, cancellationToken);
        return new HookSettingsView(kind.Code, kind.HookUrl, kind.HookSecret is not null, null);
    }

    /// <summary>Sets or clears the URL; the first URL of a kind comes with a new secret, returned in this answer only.</summary>
    public async Task<HookSettingsView> SetAsync(Guid operatorId, string code, HookRequest request, CancellationToken cancellationToken)
    {
        var kind = await FindAsync(code, tracked: true, cancellationToken);
        var url = string.IsNullOrWhiteSpace(request.Url) ? null : CheckUrl(request.Url.Trim());
        if (kind.BuiltIn && url is not null)
        {
            throw DomainException.Field("request.invalid", "url", "Built-in kinds call no webhook; only kinds you define do.");
        }
        var before = kind.HookUrl;
        kind.HookUrl = url;
        string? secret = null;
        if (url is not null && kind.HookSecret is null)
        {
            (secret, kind.HookSecret) = secrets.New();
        }
        archive.Record("billing.kind_hook_changed", $"service-kind:{kind.Id}", operatorId, before: new { url = before }, after: new { url, newSecret = secret is not null });
        await db.SaveChangesAsync(cancellationToken);
        return new HookSettingsView(kind.Code, kind.HookUrl, kind.HookSecret is not null, secret);
    }

    /// <summary>A new secret replaces the old one at once: deliveries from now on are signed with it.</summary>
    public async Task<HookSettingsView> RenewSecretAsync(Guid operatorId, string code, CancellationToken cancellationToken)
    {
        var kind = await FindAsync(code, tracked: true, cancellationToken);
        if (kind.BuiltIn)
        {
            throw DomainException.Conflict("billing.kind_built_in", "code", "Built-in kinds call no webhook, so they have no secret.");
        }
        (var secret, kind.HookSecret) = secrets.New();
        archive.Record("billing.kind_hook_secret_renewed", $"service-kind:{kind.Id}", operatorId, after: new { url = kind.HookUrl });
        await db.SaveChangesAsync(cancellationToken);
        return new HookSettingsView(kind.Code, kind.HookUrl, true, secret);
    }

    /// <summary>HTTPS, or plain HTTP to this machine (a receiver beside the site, or in a test); no credentials in the address.</summary>
    private static string CheckUrl(string url)
    {
        if (url.Length > ServiceKind.HookUrlLength)
        {
            throw DomainException.Field("request.invalid", "url", $"Use at most {ServiceKind.HookUrlLength} characters.");
        }
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || !(uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback))
        {
            throw DomainException.Field("request.invalid", "url", "Enter an https:// address (http:// only for this machine).");
        }
        if (!string.IsNullOrEmpty(uri.UserInfo) || !string.IsNullOrEmpty(uri.Fragment))
        {
            throw DomainException.Field("request.invalid", "url", "Leave out credentials and #fragments; requests are signed instead.");
        }
        return uri.AbsoluteUri;
    }

    private async Task<ServiceKind> FindAsync(string code, bool tracked, CancellationToken cancellationToken) =>
        await (tracked ? db.Set<ServiceKind>() : db.Set<ServiceKind>().AsNoTracking()).FirstOrDefaultAsync(k => k.Code == code, cancellationToken)
            ?? throw DomainException.NotFound("billing.unknown_kind", "There is no such service kind.");
}

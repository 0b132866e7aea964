using Microsoft.AspNetCore.Identity;
using Tradehall.Core.Accounts.Email;

namespace Tradehall.Core.Accounts;

/// <summary>The emails of the account flows, each with a single-use link, in the member's language.</summary>
public sealed class AccountEmails(
    UserManager<Member> users, OneTimeTokenProvider oneTime, IOutbox outbox, IOptions<TradehallOptions> site, IOptions<AccountsOptions> options,
    IStringLocalizer<SharedResource> text)
{
    public const string MagicLinkPurpose = "MagicLink";

    /// <summary>The purpose of a "this wasn't me" link; the address to restore follows the colon.</summary>
    public const string RevertEmailPurpose = "RevertEmail:";

    public async Task SendConfirmationAsync(Member member, string? address = null)
    {
        var token = await users.GenerateEmailConfirmationTokenAsync(member);
        Send(member, address ?? member.Email!, "Confirm your email address",
            "please confirm your email address by opening this link:", Link("/account/confirm-email", token));
    }

    public async Task SendMagicLinkAsync(Member member)
    {
        var token = await users.GenerateUserTokenAsync(member, OneTimeTokenProvider.Name, MagicLinkPurpose);
        Send(member, member.Email!, "Your sign-in link", "open this link to sign in to Tradehall:", Link("/account/magic-link", token));
    }

    public async Task SendPasswordResetAsync(Member member)
    {
        var token = await users.GeneratePasswordResetTokenAsync(member);
        Send(member, member.Email!, "Reset your password", "open this link to choose a new password:", Link("/account/reset-password", token));
    }

    public async Task SendEmailChangeAsync(Member member, string newEmail)
    {
        var token = await users.GenerateChangeEmailTokenAsync(member, newEmail);
        Send(member, newEmail, "Confirm your new email address",
            "open this link to make this your sign-in address:", Link("/account/confirm-email-change", token) + "&email=" + Uri.EscapeDataString(newEmail));
    }

    /// <summary>ACC-08: the previous address is told of the change, with a link that undoes it.</summary>
    public async Task SendEmailChangedNoticeAsync(Member member, string previousEmail, string newEmail)
    {
        var lifetime = options.Value.EmailRevertLinkLifetime;
        var token = await oneTime.IssueAsync(member, RevertEmailPurpose + previousEmail, lifetime);
        using var _ = CultureScope.Use(member.Culture);
        var body = string.Join("\n\n",
            text["Hello {0},", member.FirstName],
            text["the sign-in email address of your Tradehall account was changed to {0}.", newEmail],
            text["If this wasn't you, open this link. It restores this address, signs out every session, ends every API token and sends you a link to choose a new password:"],
            Link("/account/revert-email", token),
            text["The link works once and expires in {0} days. If you made the change yourself, ignore this email.", (int)Math.Ceiling(lifetime.TotalDays)],
            site.Value.OperatorName);
        outbox.Email(member.Id, previousEmail, text["Your sign-in email address was changed"], body);
    }

    private string Link(string path, string token) =>
        site.Value.PublicUrl.TrimEnd('/') + path + "?token=" + Uri.EscapeDataString(token);

    private void Send(Member member, string to, string subject, string lead, string link)
    {
        using var _ = CultureScope.Use(member.Culture);
        var minutes = (int)options.Value.EmailLinkLifetime.TotalMinutes;
        var body = string.Join("\n\n",
            text["Hello {0},", member.FirstName],
            text[lead],
            link,
            text["The link works once and expires in {0} minutes. If you did not ask for it, ignore this email.", minutes],
            site.Value.OperatorName);
        outbox.Email(member.Id, to, text[subject], body);
    }
}

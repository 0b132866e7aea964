using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Tradehall.Core.Accounts.Email;
using Tradehall.Core.Notifications;
using Tradehall.Core.Shared;

namespace Tradehall.Core.Accounts;

/// <summary>The emails of the account flows, each with a single-use link, in the member's language.</summary>
public sealed class AccountEmails(
    UserManager<Member> users, Outbox outbox, IOptions<TradehallOptions> site, IOptions<AccountsOptions> options,
    IStringLocalizer<SharedResource> text)
{
    public const string MagicLinkPurpose = "MagicLink";

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

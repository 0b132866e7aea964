using Microsoft.AspNetCore.Http.HttpResults;

namespace Tradehall.Core.Network.Organizations;

/// <summary>NET-05: the routes of an organization's people — invitations, their answers, roles, removal and leaving.</summary>
internal static class OrganizationPeopleEndpoints
{
    public static void MapOrganizationPeople(this RouteGroupBuilder member)
    {
        member.MapPost("/organizations/{slug}/members", async Task<Results<Accepted<OrganizationInvitationView>, NoContent>> (string slug,
            OrganizationMemberRequest request, HttpContext http, OrganizationPeople people, CancellationToken ct) =>
        {
            var invitation = await people.SetMemberAsync(http.User.MemberId(), slug, request, ct);
            return invitation is null
                ? TypedResults.NoContent()
                : TypedResults.Accepted($"/api/v1/organizations/{slug}/invitations", invitation);
        })
            .WithSummary("Invite a person to the organization, or change a member's role")
            .WithDescription("Admins only. A person who is not yet a member gets an invitation to accept or decline (202 with the invitation); "
                + "until they accept they are shown nowhere and have no rights in the organization. For someone who already accepted, "
                + "the role changes at once (204). 403 network.blocked when the person blocked the inviter or an admin of the organization; "
                + "409 network.organization_invitation_pending while an invitation waits for an answer, "
                + "409 network.organization_invitation_declined for a while after the person declined; 409 network.last_admin.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        member.MapGet("/organizations/{slug}/invitations", (string slug, HttpContext http, OrganizationPeople people, CancellationToken ct) =>
            people.PendingAsync(http.User.MemberId(), slug, ct))
            .WithSummary("Invitations of the organization waiting for an answer (admins only)")
            .ProducesProblem(StatusCodes.Status403Forbidden);
        member.MapDelete("/organizations/{slug}/invitations/{id:guid}", (string slug, Guid id, HttpContext http, OrganizationPeople people, CancellationToken ct) =>
            people.WithdrawAsync(http.User.MemberId(), slug, id, ct).ThenNoContent())
            .WithSummary("Withdraw an invitation that has not been answered (admins only)")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        // A literal segment wins over the parameter below, so "me" always means the caller.
        member.MapDelete("/organizations/{slug}/members/me", (string slug, HttpContext http, OrganizationPeople people, CancellationToken ct) =>
            people.LeaveAsync(http.User.MemberId(), slug, ct).ThenNoContent())
            .WithSummary("Leave the organization")
            .WithDescription("Any member, at any time. The last admin gets 409 network.last_admin until someone else is an admin; "
                + "someone who is not a member gets 404.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        member.MapDelete("/organizations/{slug}/members/{handleOrId}", (string slug, string handleOrId, HttpContext http,
            OrganizationPeople people, CancellationToken ct) =>
            people.RemoveMemberAsync(http.User.MemberId(), slug, handleOrId, ct).ThenNoContent())
            .WithSummary("Remove a member (admins), or leave (the member themselves)")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        member.MapGet("/me/organization-invitations", (HttpContext http, OrganizationPeople people, CancellationToken ct) =>
            people.MineAsync(http.User.MemberId(), ct))
            .WithSummary("Invitations to organizations waiting for the caller's answer");
        member.MapPost("/me/organization-invitations/{id:guid}/accept", (Guid id, HttpContext http, OrganizationPeople people, CancellationToken ct) =>
            people.AcceptAsync(http.User.MemberId(), id, ct).ThenNoContent())
            .WithSummary("Accept an invitation: the caller joins the organization with the offered role")
            .ProducesProblem(StatusCodes.Status404NotFound);
        member.MapPost("/me/organization-invitations/{id:guid}/decline", (Guid id, HttpContext http, OrganizationPeople people, CancellationToken ct) =>
            people.DeclineAsync(http.User.MemberId(), id, ct).ThenNoContent())
            .WithSummary("Decline an invitation")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}

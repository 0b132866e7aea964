using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Identity;
using Tradehall.Core.Network.Blocking;
using Tradehall.Core.Network.Comments;
using Tradehall.Core.Network.Contacts;
using Tradehall.Core.Network.Directory;
using Tradehall.Core.Network.Images;
using Tradehall.Core.Network.Onboarding;
using Tradehall.Core.Network.Organizations;
using Tradehall.Core.Network.Profiles;

namespace Tradehall.Core.Network;

[ModuleApi]
public static class NetworkModule
{
    /// <summary>Reads open to visitors that still know a signed-in viewer (by bearer token or session cookie), for field visibility.</summary>
    public const string ReadPolicy = "network-read";

    public static void AddNetwork(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSettings<NetworkOptions>(NetworkOptions.SectionName);
        services.AddScoped<INetwork, NetworkDirectory>();
        services.AddScoped<IDomainEventSubscriber<MemberRegistered>, ProfileSetup>();
        services.AddScoped<Relations>();
        services.AddScoped<ImagePipeline>();
        services.AddSingleton<ImageDecoders>();
        services.AddSingleton<ImageTool>();
        services.AddHealthChecks().AddCheck<ImageTool>("images", tags: ["ready"]);
        services.AddScoped<PersonalPages>();
        services.AddScoped<PageComments>();
        services.AddScoped<ContactBook>();
        services.AddScoped<Blocks>();
        services.AddScoped<IPersonalDataSource, NetworkPersonalData>();
        services.AddScoped<Organizations.Organizations>();
        services.AddScoped<OrganizationPeople>();
        services.AddScoped<DirectorySearch>();
        services.AddScoped<DirectoryKeys>();
        services.AddHostedService<DirectoryKeysWorker>();
        services.AddScoped<HomeChecklist>();
        services.AddAuthorizationBuilder().AddPolicy(ReadPolicy, p => p
            .AddAuthenticationSchemes(IdentityConstants.ApplicationScheme, BearerAuthentication.SchemeName)
            .RequireAssertion(_ => true));
    }

    /// <summary>The signed-in viewer, or null for a visitor.</summary>
    public static Guid? ViewerId(this ClaimsPrincipal user) => user.Identity?.IsAuthenticated == true ? user.MemberId() : null;

    public static void MapNetwork(this IEndpointRouteBuilder app)
    {
        var read = app.MapGroup("/api/v1").WithTags("Network").Public(ReadPolicy);
        read.MapGet("/people/{handle}", (string handle, HttpContext http, PersonalPages pages, CancellationToken ct) =>
            pages.ViewAsync(handle, http.User.ViewerId(), ct));
        read.MapGet("/people/{handle}/comments", (string handle, HttpContext http, PageComments comments, CancellationToken ct) =>
            comments.ListAsync(handle, http.User.ViewerId(), ct));
        read.MapGet("/organizations/{slug}", (string slug, HttpContext http, Organizations.Organizations organizations, CancellationToken ct) =>
            organizations.ViewAsync(slug, http.User.ViewerId(), ct));
        read.MapGet("/directory", (string? q, string? city, string? industry, string? kind, [AsParameters] PageRequest page, DirectorySearch directory,
            CancellationToken ct) => directory.SearchAsync(new DirectoryQuery(q, city, industry, kind), page, ct));

        var member = app.MapGroup("/api/v1").WithTags("Network").RequireScope(ApiScopes.Network);
        member.MapGet("/me/page", (HttpContext http, PersonalPages pages, CancellationToken ct) => pages.OwnAsync(http.User.MemberId(), ct));
        member.MapPut("/me/page", (SavePageRequest request, HttpContext http, PersonalPages pages, CancellationToken ct) =>
            pages.SaveAsync(http.User.MemberId(), request, ct));
        // Uploads take bearer tokens only, so no cookie rides along and there is no cross-site request to forge;
        // the body may hold the largest image and its form, and the image's own limit answers with a field error.
        var imageMaxBytes = app.ServiceProvider.GetRequiredService<IOptions<NetworkOptions>>().Value.ImageMaxBytes;
        member.MapPut("/me/page/photo", async (IFormFile? photo, HttpContext http, PersonalPages pages, CancellationToken ct) =>
        {
            await using var content = photo?.OpenReadStream() ?? Stream.Null;
            await pages.SetPhotoAsync(http.User.MemberId(), content, photo?.Length ?? 0, ct);
            return TypedResults.NoContent();
        }).DisableAntiforgery().WithUploadLimit(imageMaxBytes);
        member.MapPut("/organizations/{slug}/logo", async (string slug, IFormFile? logo, HttpContext http, Organizations.Organizations organizations, CancellationToken ct) =>
        {
            await using var content = logo?.OpenReadStream() ?? Stream.Null;
            await organizations.SetLogoAsync(http.User.MemberId(), slug, content, logo?.Length ?? 0, ct);
            return TypedResults.NoContent();
        }).DisableAntiforgery().WithUploadLimit(imageMaxBytes);
        member.MapDelete("/me/page/photo", (HttpContext http, PersonalPages pages, CancellationToken ct) =>
            pages.RemovePhotoAsync(http.User.MemberId(), ct).ThenNoContent());
        member.MapPost("/people/{handle}/comments", async (string handle, AddCommentRequest request, HttpContext http, PageComments comments, CancellationToken ct) =>
            TypedResults.Created($"/u/{handle}#comments", await comments.AddAsync(http.User.MemberId(), handle, request, ct)));
        member.MapDelete("/comments/{id:guid}", (Guid id, HttpContext http, PageComments comments, CancellationToken ct) =>
            comments.DeleteAsync(http.User.MemberId(), id, ct).ThenNoContent());

        member.MapPost("/contacts", async (ContactRequest request, HttpContext http, ContactBook contacts, CancellationToken ct) =>
        {
            var created = await contacts.RequestAsync(http.User.MemberId(), request, ct);
            return TypedResults.Created($"/api/v1/contacts/{created.Id}", created);
        });
        member.MapGet("/contacts", (string? status, HttpContext http, ContactBook contacts, CancellationToken ct) =>
            contacts.ListAsync(http.User.MemberId(), status, ct));
        member.MapPost("/contacts/{id:guid}/accept", (Guid id, HttpContext http, ContactBook contacts, CancellationToken ct) =>
            contacts.AcceptAsync(http.User.MemberId(), id, ct).ThenNoContent());
        member.MapPost("/contacts/{id:guid}/decline", (Guid id, HttpContext http, ContactBook contacts, CancellationToken ct) =>
            contacts.DeclineAsync(http.User.MemberId(), id, ct).ThenNoContent());
        member.MapDelete("/contacts/{id:guid}", (Guid id, HttpContext http, ContactBook contacts, CancellationToken ct) =>
            contacts.RemoveAsync(http.User.MemberId(), id, ct).ThenNoContent());
        member.MapGet("/people/{handle}/mutual", (string handle, HttpContext http, ContactBook contacts, CancellationToken ct) =>
            contacts.MutualAsync(http.User.MemberId(), handle, ct));

        member.MapGet("/blocks", (HttpContext http, Blocks blocks, CancellationToken ct) => blocks.ListAsync(http.User.MemberId(), ct));
        member.MapPost("/blocks/{handleOrId}", (string handleOrId, HttpContext http, Blocks blocks, CancellationToken ct) =>
            blocks.BlockAsync(http.User.MemberId(), handleOrId, ct).ThenNoContent());
        member.MapDelete("/blocks/{handleOrId}", (string handleOrId, HttpContext http, Blocks blocks, CancellationToken ct) =>
            blocks.UnblockAsync(http.User.MemberId(), handleOrId, ct).ThenNoContent());

        member.MapPost("/organizations", async (OrganizationRequest request, HttpContext http, Organizations.Organizations organizations, CancellationToken ct) =>
        {
            var created = await organizations.CreateAsync(http.User.MemberId(), request, ct);
            return TypedResults.Created($"/api/v1/organizations/{created.Slug}", created);
        });
        member.MapPut("/organizations/{slug}", (string slug, OrganizationRequest request, HttpContext http, Organizations.Organizations organizations, CancellationToken ct) =>
            organizations.UpdateAsync(http.User.MemberId(), slug, request, ct));
        member.MapOrganizationPeople();

        // Images are reached by <img> on pages (session cookie) and by API clients (bearer) alike.
        var media = app.MapGroup("").WithTags("Network").RequireAuthorization(ReadPolicy);
        media.MapGet("/u/{handle}/photo", async (string handle, HttpContext http, PersonalPages pages, CancellationToken ct) =>
            ImageResults.Jpeg(http, await pages.OpenPhotoAsync(handle, http.User.ViewerId(), ct), "image.jpg"));
        media.MapGet("/o/{slug}/logo", async (string slug, HttpContext http, Organizations.Organizations organizations, CancellationToken ct) =>
            ImageResults.Jpeg(http, await organizations.OpenLogoAsync(slug, ct), "image.jpg"));
    }
}

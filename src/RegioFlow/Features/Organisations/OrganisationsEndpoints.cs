using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using RegioFlow.Auth;

namespace RegioFlow.Features.Organisations;

public static class OrganisationsEndpoints
{
    public static IEndpointRouteBuilder MapOrganisationsEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/organisations").WithTags("Organisaties");
        group.MapGet("", ListAsync).WithName("ListOrganisations").WithSummary("Organisaties, optioneel per regio.");
        group.MapGet("{id:guid}", GetAsync).WithName("GetOrganisation").ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("", CreateAsync).WithName("CreateOrganisation").WithSummary("Een organisatie toevoegen (beheerder).")
            .RequireAuthorization(Policies.Admin).ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    private static async Task<Ok<IReadOnlyList<OrganisationDto>>> ListAsync(int? region, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ListOrganisations.Query(region), ct));

    private static async Task<Ok<OrganisationDto>> GetAsync(Guid id, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new GetOrganisation.Query(id), ct));

    private static async Task<Created<OrganisationDto>> CreateAsync(CreateOrganisation.Command command, IMediator mediator, CancellationToken ct)
    {
        var organisation = await mediator.Send(command, ct);
        return TypedResults.Created($"/api/organisations/{organisation.Id}", organisation);
    }
}

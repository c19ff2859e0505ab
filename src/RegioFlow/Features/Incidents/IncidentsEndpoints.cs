using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using RegioFlow.Auth;

namespace RegioFlow.Features.Incidents;

public static class IncidentsEndpoints
{
    public static IEndpointRouteBuilder MapIncidentsEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/incidents").WithTags("Incidenten").RequireAuthorization(Policies.Admin);
        group.MapGet("", ListAsync).WithName("ListIncidents").WithSummary("Taken die na alle pogingen mislukten (beheerder); all=true toont ook de opgeloste.");
        group.MapPost("{id:guid}/retry", RetryAsync).WithName("RetryIncident").WithSummary("De mislukte termijn opnieuw proberen (beheerder).")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    private static async Task<Ok<IReadOnlyList<IncidentCommands.IncidentDto>>> ListAsync(bool? all, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new IncidentCommands.ListQuery(OnlyOpen: all != true), ct));

    private static async Task<Ok<IncidentCommands.IncidentDto>> RetryAsync(Guid id, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new IncidentCommands.RetryCommand(id), ct));
}

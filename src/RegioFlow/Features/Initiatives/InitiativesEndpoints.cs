using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace RegioFlow.Features.Initiatives;

public static class InitiativesEndpoints
{
    public static IEndpointRouteBuilder MapInitiativesEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/initiatives").WithTags("Initiatieven")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("", ListAsync).WithName("ListInitiatives").WithSummary("De initiatieven die u mag zien: van uw organisatie en achter aanvragen die u mag zien.");
        group.MapGet("{id:guid}", GetAsync).WithName("GetInitiative").WithSummary("Een initiatief met de aanvragen ervoor.");
        group.MapGet("{id:guid}/similar", SimilarAsync).WithName("GetSimilarInitiatives").WithSummary("De tien meest vergelijkbare andere initiatieven, met score en gedeelde woorden (TK-06).");
        return app;
    }

    private static async Task<Ok<IReadOnlyList<InitiativeSummaryDto>>> ListAsync(IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ListInitiatives.Query(), ct));

    private static async Task<Ok<InitiativeDto>> GetAsync(Guid id, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new GetInitiative.Query(id), ct));

    private static async Task<Ok<IReadOnlyList<SimilarInitiativeDto>>> SimilarAsync(Guid id, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new GetSimilarInitiatives.Query(id), ct));
}

using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace RegioFlow.Features.Regions;

public static class RegionsEndpoints
{
    public static IEndpointRouteBuilder MapRegionsEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/regions").WithTags("Regio's");
        group.MapGet("", ListAsync).WithName("ListRegions").WithSummary("Alle arbeidsmarktregio's.");
        group.MapGet("{id:int}", GetAsync).WithName("GetRegion").WithSummary("Eén arbeidsmarktregio met haar gemeenten.").ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<Ok<IReadOnlyList<ListRegions.RegionSummary>>> ListAsync(IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ListRegions.Query(), ct));

    private static async Task<Ok<GetRegion.Response>> GetAsync(int id, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new GetRegion.Query(id), ct));
}

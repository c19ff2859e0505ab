using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using RegioFlow.Auth;

namespace RegioFlow.Features.Initiatives;

public static class InitiativesEndpoints
{
    public static IEndpointRouteBuilder MapInitiativesEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/initiatives").WithTags("Initiatieven")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("", ListAsync).WithName("ListInitiatives").WithSummary("Het regionale register: zoeken, filteren (regio, sector, doelgroep, type, status) en bladeren, nieuwste eerst.")
            .ProducesValidationProblem();
        group.MapGet("{id:guid}", GetAsync).WithName("GetInitiative").WithSummary("Een initiatief met de aanvragen ervoor.");
        group.MapGet("{id:guid}/similar", SimilarAsync).WithName("GetSimilarInitiatives").WithSummary("De tien meest vergelijkbare andere initiatieven, met score en gedeelde woorden (TK-06).");
        group.MapPut("{id:guid}/register", DescribeAsync).WithName("DescribeInitiative").WithSummary("De registergegevens van een initiatief in het register vastleggen (fondsbeheerder, beheerder).")
            .RequireAuthorization(Policies.FundAdministrator).ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    /// <summary>The register details; type and status as their Dutch labels.</summary>
    public sealed record DescribeBody(string? Activity, string? Type, string? AgeBand, IReadOnlyList<string>? Gemeenten, string? Status);

    private static async Task<Ok<ListInitiatives.Response>> ListAsync(
        string? search, string? region, string? sector, string? targetGroup, string? type, string? status, string? page, string? pageSize, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ListInitiatives.Query(search, region, sector, targetGroup, type, status, page, pageSize), ct));

    private static async Task<Ok<InitiativeDto>> GetAsync(Guid id, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new GetInitiative.Query(id), ct));

    private static async Task<Ok<IReadOnlyList<SimilarInitiativeDto>>> SimilarAsync(Guid id, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new GetSimilarInitiatives.Query(id), ct));

    private static async Task<Ok<InitiativeDto>> DescribeAsync(Guid id, DescribeBody body, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new DescribeInitiative.Command(id, body.Activity, body.Type, body.AgeBand, body.Gemeenten, body.Status), ct));
}

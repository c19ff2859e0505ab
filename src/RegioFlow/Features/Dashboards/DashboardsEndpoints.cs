using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using RegioFlow.Features.Initiatives;

namespace RegioFlow.Features.Dashboards;

public static class DashboardsEndpoints
{
    public static IEndpointRouteBuilder MapDashboardsEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/dashboards").WithTags("Dashboards");
        group.MapGet("schemes", ListSchemesAsync).WithName("ListSchemeDashboards")
            .WithSummary("Budget, zaken per status, doorlooptijden tegen de servicenorm en verlopen termijnen van de regelingen die u mag zien (fondsbeheerder, besluitvormend orgaan, toezicht, beheerder).")
            .ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapGet("schemes/{id:guid}", GetSchemeAsync).WithName("GetSchemeDashboard").WithSummary("Het dashboard van één regeling.")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("initiatives", InitiativesAsync).WithName("GetInitiativeDashboard")
            .WithSummary("Initiatieven uit het register per regio, thematafel of sector: aantallen per status en type, KPI-doel tegen realisatie.")
            .ProducesValidationProblem();
        return app;
    }

    private static async Task<Ok<IReadOnlyList<SchemeDashboardDto>>> ListSchemesAsync(IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ListSchemeDashboards.Query(), ct));

    private static async Task<Ok<SchemeDashboardDto>> GetSchemeAsync(Guid id, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new GetSchemeDashboard.Query(id), ct));

    private static async Task<Ok<InitiativeDashboardDto>> InitiativesAsync(
        string? groupBy, string? search, string? region, string? sector, string? targetGroup, string? type, string? status, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new GetInitiativeDashboard.Query(groupBy, new RegisterFilter.Input(search, region, sector, targetGroup, type, status)), ct));
}

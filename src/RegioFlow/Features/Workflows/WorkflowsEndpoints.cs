using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace RegioFlow.Features.Workflows;

public static class WorkflowsEndpoints
{
    public static IEndpointRouteBuilder MapWorkflowsEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/workflows").WithTags("Workflows");
        group.MapGet("", ListAsync).WithName("ListWorkflows").WithSummary("Alle geladen workflowdefinities en versies.");
        group.MapGet("{id}/versions/{version:int}", GetAsync).WithName("GetWorkflowVersion").WithSummary("Toestanden, transities, timers en rollen van één versie.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("{id}/versions/{version:int}/diagram", DiagramAsync).WithName("GetWorkflowDiagram").WithSummary("Het toestandsdiagram (format=mermaid of dot).")
            .Produces<string>(StatusCodes.Status200OK, "text/plain").ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<Ok<IReadOnlyList<WorkflowQueries.WorkflowSummary>>> ListAsync(IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new WorkflowQueries.ListQuery(), ct));

    private static async Task<Ok<WorkflowQueries.WorkflowVersionDto>> GetAsync(string id, int version, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new WorkflowQueries.VersionQuery(id, version), ct));

    private static async Task<ContentHttpResult> DiagramAsync(string id, int version, string? format, IMediator mediator, CancellationToken ct)
    {
        var diagram = await mediator.Send(new WorkflowQueries.DiagramQuery(id, version, format), ct);
        return TypedResults.Text(diagram.Text, diagram.ContentType);
    }
}

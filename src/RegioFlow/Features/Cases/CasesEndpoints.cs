using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace RegioFlow.Features.Cases;

public static class CasesEndpoints
{
    public sealed record TriggerBody(Dictionary<string, string>? Parameters, long? Version);

    public sealed record SuspendBody(string? Reason, long? Version);

    public sealed record ResumeBody(long? Version);

    public sealed record ExtendBody(string? Duration, string? Reason, long? Version);

    public static IEndpointRouteBuilder MapCasesEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/cases").WithTags("Zaken")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("{id:guid}", GetAsync).WithName("GetCase").WithSummary("Toestand, klokken, open termijnen en mogelijke triggers van een zaak.");
        group.MapPost("{id:guid}/triggers/{trigger}", FireAsync).WithName("FireCaseTrigger").WithSummary("Een stap in de workflow zetten.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("{id:guid}/suspend", SuspendAsync).WithName("SuspendCase").WithSummary("Opschorten (Awb 4:15): klokken en termijnen staan stil.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("{id:guid}/resume", ResumeAsync).WithName("ResumeCase").WithSummary("De opschorting beëindigen.").ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("{id:guid}/extend", ExtendAsync).WithName("ExtendCase").WithSummary("De beslistermijn eenmalig verlengen (Awb 4:14).")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("{id:guid}/journal", JournalAsync).WithName("GetCaseJournal").WithSummary("Het journaal van de zaak (alleen lezen).");
        group.MapGet("{id:guid}/audit", AuditAsync).WithName("GetCaseAudit").WithSummary("De audittrail van de zaak (alleen lezen).");
        return app;
    }

    private static async Task<Ok<CaseDto>> GetAsync(Guid id, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new GetCase.Query(id), ct));

    private static async Task<Ok<CaseDto>> FireAsync(Guid id, string trigger, TriggerBody? body, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new FireTrigger.Command(id, trigger, body?.Parameters, body?.Version), ct));

    private static async Task<Ok<CaseDto>> SuspendAsync(Guid id, SuspendBody body, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new SuspendCase.Command(id, body.Reason, body.Version), ct));

    private static async Task<Ok<CaseDto>> ResumeAsync(Guid id, ResumeBody? body, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new SuspendCase.ResumeCommand(id, body?.Version), ct));

    private static async Task<Ok<CaseDto>> ExtendAsync(Guid id, ExtendBody body, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ExtendCase.Command(id, body.Duration, body.Reason, body.Version), ct));

    private static async Task<Ok<IReadOnlyList<GetCaseHistory.JournalEntryDto>>> JournalAsync(Guid id, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new GetCaseHistory.JournalQuery(id), ct));

    private static async Task<Ok<IReadOnlyList<GetCaseHistory.AuditEntryDto>>> AuditAsync(Guid id, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new GetCaseHistory.AuditQuery(id), ct));
}

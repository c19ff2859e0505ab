using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace RegioFlow.Features.Applications;

public static class ApplicationsEndpoints
{
    public sealed record UpdateBody(decimal? RequestedAmount, InitiativeInput? Initiative);

    public sealed record VersionBody(long? Version);

    public sealed record DecisionBody(string? Decision, decimal? Amount, string? Conditions, string? Motivation, long? Version);

    public sealed record PaidBody(DateOnly? PaidOn, string? Reference, long? Version);

    public static IEndpointRouteBuilder MapApplicationsEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/applications").WithTags("Subsidieaanvragen")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("", ListAsync).WithName("ListApplications").WithSummary("De aanvragen die u mag zien, optioneel per regeling of toestand.");
        group.MapGet("{id:guid}", GetAsync).WithName("GetApplication");
        group.MapPost("", CreateAsync).WithName("CreateApplication").WithSummary("Een conceptaanvraag starten (initiatiefnemer).").ProducesValidationProblem();
        group.MapPut("{id:guid}", UpdateAsync).WithName("UpdateApplication").WithSummary("Het concept opslaan.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("{id:guid}/submit", SubmitAsync).WithName("SubmitApplication").WithSummary("Het concept indienen; alleen een volledige aanvraag.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("{id:guid}/decision", DecideAsync).WithName("DecideApplication").WithSummary("Besluit: toekennen, afwijzen of aanhouden (besluitvormend orgaan).")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("{id:guid}/payments", PaymentsAsync).WithName("ListApplicationPayments").WithSummary("Betalingen: voorschot, tranches, eindbetaling, terugvordering.");
        group.MapPost("{id:guid}/payments/{paymentId:guid}/approve", ApproveAsync).WithName("ApprovePayment").ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("{id:guid}/payments/{paymentId:guid}/paid", PaidAsync).WithName("MarkPaymentPaid").WithSummary("Een goedgekeurde betaling als betaald vastleggen.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    private static async Task<Ok<IReadOnlyList<ApplicationDto>>> ListAsync(Guid? scheme, string? state, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ListApplications.Query(scheme, state), ct));

    private static async Task<Ok<ApplicationDto>> GetAsync(Guid id, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new GetApplication.Query(id), ct));

    private static async Task<Created<ApplicationDto>> CreateAsync(CreateApplication.Command command, IMediator mediator, CancellationToken ct)
    {
        var application = await mediator.Send(command, ct);
        return TypedResults.Created($"/api/applications/{application.Id}", application);
    }

    private static async Task<Ok<ApplicationDto>> UpdateAsync(Guid id, UpdateBody body, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new UpdateApplication.Command(id, body.RequestedAmount, body.Initiative), ct));

    private static async Task<Ok<ApplicationDto>> SubmitAsync(Guid id, VersionBody? body, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new SubmitApplication.Command(id, body?.Version), ct));

    private static async Task<Ok<ApplicationDto>> DecideAsync(Guid id, DecisionBody body, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new DecideApplication.Command(id, body.Decision, body.Amount, body.Conditions, body.Motivation, body.Version), ct));

    private static async Task<Ok<IReadOnlyList<PaymentDto>>> PaymentsAsync(Guid id, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ListPayments.Query(id), ct));

    private static async Task<Ok<PaymentDto>> ApproveAsync(Guid id, Guid paymentId, VersionBody? body, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ProcessPayment.ApproveCommand(id, paymentId, body?.Version), ct));

    private static async Task<Ok<PaymentDto>> PaidAsync(Guid id, Guid paymentId, PaidBody body, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ProcessPayment.PaidCommand(id, paymentId, body.PaidOn, body.Reference, body.Version), ct));
}

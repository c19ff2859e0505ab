using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace RegioFlow.Features.Applications;

public static class ApplicationsEndpoints
{
    public sealed record UpdateBody(decimal? RequestedAmount, InitiativeInput? Initiative);

    public sealed record VersionBody(long? Version);

    public sealed record DecisionBody(string? Decision, decimal? Amount, string? Conditions, string? Motivation, long? Version);

    public sealed record PaidBody(DateOnly? PaidOn, string? Reference, long? Version);

    public sealed record ReportBody(string? Kind, string? Summary, decimal? SpentToDate, IReadOnlyList<KpiActualInput>? KpiActuals, long? Version);

    public sealed record TrancheBody(decimal? Amount, string? Description);

    public sealed record SettlementBody(decimal? Amount, string? Motivation, long? Version);

    public sealed record BorgingBody(string? Outcome, string? Notes, long? Version);

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
        group.MapPost("{id:guid}/payments", RequestTrancheAsync).WithName("RequestTranche").WithSummary("Een tranche aanvragen tijdens de uitvoering (initiatiefnemer).")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("{id:guid}/documents", DocumentsAsync).WithName("ListApplicationDocuments").WithSummary("De documenten bij de aanvraag (zonder inhoud).");
        group.MapGet("{id:guid}/documents/{documentId:guid}", DownloadAsync).WithName("DownloadApplicationDocument").WithSummary("Een document downloaden.");
        // Bearer-only API, so no antiforgery token (no cookie can call it); the size limit turns an oversized upload into a 413 ProblemDetails.
        group.MapPost("{id:guid}/documents", UploadAsync).WithName("UploadApplicationDocument").WithSummary("Een document toevoegen: PDF, DOCX, XLSX, ODT, PNG of JPG, hoogstens 20 MB.")
            .DisableAntiforgery().WithMetadata(new RequestSizeLimitAttribute(UploadDocument.MaxRequestBytes)).WithFormOptions(multipartBodyLengthLimit: UploadDocument.MaxRequestBytes)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        group.MapGet("{id:guid}/reports", ReportsAsync).WithName("ListApplicationReports").WithSummary("Voortgangsrapportages en eindverantwoording.");
        group.MapPost("{id:guid}/reports", ReportAsync).WithName("SubmitApplicationReport").WithSummary("Rapporteren tijdens de uitvoering: voortgang of eindverantwoording (initiatiefnemer).")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("{id:guid}/settlement", SettleAsync).WithName("SettleApplication").WithSummary("Vaststelling na de eindverantwoording: eindbetaling of terugvordering (fondsbeheerder).")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("{id:guid}/borging", BorgingChecksAsync).WithName("ListBorgingChecks").WithSummary("De borgingschecks na 6 en 12 maanden.");
        group.MapPost("{id:guid}/borging", RecordBorgingAsync).WithName("RecordBorging").WithSummary("De borgingscheck vastleggen (fondsbeheerder); de tweede sluit de zaak.")
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

    private static async Task<Created<PaymentDto>> RequestTrancheAsync(Guid id, TrancheBody body, IMediator mediator, CancellationToken ct)
    {
        var payment = await mediator.Send(new RequestTranche.Command(id, body.Amount, body.Description), ct);
        return TypedResults.Created($"/api/applications/{id}/payments", payment);
    }

    private static async Task<Ok<IReadOnlyList<DocumentDto>>> DocumentsAsync(Guid id, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ListDocuments.Query(id), ct));

    private static async Task<FileContentHttpResult> DownloadAsync(Guid id, Guid documentId, HttpContext context, IMediator mediator, CancellationToken ct)
    {
        var document = await mediator.Send(new DownloadDocument.Query(id, documentId), ct);
        context.Response.Headers.XContentTypeOptions = "nosniff";
        return TypedResults.File(document.Content, document.ContentType, document.FileName);
    }

    private static async Task<Created<DocumentDto>> UploadAsync(Guid id, IFormFile? file, [FromForm] string? description, IMediator mediator, CancellationToken ct)
    {
        var document = await mediator.Send(new UploadDocument.Command(id, file, description), ct);
        return TypedResults.Created($"/api/applications/{id}/documents/{document.Id}", document);
    }

    private static async Task<Ok<IReadOnlyList<ReportDto>>> ReportsAsync(Guid id, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ListReports.Query(id), ct));

    private static async Task<Created<ReportDto>> ReportAsync(Guid id, ReportBody body, IMediator mediator, CancellationToken ct)
    {
        var report = await mediator.Send(new SubmitReport.Command(id, body.Kind, body.Summary, body.SpentToDate, body.KpiActuals, body.Version), ct);
        return TypedResults.Created($"/api/applications/{id}/reports", report);
    }

    private static async Task<Ok<SettleApplication.SettlementDto>> SettleAsync(Guid id, SettlementBody body, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new SettleApplication.Command(id, body.Amount, body.Motivation, body.Version), ct));

    private static async Task<Ok<IReadOnlyList<BorgingCheckDto>>> BorgingChecksAsync(Guid id, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ListBorgingChecks.Query(id), ct));

    private static async Task<Created<BorgingCheckDto>> RecordBorgingAsync(Guid id, BorgingBody body, IMediator mediator, CancellationToken ct)
    {
        var check = await mediator.Send(new RecordBorging.Command(id, body.Outcome, body.Notes, body.Version), ct);
        return TypedResults.Created($"/api/applications/{id}/borging", check);
    }
}

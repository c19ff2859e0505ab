using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace RegioFlow.Features.Vouchers;

/// <summary>The provider's and the fund's side of a voucher after issue: redeem, claim, pay (beside VouchersEndpoints).</summary>
public static class VoucherRedemptionEndpoints
{
    public sealed record PaidBody(DateOnly? PaidOn, string? Reference);

    public sealed record RejectBody(string? Motivation);

    public static IEndpointRouteBuilder MapVoucherRedemptionEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/vouchers").WithTags("Scholingsvouchers")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("redeem", RedeemAsync).WithName("RedeemVoucher").WithSummary("Een voucher verzilveren met de code (opleider).")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        // Bearer-only API, so no antiforgery token; the size limit turns an oversized upload into a 413 ProblemDetails.
        group.MapPost("{id:guid}/claims", ClaimAsync).WithName("ClaimVoucher").WithSummary("Declareren met factuur en bewijs van inschrijving of deelname (opleider).")
            .DisableAntiforgery().WithMetadata(new RequestSizeLimitAttribute(ClaimVoucher.MaxRequestBytes)).WithFormOptions(multipartBodyLengthLimit: ClaimVoucher.MaxRequestBytes)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        group.MapGet("{id:guid}/claims", ClaimDocumentsAsync).WithName("ListVoucherClaimDocuments").WithSummary("De documenten van de declaratie (zonder inhoud).");
        group.MapGet("{id:guid}/documents/{documentId:guid}", DownloadAsync).WithName("DownloadVoucherDocument").WithSummary("Een declaratiedocument downloaden.");
        group.MapPost("{id:guid}/claims/approve", ApproveAsync).WithName("ApproveVoucherClaim").WithSummary("De declaratie goedkeuren en de betaling vastleggen (fondsbeheerder).")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("{id:guid}/claims/reject", RejectAsync).WithName("RejectVoucherClaim").WithSummary("De declaratie afwijzen met motivering (fondsbeheerder).")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    private static async Task<Ok<VoucherMoneyDto>> RedeemAsync(RedeemVoucher.Command command, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(command, ct));

    private static async Task<Ok<VoucherMoneyDto>> ClaimAsync(Guid id, IFormFile? invoice, IFormFile? proof, [FromForm] string? kind, [FromForm] string? amount, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ClaimVoucher.Command(id, invoice, proof, kind, amount), ct));

    private static async Task<Ok<IReadOnlyList<VoucherDocumentDto>>> ClaimDocumentsAsync(Guid id, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ListVoucherDocuments.Query(id), ct));

    private static async Task<FileContentHttpResult> DownloadAsync(Guid id, Guid documentId, IMediator mediator, CancellationToken ct)
    {
        var file = await mediator.Send(new ListVoucherDocuments.DownloadQuery(id, documentId), ct);
        return TypedResults.File(file.Content, file.ContentType, file.FileName);
    }

    private static async Task<Ok<VoucherMoneyDto>> ApproveAsync(Guid id, PaidBody body, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new DecideVoucherClaim.ApproveCommand(id, body.PaidOn, body.Reference), ct));

    private static async Task<Ok<VoucherMoneyDto>> RejectAsync(Guid id, RejectBody body, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new DecideVoucherClaim.RejectCommand(id, body.Motivation), ct));
}

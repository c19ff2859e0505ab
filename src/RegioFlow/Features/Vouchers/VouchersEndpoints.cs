using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace RegioFlow.Features.Vouchers;

public static class VouchersEndpoints
{
    public sealed record DecisionBody(string? Decision, string? Motivation, long? Version);

    public static IEndpointRouteBuilder MapVouchersEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/vouchers").WithTags("Scholingsvouchers")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("", ListAsync).WithName("ListVouchers").WithSummary("De vouchers die u mag zien, optioneel per regeling of toestand.");
        group.MapGet("{id:guid}", GetAsync).WithName("GetVoucher");
        group.MapPost("", RequestAsync).WithName("RequestVoucher").WithSummary("Een scholingsvoucher aanvragen (inwoner, of werkgever voor een werknemer).").ProducesValidationProblem();
        group.MapPost("eligibility", EligibilityAsync).WithName("CheckVoucherEligibility").WithSummary("De voorwaarden toetsen zonder iets op te slaan.").ProducesValidationProblem();
        group.MapPost("{id:guid}/decision", DecideAsync).WithName("DecideVoucher").WithSummary("Uitgeven of afwijzen (fondsbeheerder).")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("{id:guid}/stacking", StackingAsync).WithName("GetVoucherStacking").WithSummary("Andere actieve vouchers van dezelfde persoon, uit elke voucherregeling (fondsbeheerder).");
        return app;
    }

    private static async Task<Ok<IReadOnlyList<VoucherDto>>> ListAsync(Guid? scheme, string? state, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ListVouchers.Query(scheme, state), ct));

    private static async Task<Ok<VoucherDto>> GetAsync(Guid id, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new GetVoucher.Query(id), ct));

    private static async Task<Created<VoucherDto>> RequestAsync(RequestVoucher.Command command, IMediator mediator, CancellationToken ct)
    {
        var voucher = await mediator.Send(command, ct);
        return TypedResults.Created($"/api/vouchers/{voucher.Id}", voucher);
    }

    private static async Task<Ok<CheckVoucherEligibility.Response>> EligibilityAsync(CheckVoucherEligibility.Query query, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(query, ct));

    private static async Task<Ok<VoucherDto>> DecideAsync(Guid id, DecisionBody body, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new DecideVoucher.Command(id, body.Decision, body.Motivation, body.Version), ct));

    private static async Task<Ok<StackingDto>> StackingAsync(Guid id, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new GetStacking.Query(id), ct));
}

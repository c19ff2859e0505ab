using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using RegioFlow.Auth;
using RegioFlow.Domain;

namespace RegioFlow.Features.Schemes;

public static class SchemesEndpoints
{
    public static IEndpointRouteBuilder MapSchemesEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/schemes").WithTags("Regelingen");
        group.MapGet("", ListAsync).WithName("ListSchemes").WithSummary("Regelingen met voorwaarden en budget, optioneel per regio.");
        group.MapGet("{id:guid}", GetAsync).WithName("GetScheme").ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("{id:guid}/payments", PaymentsAsync).WithName("ListSchemePayments").WithSummary("Alle betalingen onder de regeling (fondsbeheerder, toezicht, beheerder).")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("", CreateAsync).WithName("CreateScheme").WithSummary("Een regeling toevoegen (fondsbeheerder).")
            .RequireAuthorization(Policies.FundAdministrator).ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPut("{id:guid}", UpdateAsync).WithName("UpdateScheme").WithSummary("De voorwaarden van een regeling wijzigen (fondsbeheerder van het fonds).")
            .RequireAuthorization(Policies.FundAdministrator).ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    public sealed record UpdateBody(SchemeTerms? Terms, VoucherTerms? VoucherTerms);

    private static async Task<Ok<IReadOnlyList<SchemeDto>>> ListAsync(int? region, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ListSchemes.Query(region), ct));

    private static async Task<Ok<SchemeDto>> GetAsync(Guid id, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new GetScheme.Query(id), ct));

    private static async Task<Ok<ListSchemePayments.Response>> PaymentsAsync(Guid id, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ListSchemePayments.Query(id), ct));

    private static async Task<Created<SchemeDto>> CreateAsync(CreateScheme.Command command, IMediator mediator, CancellationToken ct)
    {
        var scheme = await mediator.Send(command, ct);
        return TypedResults.Created($"/api/schemes/{scheme.Id}", scheme);
    }

    private static async Task<Ok<SchemeDto>> UpdateAsync(Guid id, UpdateBody body, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new UpdateScheme.Command(id, body.Terms, body.VoucherTerms), ct));
}

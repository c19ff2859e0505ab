using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using RegioFlow.Auth;
using RegioFlow.Data;
using RegioFlow.Domain;

namespace RegioFlow.Features.Bodies;

public static class ListBodies
{
    public sealed record MemberDto(string UserExternalId, string Role);

    public sealed record BodyDto(Guid Id, string Name, string Kind, int? RegionId, IReadOnlyList<string> Speerpunten, IReadOnlyList<MemberDto> Members);

    public sealed record Query : IQuery<IReadOnlyList<BodyDto>>;

    internal sealed class Handler(RegioFlowDbContext db) : IQueryHandler<Query, IReadOnlyList<BodyDto>>
    {
        public async ValueTask<IReadOnlyList<BodyDto>> Handle(Query query, CancellationToken cancellationToken)
        {
            var bodies = await db.Bodies.AsNoTracking().Include(b => b.Members).OrderBy(b => b.Name).ToListAsync(cancellationToken);
            return [.. bodies.Select(ToDto)];
        }
    }

    internal static BodyDto ToDto(Body b) => new(b.Id, b.Name, b.Kind.ToString(), b.RegionId, b.Speerpunten,
        [.. b.Members.OrderBy(m => m.Role).ThenBy(m => m.UserExternalId).Select(m => new MemberDto(m.UserExternalId, m.Role.ToString()))]);
}

public static class BodiesEndpoints
{
    public static IEndpointRouteBuilder MapBodiesEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/bodies").WithTags("Thematafels en besluitvormende organen");
        group.MapGet("", ListAsync).WithName("ListBodies").WithSummary("Thematafels en besluitvormende organen met hun leden.");
        group.MapPost("", CreateAsync).WithName("CreateBody").WithSummary("Een thematafel of besluitvormend orgaan toevoegen (beheerder).")
            .RequireAuthorization(Policies.Admin).ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPut("{id:guid}", UpdateAsync).WithName("UpdateBody").WithSummary("Naam, speerpunten en leden wijzigen (beheerder).")
            .RequireAuthorization(Policies.Admin).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    public sealed record UpdateBodyRequest(string? Name, IReadOnlyList<string>? Speerpunten, IReadOnlyList<MemberInput>? Members);

    private static async Task<Created<ListBodies.BodyDto>> CreateAsync(CreateBody.Command command, IMediator mediator, CancellationToken ct)
    {
        var body = await mediator.Send(command, ct);
        return TypedResults.Created($"/api/bodies/{body.Id}", body);
    }

    private static async Task<Ok<ListBodies.BodyDto>> UpdateAsync(Guid id, UpdateBodyRequest request, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new UpdateBody.Command(id, request.Name, request.Speerpunten, request.Members), ct));

    private static async Task<Ok<IReadOnlyList<ListBodies.BodyDto>>> ListAsync(IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ListBodies.Query(), ct));
}

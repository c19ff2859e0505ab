using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using RegioFlow.Data;

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
            return [.. bodies.Select(b => new BodyDto(b.Id, b.Name, b.Kind.ToString(), b.RegionId, b.Speerpunten,
                [.. b.Members.OrderBy(m => m.Role).ThenBy(m => m.UserExternalId).Select(m => new MemberDto(m.UserExternalId, m.Role.ToString()))]))];
        }
    }
}

public static class BodiesEndpoints
{
    public static IEndpointRouteBuilder MapBodiesEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/bodies").WithTags("Thematafels en besluitvormende organen")
            .MapGet("", ListAsync).WithName("ListBodies").WithSummary("Thematafels en besluitvormende organen met hun leden.");
        return app;
    }

    private static async Task<Ok<IReadOnlyList<ListBodies.BodyDto>>> ListAsync(IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ListBodies.Query(), ct));
}

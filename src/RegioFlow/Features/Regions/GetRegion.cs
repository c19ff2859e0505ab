using Mediator;
using Microsoft.EntityFrameworkCore;
using RegioFlow.Common;
using RegioFlow.Data;

namespace RegioFlow.Features.Regions;

public static class GetRegion
{
    public sealed record Query(int Id) : IQuery<Response>;

    public sealed record Response(int Id, string Code, string Name, string Province, string Centrumgemeente, IReadOnlyList<GemeenteDto> Gemeenten);

    public sealed record GemeenteDto(int Id, string Name);

    internal sealed class Handler(RegioFlowDbContext db) : IQueryHandler<Query, Response>
    {
        public async ValueTask<Response> Handle(Query query, CancellationToken cancellationToken)
        {
            var region = await db.Regions.AsNoTracking()
                .Where(r => r.Id == query.Id)
                .Select(r => new Response(
                    r.Id, r.Code, r.Name, r.Province, r.Centrumgemeente,
                    r.Gemeenten.OrderBy(g => g.Name).Select(g => new GemeenteDto(g.Id, g.Name)).ToList()))
                .SingleOrDefaultAsync(cancellationToken);
            return region ?? throw new NotFoundException($"Er is geen arbeidsmarktregio met id {query.Id}.");
        }
    }
}

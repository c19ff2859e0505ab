using Mediator;
using Microsoft.EntityFrameworkCore;
using RegioFlow.Data;

namespace RegioFlow.Features.Regions;

public static class ListRegions
{
    public sealed record Query : IQuery<IReadOnlyList<RegionSummary>>;

    public sealed record RegionSummary(int Id, string Code, string Name, string Province, string Centrumgemeente, int GemeenteCount);

    internal sealed class Handler(RegioFlowDbContext db) : IQueryHandler<Query, IReadOnlyList<RegionSummary>>
    {
        public async ValueTask<IReadOnlyList<RegionSummary>> Handle(Query query, CancellationToken cancellationToken) =>
            await db.Regions.AsNoTracking()
                .OrderBy(r => r.Name)
                .Select(r => new RegionSummary(r.Id, r.Code, r.Name, r.Province, r.Centrumgemeente, r.Gemeenten.Count))
                .ToListAsync(cancellationToken);
    }
}

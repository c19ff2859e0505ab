using Mediator;
using Microsoft.EntityFrameworkCore;
using RegioFlow.Data;

namespace RegioFlow.Features.Organisations;

public static class ListOrganisations
{
    public sealed record Query(int? RegionId = null) : IQuery<IReadOnlyList<OrganisationDto>>;

    internal sealed class Handler(RegioFlowDbContext db) : IQueryHandler<Query, IReadOnlyList<OrganisationDto>>
    {
        public async ValueTask<IReadOnlyList<OrganisationDto>> Handle(Query query, CancellationToken cancellationToken) =>
            await db.Organisations.AsNoTracking()
                .Where(o => query.RegionId == null || o.RegionId == query.RegionId)
                .OrderBy(o => o.Name)
                .Select(o => new OrganisationDto(o.Id, o.Name, o.Kind.ToString(), o.RegionId, o.Region == null ? null : o.Region.Name))
                .ToListAsync(cancellationToken);
    }
}

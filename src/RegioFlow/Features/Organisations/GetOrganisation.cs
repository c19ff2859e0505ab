using Mediator;
using Microsoft.EntityFrameworkCore;
using RegioFlow.Common;
using RegioFlow.Data;

namespace RegioFlow.Features.Organisations;

public static class GetOrganisation
{
    public sealed record Query(Guid Id) : IQuery<OrganisationDto>;

    internal sealed class Handler(RegioFlowDbContext db) : IQueryHandler<Query, OrganisationDto>
    {
        public async ValueTask<OrganisationDto> Handle(Query query, CancellationToken cancellationToken) =>
            await db.Organisations.AsNoTracking()
                .Where(o => o.Id == query.Id)
                .Select(o => new OrganisationDto(o.Id, o.Name, o.Kind.ToString(), o.RegionId, o.Region == null ? null : o.Region.Name))
                .SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException($"Er is geen organisatie met id {query.Id}.");
    }
}

using Mediator;
using Microsoft.EntityFrameworkCore;
using RegioFlow.Common;
using RegioFlow.Data;

namespace RegioFlow.Features.Schemes;

/// <summary>Schemes are public information for every signed-in user: conditions, window and budget.</summary>
public static class ListSchemes
{
    public sealed record Query(int? RegionId) : IQuery<IReadOnlyList<SchemeDto>>;

    internal sealed class Handler(RegioFlowDbContext db) : IQueryHandler<Query, IReadOnlyList<SchemeDto>>
    {
        public async ValueTask<IReadOnlyList<SchemeDto>> Handle(Query query, CancellationToken cancellationToken)
        {
            var schemes = await db.Schemes.AsNoTracking()
                .Where(s => query.RegionId == null || s.RegionId == query.RegionId)
                .OrderBy(s => s.Name).ToListAsync(cancellationToken);
            return [.. schemes.Select(s => s.ToDto())];
        }
    }
}

public static class GetScheme
{
    public sealed record Query(Guid Id) : IQuery<SchemeDto>;

    internal sealed class Handler(RegioFlowDbContext db) : IQueryHandler<Query, SchemeDto>
    {
        public async ValueTask<SchemeDto> Handle(Query query, CancellationToken cancellationToken)
        {
            var scheme = await db.Schemes.AsNoTracking().SingleOrDefaultAsync(s => s.Id == query.Id, cancellationToken)
                ?? throw new NotFoundException($"Er is geen regeling met id {query.Id}.");
            return scheme.ToDto();
        }
    }
}

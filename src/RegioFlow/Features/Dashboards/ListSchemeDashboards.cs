using Mediator;
using Microsoft.EntityFrameworkCore;
using RegioFlow.Auth;
using RegioFlow.Common;
using RegioFlow.Data;
using RegioFlow.Workflows;

namespace RegioFlow.Features.Dashboards;

/// <summary>The dashboards of all schemes the caller may see (<see cref="DashboardAccess"/>), by name.</summary>
public static class ListSchemeDashboards
{
    public sealed record Query : IQuery<IReadOnlyList<SchemeDashboardDto>>;

    internal sealed class Handler(RegioFlowDbContext db, CurrentUser user, WorkflowRegistry registry, TimeProvider clock, ReadCache cache)
        : IQueryHandler<Query, IReadOnlyList<SchemeDashboardDto>>
    {
        public async ValueTask<IReadOnlyList<SchemeDashboardDto>> Handle(Query query, CancellationToken cancellationToken)
        {
            var schemes = await DashboardAccess.VisibleSchemes(db, user).OrderBy(s => s.Name).ToListAsync(cancellationToken);
            var reader = new SchemeDashboardReader(db, registry, clock);
            var version = await cache.VersionAsync(db, cancellationToken);
            var dashboards = new List<SchemeDashboardDto>(schemes.Count);
            foreach (var scheme in schemes)
            {
                dashboards.Add(await cache.GetAsync($"scheme:{scheme.Id}", version, () => reader.ReadAsync(scheme, CancellationToken.None)));
            }

            return dashboards;
        }
    }
}

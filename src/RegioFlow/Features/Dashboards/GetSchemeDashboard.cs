using Mediator;
using Microsoft.EntityFrameworkCore;
using RegioFlow.Auth;
using RegioFlow.Common;
using RegioFlow.Data;
using RegioFlow.Workflows;

namespace RegioFlow.Features.Dashboards;

/// <summary>The dashboard of one scheme: 404 when it does not exist, 403 when the caller may not see it.</summary>
public static class GetSchemeDashboard
{
    public sealed record Query(Guid SchemeId) : IQuery<SchemeDashboardDto>;

    internal sealed class Handler(RegioFlowDbContext db, CurrentUser user, WorkflowRegistry registry, TimeProvider clock, ReadCache cache)
        : IQueryHandler<Query, SchemeDashboardDto>
    {
        public async ValueTask<SchemeDashboardDto> Handle(Query query, CancellationToken cancellationToken)
        {
            var scheme = await DashboardAccess.VisibleSchemes(db, user).SingleOrDefaultAsync(s => s.Id == query.SchemeId, cancellationToken);
            if (scheme is null)
            {
                throw await db.Schemes.AnyAsync(s => s.Id == query.SchemeId, cancellationToken)
                    ? new ForbiddenException("U mag het dashboard van deze regeling niet inzien: alleen de fondsbeheerders van het fonds, het besluitvormend orgaan, toezicht en beheerders.")
                    : new NotFoundException($"Er is geen regeling met id {query.SchemeId}.");
            }

            var reader = new SchemeDashboardReader(db, registry, clock);
            return await cache.GetAsync($"scheme:{scheme.Id}", await cache.VersionAsync(db, cancellationToken), () => reader.ReadAsync(scheme, CancellationToken.None));
        }
    }
}

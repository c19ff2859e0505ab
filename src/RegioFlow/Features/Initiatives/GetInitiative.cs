using Mediator;
using Microsoft.EntityFrameworkCore;
using RegioFlow.Data;
using RegioFlow.Domain;
using RegioFlow.Features.Applications;

namespace RegioFlow.Features.Initiatives;

/// <summary>One initiative the caller may see, with the applications for it that the caller may see too.</summary>
public static class GetInitiative
{
    public sealed record Query(Guid Id) : IQuery<InitiativeDto>;

    internal sealed class Handler(RegioFlowDbContext db, InitiativeAccess access, ApplicationAccess applications) : IQueryHandler<Query, InitiativeDto>
    {
        public async ValueTask<InitiativeDto> Handle(Query query, CancellationToken cancellationToken)
        {
            var i = await access.VisibleAsync(query.Id, cancellationToken);
            var organisation = await db.Organisations.AsNoTracking().Where(o => o.Id == i.OrganisationId).Select(o => o.Name).SingleOrDefaultAsync(cancellationToken) ?? "";
            var linked = await applications.Visible().Where(a => a.InitiativeId == i.Id)
                .Join(db.Schemes, a => a.SchemeId, s => s.Id, (a, s) => new { a, SchemeName = s.Name })
                .Join(db.Cases, x => x.a.CaseId, c => c.Id, (x, c) => new InitiativeApplicationDto(x.a.Id, x.a.SchemeId, x.SchemeName, c.State, x.a.RequestedAmount, x.a.GrantedAmount))
                .ToListAsync(cancellationToken);
            return new InitiativeDto(i.Id, i.OrganisationId, organisation, i.Title, i.Activity, i.Problem, i.Goals, i.Type?.Label(), i.AgeBand, i.Gemeenten,
                i.Status.Label(), i.RegisteredAt, i.Source, i.SourceKey, i.TargetGroups, i.Sectors, i.RegionId, i.StartDate, i.EndDate,
                i.Partners, i.BudgetLines, i.FundingLines, i.Kpis, i.BorgingPlan, i.TotalBudget, i.CreatedAt, linked);
        }
    }
}

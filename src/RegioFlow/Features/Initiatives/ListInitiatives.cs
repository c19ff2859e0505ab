using Mediator;
using Microsoft.EntityFrameworkCore;
using RegioFlow.Data;

namespace RegioFlow.Features.Initiatives;

/// <summary>The initiatives the caller may see (<see cref="InitiativeAccess"/>), newest first.</summary>
public static class ListInitiatives
{
    public sealed record Query : IQuery<IReadOnlyList<InitiativeSummaryDto>>;

    internal sealed class Handler(RegioFlowDbContext db, InitiativeAccess access) : IQueryHandler<Query, IReadOnlyList<InitiativeSummaryDto>>
    {
        public async ValueTask<IReadOnlyList<InitiativeSummaryDto>> Handle(Query query, CancellationToken cancellationToken)
        {
            var initiatives = await access.Visible().OrderByDescending(i => i.CreatedAt).Take(500).ToListAsync(cancellationToken);
            var organisationIds = initiatives.Where(i => i.OrganisationId != null).Select(i => i.OrganisationId!.Value).Distinct().ToList();
            var organisations = await db.Organisations.AsNoTracking().Where(o => organisationIds.Contains(o.Id))
                .ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
            return [.. initiatives.Select(i => new InitiativeSummaryDto(i.Id, i.Title, i.OrganisationId, (i.OrganisationId is { } o ? organisations.GetValueOrDefault(o, "") : ""),
                i.Sectors, i.TargetGroups, i.StartDate, i.EndDate, i.TotalBudget))];
        }
    }
}

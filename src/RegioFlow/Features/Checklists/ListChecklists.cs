using Mediator;
using Microsoft.EntityFrameworkCore;
using RegioFlow.Data;

namespace RegioFlow.Features.Checklists;

/// <summary>Every published checklist version with its items, for whoever sets up a scheme or reads how it is assessed.</summary>
public static class ListChecklists
{
    public sealed record Query : IQuery<IReadOnlyList<ChecklistDto>>;

    internal sealed class Handler(RegioFlowDbContext db) : IQueryHandler<Query, IReadOnlyList<ChecklistDto>>
    {
        public async ValueTask<IReadOnlyList<ChecklistDto>> Handle(Query query, CancellationToken cancellationToken)
        {
            var checklists = await db.Checklists.AsNoTracking().OrderBy(c => c.Id).ThenBy(c => c.Version).ToListAsync(cancellationToken);
            return [.. checklists.Select(c => new ChecklistDto(c.Id, c.Version, c.Name, c.Owner,
                [.. c.Items.Select(i => new ChecklistItemDto(i.Code, i.Text, i.TextEn, i.Mandatory, i.Kind, null))]))];
        }
    }
}

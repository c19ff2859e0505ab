using Mediator;
using RegioFlow.Data;
using RegioFlow.Workflows;

namespace RegioFlow.Features.Cases;

public static class GetCase
{
    public sealed record Query(Guid Id) : IQuery<CaseDto>;

    internal sealed class Handler(RegioFlowDbContext db, WorkflowRegistry registry, CaseService cases, CaseRoleResolver access) : IQueryHandler<Query, CaseDto>
    {
        public async ValueTask<CaseDto> Handle(Query query, CancellationToken cancellationToken)
        {
            var (@case, actor) = await access.VisibleCaseAsync(query.Id, cancellationToken);
            return await CaseDtoBuilder.BuildAsync(db, registry, cases, @case, actor, cancellationToken);
        }
    }
}

using Mediator;
using Microsoft.EntityFrameworkCore;
using RegioFlow.Common;
using RegioFlow.Data;
using RegioFlow.Workflows;

namespace RegioFlow.Features.Applications;

/// <summary>
/// What the fund administrator reads before recording a borging check: the initiative's borging plan from the
/// application, the checks so far, and which check is due. Only the case role behandelaar gets it (403 for anyone
/// else), like <see cref="RecordBorging"/> itself.
/// </summary>
public static class GetBorgingBrief
{
    public sealed record Query(Guid Id) : IQuery<Response>;

    /// <param name="DueMonths">6 or 12 when that check can be recorded now; null in any other state.</param>
    public sealed record Response(ApplicationDto Application, IReadOnlyList<BorgingCheckDto> Checks, int? DueMonths);

    internal sealed class Handler(RegioFlowDbContext db, ApplicationAccess access, WorkflowRegistry registry) : IQueryHandler<Query, Response>
    {
        public async ValueTask<Response> Handle(Query query, CancellationToken cancellationToken)
        {
            var (application, @case, actor) = await access.ActorAsync(query.Id, cancellationToken);
            if (!actor.Roles.Contains(CaseRoles.Behandelaar))
            {
                throw new ForbiddenException(RecordBorging.NotAllowed);
            }

            var dto = (await ApplicationDtoBuilder.BuildAsync(db, registry, [application], cancellationToken))[0];
            var checks = await db.BorgingChecks.AsNoTracking().Where(b => b.ApplicationId == application.Id).OrderBy(b => b.Months).ToListAsync(cancellationToken);
            return new Response(dto, [.. checks.Select(b => b.ToDto())], RecordBorging.MonthsByState.TryGetValue(@case.State, out var months) ? months : null);
        }
    }
}

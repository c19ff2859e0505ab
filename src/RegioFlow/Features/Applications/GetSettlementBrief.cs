using Mediator;
using Microsoft.EntityFrameworkCore;
using RegioFlow.Common;
using RegioFlow.Data;
using RegioFlow.Domain;
using RegioFlow.Workflows;

namespace RegioFlow.Features.Applications;

/// <summary>
/// What the fund administrator reads before settling: the grant, every payment so far, and the costs from the final
/// report. Only the case role behandelaar gets it (403 for anyone else), like the settlement itself, because the page
/// is where the settlement is taken.
/// </summary>
public static class GetSettlementBrief
{
    public sealed record Query(Guid Id) : IQuery<Response>;

    /// <param name="Paid">Advance and tranches, whatever their status: what the settled amount is set against.</param>
    /// <param name="FinalReport">The final report (its costs are the real total costs); null while it is not in.</param>
    /// <param name="CanSettle">The case waits in eindverantwoording; only then is a settlement possible.</param>
    public sealed record Response(ApplicationDto Application, IReadOnlyList<PaymentDto> Payments, decimal Paid, ReportDto? FinalReport, bool CanSettle);

    internal sealed class Handler(RegioFlowDbContext db, ApplicationAccess access, WorkflowRegistry registry) : IQueryHandler<Query, Response>
    {
        public async ValueTask<Response> Handle(Query query, CancellationToken cancellationToken)
        {
            var (application, @case, actor) = await access.ActorAsync(query.Id, cancellationToken);
            if (!actor.Roles.Contains(CaseRoles.Behandelaar))
            {
                throw new ForbiddenException(SettleApplication.NotAllowed);
            }

            var dto = (await ApplicationDtoBuilder.BuildAsync(db, registry, [application], cancellationToken))[0];
            var payments = await db.Payments.AsNoTracking().Where(p => p.ApplicationId == application.Id)
                .OrderBy(p => p.PlannedOn).ThenBy(p => p.CreatedAt).ToListAsync(cancellationToken);
            var final = await db.Reports.AsNoTracking().Where(r => r.ApplicationId == application.Id && r.Kind == ReportKind.Eindverantwoording)
                .OrderByDescending(r => r.SubmittedAt).FirstOrDefaultAsync(cancellationToken);
            return new Response(dto, [.. payments.Select(p => p.ToDto())],
                payments.Where(p => p.Kind is PaymentKind.Voorschot or PaymentKind.Tranche).Sum(p => p.Amount), final?.ToDto(), @case.State == "eindverantwoording");
        }
    }
}

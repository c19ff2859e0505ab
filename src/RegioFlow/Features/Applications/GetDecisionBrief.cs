using Mediator;
using Microsoft.EntityFrameworkCore;
using RegioFlow.Common;
using RegioFlow.Data;
using RegioFlow.Workflows;

namespace RegioFlow.Features.Applications;

/// <summary>
/// What a member of the decision body reads before deciding: the application in short, the table's advice and what
/// the scheme can still grant. Only the case role beslisser gets it (403 for anyone else, also for those who may see
/// the application), because it is the page where the decision is taken, not a general view of the case.
/// </summary>
public static class GetDecisionBrief
{
    public sealed record Query(Guid Id) : IQuery<Response>;

    /// <param name="AdvisedBy">The display name of the chair who gave the advice (the login when unknown).</param>
    /// <param name="CoFinancing">Funding from other sources that counts for the scheme's co-financing rule.</param>
    /// <param name="CoFinancingPercent">That co-financing as a share of the initiative's budget, rounded.</param>
    /// <param name="SchemeRemaining">Ceiling minus committed: the most a grant can be right now.</param>
    /// <param name="CanDecide">The case waits in besluitvorming; only then is a decision possible.</param>
    public sealed record Response(
        ApplicationDto Application,
        string OrganisationName,
        string? Advice,
        string? AdviceMotivation,
        string? AdvisedBy,
        DateTimeOffset? AdvisedAt,
        decimal TotalBudget,
        decimal CoFinancing,
        int MinCoFinancingPercent,
        decimal CoFinancingPercent,
        decimal SchemeRemaining,
        bool CanDecide);

    internal sealed class Handler(RegioFlowDbContext db, ApplicationAccess access, WorkflowRegistry registry) : IQueryHandler<Query, Response>
    {
        public async ValueTask<Response> Handle(Query query, CancellationToken cancellationToken)
        {
            var (application, @case, actor) = await access.ActorAsync(query.Id, cancellationToken);
            if (!actor.Roles.Contains(CaseRoles.Beslisser))
            {
                throw new ForbiddenException("Alleen een lid van het besluitvormend orgaan van deze regeling besluit over deze aanvraag.");
            }

            var dto = (await ApplicationDtoBuilder.BuildAsync(db, registry, [application], cancellationToken))[0];
            var scheme = await db.Schemes.AsNoTracking().SingleAsync(s => s.Id == application.SchemeId, cancellationToken);
            var organisation = await db.Organisations.AsNoTracking().Where(o => o.Id == application.OrganisationId)
                .Select(o => o.Name).SingleAsync(cancellationToken);
            var advisedBy = application.AdvisedBy is null
                ? null
                : await db.Users.AsNoTracking().Where(u => u.ExternalId == application.AdvisedBy).Select(u => u.DisplayName)
                    .SingleOrDefaultAsync(cancellationToken) ?? application.AdvisedBy;
            var total = dto.Initiative.BudgetLines?.Sum(b => b.Amount) ?? 0m;
            var coFinancing = dto.Initiative.FundingLines?.Where(f => scheme.InKindAllowed || !f.InKind).Sum(f => f.Amount) ?? 0m;
            return new Response(dto, organisation, application.Advice, application.AdviceMotivation, advisedBy, application.AdvisedAt,
                total, coFinancing, scheme.MinCoFinancingPercent, total > 0 ? decimal.Round(coFinancing * 100m / total, 0) : 0m,
                scheme.Remaining, @case.State == "besluitvorming");
        }
    }
}

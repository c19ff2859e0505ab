using Mediator;
using Microsoft.EntityFrameworkCore;
using RegioFlow.Auth;
using RegioFlow.Common;
using RegioFlow.Data;
using RegioFlow.Domain;
using RegioFlow.Features.Applications;

namespace RegioFlow.Features.Schemes;

/// <summary>A payment in the scheme's payment list, with the initiative and applicant it goes to.</summary>
public sealed record SchemePaymentDto(
    Guid Id,
    Guid ApplicationId,
    string InitiativeTitle,
    string OrganisationName,
    string Kind,
    string? Description,
    decimal Amount,
    string Status,
    DateOnly PlannedOn,
    DateOnly? PaidOn,
    string? Reference,
    long Version);

/// <summary>
/// All payments of a scheme's applications, the fund administrator's work list. Payment data are not public like the
/// scheme's conditions: only the fund administrators of the scheme's fund, oversight and administrators see them.
/// </summary>
public static class ListSchemePayments
{
    public sealed record Query(Guid SchemeId) : IQuery<Response>;

    /// <param name="CanProcess">The caller administers this scheme's fund, so may approve payments and mark them paid.</param>
    public sealed record Response(Guid SchemeId, bool CanProcess, IReadOnlyList<SchemePaymentDto> Payments);

    internal sealed class Handler(RegioFlowDbContext db, CurrentUser user, ApplicationAccess access) : IQueryHandler<Query, Response>
    {
        public async ValueTask<Response> Handle(Query query, CancellationToken cancellationToken)
        {
            var fund = await db.Schemes.AsNoTracking().Where(s => s.Id == query.SchemeId).Select(s => (Guid?)s.FundOrganisationId)
                .SingleOrDefaultAsync(cancellationToken) ?? throw new NotFoundException($"Er is geen regeling met id {query.SchemeId}.");
            var administers = user.IsInRole(Role.FundAdministrator) && (await access.OrganisationsAsync(cancellationToken)).Contains(fund);
            if (!administers && !user.IsInRole(Role.Oversight) && !user.IsInRole(Role.Admin))
            {
                throw new ForbiddenException("Alleen de fondsbeheerders van deze regeling, toezicht en beheerders zien de betalingen van de regeling.");
            }

            var rows = await (
                    from p in db.Payments.AsNoTracking()
                    where p.SchemeId == query.SchemeId
                    join a in db.FundingApplications on p.ApplicationId equals a.Id
                    join i in db.Initiatives on a.InitiativeId equals i.Id
                    join o in db.Organisations on a.OrganisationId equals o.Id
                    orderby p.PlannedOn, p.CreatedAt
                    select new { Payment = p, i.Title, Organisation = o.Name })
                .ToListAsync(cancellationToken);
            return new Response(query.SchemeId, administers, [.. rows.Select(r => new SchemePaymentDto(
                r.Payment.Id, r.Payment.ApplicationId, r.Title, r.Organisation, r.Payment.Kind.ToString(), r.Payment.Description, r.Payment.Amount,
                r.Payment.Status.ToString(), r.Payment.PlannedOn, r.Payment.PaidOn, r.Payment.Reference, r.Payment.Version))]);
        }
    }
}

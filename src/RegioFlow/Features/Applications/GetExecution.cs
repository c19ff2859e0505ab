using Mediator;
using Microsoft.EntityFrameworkCore;
using RegioFlow.Data;
using RegioFlow.Domain;

namespace RegioFlow.Features.Applications;

/// <summary>
/// The money and the execution forms of one application for its case page: what was granted, what advance and tranches
/// took from it, what is left, and whether the user may add a document or ask for a tranche now. The rules are the
/// commands' own (<see cref="UploadDocument.MayUpload"/>, <see cref="RequestTranche.MayRequest"/>), so the page offers
/// a form only to whom the command would accept it from.
/// </summary>
public static class GetExecution
{
    public sealed record Query(Guid Id) : IQuery<Response>;

    /// <param name="AdvanceAndTranches">Advance and tranches, whatever their status: what the grant has already promised.</param>
    /// <param name="Left">Granted − advance and tranches: the most a next tranche can be.</param>
    /// <param name="TranchesRequested">Tranches asked for so far, against the scheme's <paramref name="TranchesAllowed"/>.</param>
    public sealed record Response(decimal? Granted, decimal AdvanceAndTranches, decimal Left, int TranchesRequested, int TranchesAllowed, bool CanUpload, bool CanRequestTranche);

    internal sealed class Handler(RegioFlowDbContext db, ApplicationAccess access) : IQueryHandler<Query, Response>
    {
        public async ValueTask<Response> Handle(Query query, CancellationToken cancellationToken)
        {
            var (application, @case, actor) = await access.ActorAsync(query.Id, cancellationToken);
            var allowed = await db.Schemes.AsNoTracking().Where(s => s.Id == application.SchemeId).Select(s => s.Tranches).SingleAsync(cancellationToken);
            var payments = await db.Payments.AsNoTracking().Where(p => p.ApplicationId == application.Id && (p.Kind == PaymentKind.Voorschot || p.Kind == PaymentKind.Tranche))
                .Select(p => new { p.Kind, p.Amount }).ToListAsync(cancellationToken);
            var promised = payments.Sum(p => p.Amount);
            var tranches = payments.Count(p => p.Kind == PaymentKind.Tranche);
            var left = RequestTranche.Left(application.GrantedAmount, promised);
            return new Response(application.GrantedAmount, promised, Math.Max(left, 0), tranches, allowed,
                UploadDocument.MayUpload(@case, actor) && !@case.IsClosed,
                RequestTranche.MayRequest(actor) && @case.State == "uitvoering" && tranches < allowed && left > 0);
        }
    }
}

using Mediator;
using Microsoft.EntityFrameworkCore;
using RegioFlow.Data;
using RegioFlow.Workflows;

namespace RegioFlow.Features.Cases;

/// <summary>The journal (engine events) and the audit trail (data changes) of a case; read-only, there is no write path.</summary>
public static class GetCaseHistory
{
    public sealed record JournalQuery(Guid CaseId) : IQuery<IReadOnlyList<JournalEntryDto>>;

    public sealed record AuditQuery(Guid CaseId) : IQuery<IReadOnlyList<AuditEntryDto>>;

    public sealed record JournalEntryDto(int Sequence, string Kind, DateTimeOffset At, string Actor, string? Trigger, string? FromState, string? ToState, string? Detail);

    public sealed record AuditEntryDto(long Id, DateTimeOffset At, string Actor, string Entity, string EntityId, string Action, string Changes);

    internal sealed class Handler(RegioFlowDbContext db, CaseRoleResolver access)
        : IQueryHandler<JournalQuery, IReadOnlyList<JournalEntryDto>>, IQueryHandler<AuditQuery, IReadOnlyList<AuditEntryDto>>
    {
        public async ValueTask<IReadOnlyList<JournalEntryDto>> Handle(JournalQuery query, CancellationToken cancellationToken)
        {
            await access.VisibleCaseAsync(query.CaseId, cancellationToken);
            return await db.CaseJournal.AsNoTracking()
                .Where(j => j.CaseId == query.CaseId)
                .OrderBy(j => j.Sequence)
                .Select(j => new JournalEntryDto(j.Sequence, j.Kind.ToString(), j.At, j.Actor, j.Trigger, j.FromState, j.ToState, j.Detail))
                .ToListAsync(cancellationToken);
        }

        public async ValueTask<IReadOnlyList<AuditEntryDto>> Handle(AuditQuery query, CancellationToken cancellationToken)
        {
            await access.VisibleCaseAsync(query.CaseId, cancellationToken);
            return await db.AuditTrail.AsNoTracking()
                .Where(a => a.CaseId == query.CaseId)
                .OrderBy(a => a.Id)
                .Select(a => new AuditEntryDto(a.Id, a.At, a.Actor, a.EntityType, a.EntityId, a.Action, a.Changes))
                .ToListAsync(cancellationToken);
        }
    }
}

using Mediator;
using Microsoft.EntityFrameworkCore;
using RegioFlow.Auth;
using RegioFlow.Data;
using RegioFlow.Domain;
using RegioFlow.Features.Applications;
using RegioFlow.Workflows;

namespace RegioFlow.Features.Checklists;

/// <summary>
/// The assessor's inbox: applications in toetsing at the caller's tables, with their own assessment status, the
/// submitted count against the quorum and the toetsing deadline (the reminder to the assessors), soonest first.
/// </summary>
public static class ListMyAssessments
{
    public sealed record Query : IQuery<IReadOnlyList<MyAssessmentDto>>;

    /// <param name="Status">The caller's own assessment: niet begonnen, concept or ingediend.</param>
    /// <param name="Deadline">When the assessments are due (the reminder of the toetsing state to the assessors).</param>
    /// <param name="IsChair">The caller chairs this table: they give the advice once the quorum is reached.</param>
    public sealed record MyAssessmentDto(
        Guid ApplicationId,
        Guid CaseId,
        string Title,
        string SchemeName,
        string Table,
        string Status,
        int Submitted,
        int Quorum,
        DateTimeOffset? Deadline,
        bool IsChair);

    internal sealed class Handler(RegioFlowDbContext db, ApplicationAccess access, CurrentUser user) : IQueryHandler<Query, IReadOnlyList<MyAssessmentDto>>
    {
        public async ValueTask<IReadOnlyList<MyAssessmentDto>> Handle(Query query, CancellationToken cancellationToken)
        {
            var subject = user.SubjectId ?? "";
            var memberships = await db.BodyMembers.AsNoTracking().Where(m => m.UserExternalId == subject)
                .Select(m => new { m.BodyId, m.Role }).ToListAsync(cancellationToken);
            var bodyIds = memberships.Select(m => m.BodyId).ToList();
            var rows = await access.Visible()
                .Join(db.Schemes.Where(s => s.AssessingBodyId != null && bodyIds.Contains(s.AssessingBodyId.Value)), a => a.SchemeId, s => s.Id, (a, s) => new { a, s })
                .Join(db.Cases.Where(c => c.State == ChecklistRules.AssessingState), x => x.a.CaseId, c => c.Id, (x, c) => new { x.a, x.s, c })
                .Join(db.Initiatives, x => x.a.InitiativeId, i => i.Id, (x, i) => new
                {
                    ApplicationId = x.a.Id,
                    CaseId = x.c.Id,
                    x.c.StateEntry,
                    i.Title,
                    SchemeName = x.s.Name,
                    BodyId = x.s.AssessingBodyId!.Value,
                    x.s.Quorum,
                })
                .Take(500)
                .ToListAsync(cancellationToken);
            var applicationIds = rows.Select(r => r.ApplicationId).ToList();
            var caseIds = rows.Select(r => r.CaseId).ToList();
            var assessments = await db.Assessments.AsNoTracking().Where(a => applicationIds.Contains(a.ApplicationId))
                .Select(a => new { a.ApplicationId, a.AssessorId, a.Status }).ToListAsync(cancellationToken);
            var deadlines = await db.CaseDeadlines.AsNoTracking()
                .Where(d => caseIds.Contains(d.CaseId) && d.State == ChecklistRules.AssessingState && d.RecipientRole == CaseRoles.Adviseur
                    && (d.Status == DeadlineStatus.Planned || d.Status == DeadlineStatus.Paused))
                .Select(d => new { d.CaseId, d.StateEntry, d.DueAt }).ToListAsync(cancellationToken);
            var tables = await db.Bodies.AsNoTracking().Where(b => bodyIds.Contains(b.Id)).ToDictionaryAsync(b => b.Id, b => b.Name, cancellationToken);
            return [.. rows.Select(r => new MyAssessmentDto(
                    r.ApplicationId,
                    r.CaseId,
                    r.Title,
                    r.SchemeName,
                    tables.GetValueOrDefault(r.BodyId, ""),
                    ChecklistRules.Label(assessments.SingleOrDefault(a => a.ApplicationId == r.ApplicationId && a.AssessorId == subject)?.Status),
                    assessments.Count(a => a.ApplicationId == r.ApplicationId && a.Status == AssessmentStatus.Ingediend),
                    r.Quorum,
                    deadlines.Where(d => d.CaseId == r.CaseId && d.StateEntry == r.StateEntry).Select(d => (DateTimeOffset?)d.DueAt).Min(),
                    memberships.Any(m => m.BodyId == r.BodyId && m.Role == BodyRole.Voorzitter)))
                .OrderBy(r => r.Deadline ?? DateTimeOffset.MaxValue).ThenBy(r => r.Title, StringComparer.Ordinal)];
        }
    }
}

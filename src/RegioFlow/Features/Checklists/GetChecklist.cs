using Mediator;
using Microsoft.EntityFrameworkCore;
using RegioFlow.Auth;
using RegioFlow.Data;
using RegioFlow.Domain;
using RegioFlow.Features.Applications;
using RegioFlow.Features.Initiatives;
using RegioFlow.Workflows;

namespace RegioFlow.Features.Checklists;

/// <summary>
/// The toetsingskader of an application: the scheme's checklist, the caller's own assessment, the submitted count
/// against the quorum, the advice once given, what the caller may do now, and for TK-06 the similar initiatives.
/// The chair, the fund administrator, the decision body, oversight and administrators see every assessor's answers
/// side by side; a plain member sees only their own until the advice is given, so members judge independently.
/// </summary>
public static class GetChecklist
{
    /// <summary>The question that asks for comparable projects; it gets the similarity ranking.</summary>
    public const string SimilarProjectsItem = "TK-06";

    public sealed record Query(Guid ApplicationId) : IQuery<ChecklistView>;

    internal sealed class Handler(RegioFlowDbContext db, ApplicationAccess access, InitiativeAccess initiatives, WorkflowRegistry registry, CurrentUser user)
        : IQueryHandler<Query, ChecklistView>
    {
        private static readonly string[] SeeAllRoles = [CaseRoles.Voorzitter, CaseRoles.Behandelaar, CaseRoles.Beslisser, CaseRoles.Beheerder];

        public async ValueTask<ChecklistView> Handle(Query query, CancellationToken cancellationToken)
        {
            var (application, @case, actor) = await access.ActorAsync(query.ApplicationId, cancellationToken);
            var scheme = await db.Schemes.AsNoTracking().SingleAsync(s => s.Id == application.SchemeId, cancellationToken);
            var assessments = await db.Assessments.AsNoTracking().Where(a => a.ApplicationId == application.Id).ToListAsync(cancellationToken);
            var own = assessments.SingleOrDefault(a => a.AssessorId == actor.Name);
            var checklist = await ChecklistRules.LoadAsync(db, own?.ChecklistId ?? scheme.ChecklistId, own?.ChecklistVersion ?? scheme.ChecklistVersion, cancellationToken);
            var stateLabel = registry.Get(@case.DefinitionId, @case.DefinitionVersion).State(@case.State).Label;
            var submitted = assessments.Count(a => a.Status == AssessmentStatus.Ingediend);
            var cannotAnswer = ChecklistRules.CannotAnswer(@case, stateLabel, actor, own);
            var cannotAdvise = ChecklistRules.CannotAdvise(@case, stateLabel, actor, submitted, scheme.Quorum);

            // Administrators hold the case role beheerder; oversight reads without a case role.
            var seesAll = SeeAllRoles.Any(actor.Roles.Contains) || user.IsInRole(Role.Oversight)
                || (application.Advice is not null && actor.Roles.Contains(CaseRoles.Adviseur));
            var members = scheme.AssessingBodyId is { } bodyId
                ? await db.BodyMembers.AsNoTracking().Where(m => m.BodyId == bodyId).Select(m => m.UserExternalId).ToListAsync(cancellationToken)
                : [];
            var people = assessments.Select(a => a.AssessorId).Concat(members).Append(application.AdvisedBy ?? "").Distinct().ToList();
            var names = await db.Users.AsNoTracking().Where(u => people.Contains(u.ExternalId)).ToDictionaryAsync(u => u.ExternalId, u => u.DisplayName, cancellationToken);
            string Name(string subject) => names.GetValueOrDefault(subject, subject);

            IReadOnlyList<AssessorAssessmentDto>? all = null;
            if (seesAll)
            {
                // Every member of the table is assigned; those who have not started are listed too, so the chair sees who is missing.
                all = [.. assessments.Select(a => new AssessorAssessmentDto(a.AssessorId, Name(a.AssessorId), ChecklistRules.Label(a.Status), a.SubmittedAt, a.Answers))
                    .Concat(members.Where(m => assessments.All(a => a.AssessorId != m)).Select(m => new AssessorAssessmentDto(m, Name(m), ChecklistRules.Label(null), null, [])))
                    .OrderBy(a => a.AssessorName, StringComparer.Ordinal)];
            }

            var similar = checklist.Items.Any(i => i.Code == SimilarProjectsItem)
                ? await initiatives.SimilarAsync(await db.Initiatives.AsNoTracking().SingleAsync(i => i.Id == application.InitiativeId, cancellationToken), cancellationToken)
                : null;
            var items = checklist.Items.Select(i => new ChecklistItemDto(i.Code, i.Text, i.TextEn, i.Mandatory, i.Kind, i.Code == SimilarProjectsItem ? similar : null)).ToList();
            var advice = application is { Advice: { } given, AdvisedAt: { } at }
                ? new AdviceDto(given, application.AdviceMotivation ?? "", application.AdvisedBy ?? "", Name(application.AdvisedBy ?? ""), at)
                : null;
            return new ChecklistView(application.Id, @case.Id, @case.Version, @case.State, stateLabel,
                new ChecklistDto(checklist.Id, checklist.Version, checklist.Name, checklist.Owner, items),
                actor.Roles.Contains(CaseRoles.Adviseur) || own is not null ? AssessmentDto.From(own) : null,
                submitted, scheme.Quorum, advice,
                cannotAnswer is null, cannotAnswer?.Message, cannotAdvise is null, cannotAdvise?.Message, all);
        }
    }
}

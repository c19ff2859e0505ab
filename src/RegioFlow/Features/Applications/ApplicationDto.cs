using Microsoft.EntityFrameworkCore;
using RegioFlow.Data;
using RegioFlow.Domain;
using RegioFlow.Workflows;

namespace RegioFlow.Features.Applications;

/// <param name="State">The case state (workflow), with its Dutch label.</param>
/// <param name="NextDeadline">The first open deadline of the case, if any.</param>
public sealed record ApplicationDto(
    Guid Id,
    Guid CaseId,
    long CaseVersion,
    Guid SchemeId,
    string SchemeName,
    Guid OrganisationId,
    string State,
    string StateLabel,
    decimal RequestedAmount,
    decimal? GrantedAmount,
    decimal? SettledAmount,
    string? Conditions,
    string? DecisionMotivation,
    DateTimeOffset? SubmittedAt,
    DateTimeOffset? NextDeadline,
    InitiativeInput Initiative);

internal static class ApplicationDtoBuilder
{
    public static async Task<IReadOnlyList<ApplicationDto>> BuildAsync(RegioFlowDbContext db, WorkflowRegistry registry, IReadOnlyList<FundingApplication> applications, CancellationToken cancellationToken)
    {
        var caseIds = applications.Select(a => a.CaseId).ToList();
        var initiativeIds = applications.Select(a => a.InitiativeId).ToList();
        var schemeIds = applications.Select(a => a.SchemeId).Distinct().ToList();
        var cases = await db.Cases.AsNoTracking().Where(c => caseIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, cancellationToken);
        var initiatives = await db.Initiatives.AsNoTracking().Where(i => initiativeIds.Contains(i.Id)).ToDictionaryAsync(i => i.Id, cancellationToken);
        var schemes = await db.Schemes.AsNoTracking().Where(s => schemeIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Name, cancellationToken);
        var deadlines = (await db.CaseDeadlines.AsNoTracking()
                .Where(d => caseIds.Contains(d.CaseId) && (d.Status == DeadlineStatus.Planned || d.Status == DeadlineStatus.Paused))
                .Select(d => new { d.CaseId, d.DueAt }).ToListAsync(cancellationToken))
            .GroupBy(d => d.CaseId).ToDictionary(g => g.Key, g => g.Min(d => d.DueAt));
        return [.. applications.Select(a =>
        {
            var @case = cases[a.CaseId];
            var label = registry.Get(@case.DefinitionId, @case.DefinitionVersion).State(@case.State).Label;
            return new ApplicationDto(a.Id, a.CaseId, @case.Version, a.SchemeId, schemes[a.SchemeId], a.OrganisationId, @case.State, label,
                a.RequestedAmount, a.GrantedAmount, a.SettledAmount, a.Conditions, a.DecisionMotivation, a.SubmittedAt,
                deadlines.TryGetValue(a.CaseId, out var due) ? due : null, InitiativeInput.From(initiatives[a.InitiativeId]));
        })];
    }
}

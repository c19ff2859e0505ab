using Microsoft.EntityFrameworkCore;
using RegioFlow.Data;
using RegioFlow.Domain;
using RegioFlow.Workflows;

namespace RegioFlow.Features.Cases;

public sealed record CaseDto(
    Guid Id,
    string DefinitionId,
    int DefinitionVersion,
    string SubjectType,
    string SubjectId,
    CaseStateDto State,
    CaseClocksDto Clocks,
    bool Closed,
    long Version,
    IReadOnlyList<CaseDeadlineDto> OpenDeadlines,
    IReadOnlyList<PermittedTrigger> Triggers);

public sealed record CaseStateDto(string Id, string Label, int? Volgnummer, DateTimeOffset EnteredAt);

/// <param name="LegalDeadline">Uiterlijke einddatum afdoening (Algemene termijnenwet applied).</param>
/// <param name="ServiceDeadline">Einddatum gepland.</param>
public sealed record CaseClocksDto(DateOnly StartDate, DateOnly LegalDeadline, DateOnly? ServiceDeadline, bool Suspended, string? SuspensionReason, int SuspendedDays, string? Extension, string? ExtensionReason);

public sealed record CaseDeadlineDto(Guid Id, string TimerId, string Kind, string Status, DateTimeOffset DueAt, string? Trigger, string? Notification, string? RecipientRole);

internal static class CaseDtoBuilder
{
    public static async Task<CaseDto> BuildAsync(RegioFlowDbContext db, WorkflowRegistry registry, CaseService cases, Case @case, CaseActor actor, CancellationToken cancellationToken)
    {
        var definition = registry.Get(@case.DefinitionId, @case.DefinitionVersion);
        var state = definition.State(@case.State);
        var clocks = @case.Clocks(definition);
        var deadlines = await db.CaseDeadlines.AsNoTracking()
            .Where(d => d.CaseId == @case.Id && (d.Status == DeadlineStatus.Planned || d.Status == DeadlineStatus.Paused))
            .OrderBy(d => d.DueAt)
            .Select(d => new CaseDeadlineDto(d.Id, d.TimerId, d.Kind.ToString(), d.Status.ToString(), d.DueAt, d.Trigger, d.Notification, d.RecipientRole))
            .ToListAsync(cancellationToken);
        return new CaseDto(
            @case.Id, @case.DefinitionId, @case.DefinitionVersion, @case.SubjectType, @case.SubjectId,
            new CaseStateDto(state.Id, state.Label, state.StatusType?.Volgnummer, @case.StateEnteredAt),
            new CaseClocksDto(@case.StartDate, clocks.LegalDeadline, clocks.ServiceDeadline, @case.IsSuspended, @case.SuspensionReason, @case.SuspendedDays, @case.Extension, @case.ExtensionReason),
            @case.IsClosed, @case.Version, deadlines, cases.PermittedTriggers(@case, actor));
    }
}

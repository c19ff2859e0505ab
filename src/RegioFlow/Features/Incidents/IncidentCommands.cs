using Hangfire;
using Mediator;
using Microsoft.EntityFrameworkCore;
using RegioFlow.Auth;
using RegioFlow.Common;
using RegioFlow.Data;
using RegioFlow.Domain;
using RegioFlow.Jobs;

namespace RegioFlow.Features.Incidents;

/// <summary>Failed jobs after all retries, for administrators: list them and try again.</summary>
public static class IncidentCommands
{
    public sealed record ListQuery(bool OnlyOpen = true) : IQuery<IReadOnlyList<IncidentDto>>;

    public sealed record RetryCommand(Guid Id) : ICommand<IncidentDto>;

    public sealed record IncidentDto(Guid Id, Guid? CaseId, Guid? DeadlineId, string? JobId, string Job, string Error, DateTimeOffset OccurredAt, DateTimeOffset? RetriedAt, string? RetriedBy);

    internal sealed class Handler(RegioFlowDbContext db, IBackgroundJobClient jobs, CurrentUser user, TimeProvider clock)
        : IQueryHandler<ListQuery, IReadOnlyList<IncidentDto>>, ICommandHandler<RetryCommand, IncidentDto>
    {
        public async ValueTask<IReadOnlyList<IncidentDto>> Handle(ListQuery query, CancellationToken cancellationToken) =>
            await db.Incidents.AsNoTracking()
                .Where(i => !query.OnlyOpen || i.RetriedAt == null)
                .OrderByDescending(i => i.OccurredAt)
                .Take(500)
                .Select(i => new IncidentDto(i.Id, i.CaseId, i.DeadlineId, i.JobId, i.Job, i.Error, i.OccurredAt, i.RetriedAt, i.RetriedBy))
                .ToListAsync(cancellationToken);

        public async ValueTask<IncidentDto> Handle(RetryCommand command, CancellationToken cancellationToken)
        {
            var incident = await db.Incidents.SingleOrDefaultAsync(i => i.Id == command.Id, cancellationToken)
                ?? throw new NotFoundException($"Er is geen incident met id {command.Id}.");
            if (!incident.IsOpen)
            {
                throw new ConflictException($"Dit incident is al opnieuw geprobeerd op {incident.RetriedAt:dd-MM-yyyy HH:mm} door {incident.RetriedBy}.");
            }

            var deadline = incident.DeadlineId is { } deadlineId
                ? await db.CaseDeadlines.SingleOrDefaultAsync(d => d.Id == deadlineId, cancellationToken)
                : null;
            if (deadline is null || deadline.Status != DeadlineStatus.Planned)
            {
                throw new ConflictException("De termijn van dit incident staat niet meer gepland (al afgevuurd of vervallen); opnieuw proberen is niet nodig.");
            }

            var now = clock.GetUtcNow();
            incident.Retried(user.SubjectId ?? AuditActor.System, now);
            deadline.Scheduled(DeadlineScheduler.Schedule(jobs, deadline, now));
            await db.SaveChangesAsync(cancellationToken);
            return new IncidentDto(incident.Id, incident.CaseId, incident.DeadlineId, incident.JobId, incident.Job, incident.Error, incident.OccurredAt, incident.RetriedAt, incident.RetriedBy);
        }
    }
}

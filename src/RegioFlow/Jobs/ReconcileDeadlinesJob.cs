using Hangfire;
using Hangfire.States;
using Hangfire.Storage;
using Microsoft.EntityFrameworkCore;
using RegioFlow.Data;
using RegioFlow.Domain;

namespace RegioFlow.Jobs;

/// <summary>
/// Every minute: each planned deadline due within <see cref="Horizon"/> whose Hangfire job is missing (never scheduled,
/// lost with in-memory storage on a restart, deleted, or finished without firing) is scheduled again. Far-future rows
/// are left until they come near, so one pass stays small however many deadlines are planned; pages keep memory flat.
/// </summary>
public sealed class ReconcileDeadlinesJob(RegioFlowDbContext db, JobStorage storage, IBackgroundJobClient jobs, AuditActor actor, TimeProvider clock, ILogger<ReconcileDeadlinesJob> logger)
{
    public const string RecurringId = "reconcile-deadlines";
    public const int PageSize = 500;
    public static readonly TimeSpan Horizon = TimeSpan.FromMinutes(2);

    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    [AutomaticRetry(Attempts = 0)]
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        actor.Override = AuditActor.System;
        var now = clock.GetUtcNow();
        var until = now + Horizon;
        var rescheduled = 0;
        using var connection = storage.GetConnection();
        for (var page = 0; ; page++)
        {
            var due = await db.CaseDeadlines
                .Where(d => d.Status == DeadlineStatus.Planned && d.DueAt <= until)
                .OrderBy(d => d.DueAt).ThenBy(d => d.Id)
                .Skip(page * PageSize).Take(PageSize)
                .ToListAsync(cancellationToken);
            if (due.Count == 0)
            {
                break;
            }

            foreach (var deadline in due.Where(d => IsMissing(connection, d.JobId)))
            {
                deadline.Scheduled(DeadlineScheduler.Schedule(jobs, deadline, now));
                rescheduled++;
            }

            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }

        if (rescheduled > 0)
        {
            logger.LogInformation("Reconciler: {Count} deadline(s) opnieuw ingepland", rescheduled);
        }

        return rescheduled;
    }

    private static bool IsMissing(IStorageConnection connection, string? jobId)
    {
        if (jobId is null)
        {
            return true;
        }

        try
        {
            var state = connection.GetJobData(jobId)?.State;
            return state is null || state == DeletedState.StateName || state == SucceededState.StateName;
        }
        catch (FormatException)
        {
            // An id this storage cannot even read (e.g. from the in-memory storage before a move to PostgreSQL).
            return true;
        }
    }
}

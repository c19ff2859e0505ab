using Hangfire;
using Hangfire.Server;
using Microsoft.EntityFrameworkCore;
using RegioFlow.Data;
using RegioFlow.Domain;
using RegioFlow.Workflows;

namespace RegioFlow.Jobs;

/// <summary>
/// Fires one deadline through the same command path as a user (guards, journal, concurrency). Idempotent: a row that
/// is no longer planned is left alone, so a duplicate or late job does nothing. A conflict (another instance fired it
/// at the same moment) is retried, and the retry then finds the row fired. When the last retry fails too, the failure
/// becomes an incident on the case before Hangfire marks the job failed.
/// </summary>
public sealed class FireDeadlineJob(CaseService cases, AuditActor actor, IServiceScopeFactory scopes, TimeProvider clock)
{
    public const int Retries = 5;

    [AutomaticRetry(Attempts = Retries, DelaysInSeconds = [1, 2, 5, 15, 60])]
    public async Task RunAsync(Guid deadlineId, PerformContext? context, CancellationToken cancellationToken)
    {
        actor.Override = AuditActor.System;
        try
        {
            await cases.FireDeadlineAsync(deadlineId, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException && IsLastAttempt(context))
        {
            await RecordIncidentAsync(deadlineId, context?.BackgroundJob.Id, exception, cancellationToken);
            throw;
        }
    }

    /// <summary>Hangfire counts retries in the job parameter "RetryCount"; the last attempt has used them all.</summary>
    internal static bool IsLastAttempt(PerformContext? context) =>
        context is not null && context.GetJobParameter<int>("RetryCount") >= Retries;

    private async Task RecordIncidentAsync(Guid deadlineId, string? jobId, Exception exception, CancellationToken cancellationToken)
    {
        // A fresh scope: the failed command may have left this one's DbContext half-changed.
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AuditActor>().Override = AuditActor.System;
        var db = scope.ServiceProvider.GetRequiredService<RegioFlowDbContext>();
        var now = clock.GetUtcNow();
        var deadline = await db.CaseDeadlines.AsNoTracking().SingleOrDefaultAsync(d => d.Id == deadlineId, cancellationToken);
        var @case = deadline is null ? null : await db.Cases.SingleOrDefaultAsync(c => c.Id == deadline.CaseId, cancellationToken);
        db.Incidents.Add(new CaseIncident(@case?.Id, deadlineId, jobId, nameof(FireDeadlineJob), exception.Message, now));
        if (@case is not null)
        {
            db.CaseJournal.Add(new CaseJournalEntry(@case, JournalKind.Incident, AuditActor.System, now, detail: $"{deadline!.TimerId}: {exception.Message}"));
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}

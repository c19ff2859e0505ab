using Hangfire;
using RegioFlow.Data;
using RegioFlow.Workflows;

namespace RegioFlow.Jobs;

/// <summary>
/// Fires one deadline through the same command path as a user (guards, journal, concurrency). Idempotent: a row that
/// is no longer planned is left alone, so a duplicate or late job does nothing. A conflict (another instance fired it
/// at the same moment) is retried, and the retry then finds the row fired.
/// </summary>
public sealed class FireDeadlineJob(CaseService cases, AuditActor actor)
{
    [AutomaticRetry(Attempts = 5, DelaysInSeconds = [1, 2, 5, 15, 60])]
    public async Task RunAsync(Guid deadlineId, CancellationToken cancellationToken)
    {
        actor.Override = AuditActor.System;
        await cases.FireDeadlineAsync(deadlineId, cancellationToken);
    }
}

using Hangfire;
using RegioFlow.Domain;

namespace RegioFlow.Jobs;

internal static class DeadlineScheduler
{
    /// <summary>Hands a planned deadline row to Hangfire: now when due, else at its due time. Returns the job id.</summary>
    public static string Schedule(IBackgroundJobClient jobs, CaseDeadline deadline, DateTimeOffset now)
    {
        var id = deadline.Id;
        return deadline.DueAt <= now
            ? jobs.Enqueue<FireDeadlineJob>(job => job.RunAsync(id, null, CancellationToken.None))
            : jobs.Schedule<FireDeadlineJob>(job => job.RunAsync(id, null, CancellationToken.None), deadline.DueAt);
    }
}

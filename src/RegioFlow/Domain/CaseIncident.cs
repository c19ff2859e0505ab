namespace RegioFlow.Domain;

/// <summary>A job that failed after all its retries. The workflow never skips a failure silently: an administrator sees it and retries.</summary>
public sealed class CaseIncident
{
    private CaseIncident()
    {
    }

    internal CaseIncident(Guid? caseId, Guid? deadlineId, string? jobId, string job, string error, DateTimeOffset occurredAt)
    {
        Id = Guid.CreateVersion7(occurredAt);
        CaseId = caseId;
        DeadlineId = deadlineId;
        JobId = jobId;
        Job = job;
        Error = error.Length > 2000 ? error[..2000] : error;
        OccurredAt = occurredAt;
    }

    public Guid Id { get; private set; }

    public Guid? CaseId { get; private set; }

    public Guid? DeadlineId { get; private set; }

    public string? JobId { get; private set; }

    public string Job { get; private set; } = "";

    public string Error { get; private set; } = "";

    public DateTimeOffset OccurredAt { get; private set; }

    public DateTimeOffset? RetriedAt { get; private set; }

    public string? RetriedBy { get; private set; }

    public bool IsOpen => RetriedAt is null;

    internal void Retried(string by, DateTimeOffset at)
    {
        RetriedAt = at;
        RetriedBy = by;
    }
}

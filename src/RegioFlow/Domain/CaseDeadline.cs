namespace RegioFlow.Domain;

public enum DeadlineKind
{
    Timeout,
    Reminder,
    Escalation,
}

public enum DeadlineStatus
{
    Planned,
    Fired,
    Cancelled,
    Paused,
}

/// <summary>
/// A timer of a case as a database row: the truth about what must happen when (ARCHITECTURE.md §4). Hangfire only
/// executes; a planned row whose job is missing is scheduled again by the reconciler.
/// </summary>
public sealed class CaseDeadline
{
    private CaseDeadline()
    {
    }

    internal CaseDeadline(Guid caseId, int stateEntry, string state, string timerId, DeadlineKind kind, DateTimeOffset dueAt,
        string? trigger, string? notification, string? recipientRole)
    {
        Id = Guid.CreateVersion7();
        CaseId = caseId;
        StateEntry = stateEntry;
        State = state;
        TimerId = timerId;
        Kind = kind;
        DueAt = dueAt;
        Trigger = trigger;
        Notification = notification;
        RecipientRole = recipientRole;
        Status = DeadlineStatus.Planned;
    }

    public Guid Id { get; private set; }

    public Guid CaseId { get; private set; }

    public int StateEntry { get; private set; }

    public string State { get; private set; } = "";

    public string TimerId { get; private set; } = "";

    public DeadlineKind Kind { get; private set; }

    public DateTimeOffset DueAt { get; private set; }

    public string? Trigger { get; private set; }

    public string? Notification { get; private set; }

    public string? RecipientRole { get; private set; }

    public DeadlineStatus Status { get; private set; }

    public TimeSpan? RemainingWhenPaused { get; private set; }

    /// <summary>The Hangfire job that will fire it; null until scheduled (or after a restart with in-memory storage).</summary>
    public string? JobId { get; private set; }

    public DateTimeOffset? FiredAt { get; private set; }

    public long Version { get; private set; }

    internal void Fire(DateTimeOffset now)
    {
        Status = DeadlineStatus.Fired;
        FiredAt = now;
        Version++;
    }

    internal void Cancel()
    {
        Status = DeadlineStatus.Cancelled;
        Version++;
    }

    internal void Pause(DateTimeOffset now)
    {
        RemainingWhenPaused = DueAt > now ? DueAt - now : TimeSpan.Zero;
        Status = DeadlineStatus.Paused;
        Version++;
    }

    internal void Resume(DateTimeOffset now)
    {
        DueAt = now + (RemainingWhenPaused ?? TimeSpan.Zero);
        RemainingWhenPaused = null;
        Status = DeadlineStatus.Planned;
        JobId = null;
        Version++;
    }

    internal void Scheduled(string jobId)
    {
        JobId = jobId;
        Version++;
    }
}

namespace RegioFlow.Domain;

public enum JournalKind
{
    CaseStarted,
    TriggerFired,
    StateEntered,
    DeadlineScheduled,
    DeadlineFired,
    DeadlineCancelled,
    DeadlinePaused,
    DeadlineResumed,
    ReminderSent,
    Suspended,
    Resumed,
    Extended,
    Incident,
}

/// <summary>Append-only engine event of a case. (CaseId, Sequence) is unique, so two writers cannot both append entry N.</summary>
public sealed class CaseJournalEntry
{
    private CaseJournalEntry()
    {
    }

    internal CaseJournalEntry(Case @case, JournalKind kind, string actor, DateTimeOffset at, string? trigger = null, string? fromState = null, string? toState = null, string? detail = null)
    {
        CaseId = @case.Id;
        Sequence = @case.NextJournalSequence();
        Kind = kind;
        Actor = actor;
        At = at;
        Trigger = trigger;
        FromState = fromState;
        ToState = toState;
        Detail = detail;
    }

    public long Id { get; private set; }

    public Guid CaseId { get; private set; }

    public int Sequence { get; private set; }

    public JournalKind Kind { get; private set; }

    public DateTimeOffset At { get; private set; }

    public string Actor { get; private set; } = "";

    public string? Trigger { get; private set; }

    public string? FromState { get; private set; }

    public string? ToState { get; private set; }

    public string? Detail { get; private set; }
}

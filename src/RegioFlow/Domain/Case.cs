using RegioFlow.Workflows;

namespace RegioFlow.Domain;

/// <summary>
/// A case (zaak): one subject (an application, a voucher) driven by one workflow definition version. Its state changes
/// only through the workflow engine; every change bumps <see cref="Version"/>, the concurrency token that makes two
/// simultaneous commands end as one success and one 409.
/// </summary>
public sealed class Case
{
    private Case()
    {
    }

    internal Case(WorkflowDefinition definition, string subjectType, string subjectId, string? initiator, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7(now);
        DefinitionId = definition.Id;
        DefinitionVersion = definition.Version;
        SubjectType = subjectType;
        SubjectId = subjectId;
        Initiator = initiator;
        CreatedAt = now;
        StartDate = DutchCalendar.LocalDate(now);
        State = definition.InitialState;
        StateEnteredAt = now;
    }

    public Guid Id { get; private set; }

    public string DefinitionId { get; private set; } = "";

    public int DefinitionVersion { get; private set; }

    /// <summary>What the case is about, e.g. "funding-application" and its id.</summary>
    public string SubjectType { get; private set; } = "";

    public string SubjectId { get; private set; } = "";

    /// <summary>Sign-in subject of the person who started the case (the ZGW initiator role).</summary>
    public string? Initiator { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>Registration date in Europe/Amsterdam: the start of both clocks.</summary>
    public DateOnly StartDate { get; private set; }

    public string State { get; private set; } = "";

    /// <summary>Counts state entries; deadlines belong to one entry, so a later visit to the same state starts fresh.</summary>
    public int StateEntry { get; private set; }

    public DateTimeOffset StateEnteredAt { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }

    public int SuspendedDays { get; private set; }

    public DateTimeOffset? SuspendedSince { get; private set; }

    public string? SuspensionReason { get; private set; }

    /// <summary>True when the suspension was asked for (API), false when a state suspends the clocks by itself.</summary>
    public bool SuspendedManually { get; private set; }

    public string? Extension { get; private set; }

    public string? ExtensionReason { get; private set; }

    public int JournalCount { get; private set; }

    public long Version { get; private set; }

    public bool IsClosed => ClosedAt is not null;

    public bool IsSuspended => SuspendedSince is not null;

    public CaseClocks Clocks(WorkflowDefinition definition) => new(
        StartDate,
        definition.CaseType.Doorlooptijd,
        definition.CaseType.Servicenorm,
        SuspendedDays,
        Extension is null ? null : IsoDuration.Parse(Extension));

    internal void EnterState(string state, bool terminal, DateTimeOffset now)
    {
        State = state;
        StateEntry++;
        StateEnteredAt = now;
        if (terminal)
        {
            ClosedAt = now;
        }

        Version++;
    }

    internal void SuspendClocks(string reason, bool manually, DateTimeOffset now)
    {
        SuspendedSince = now;
        SuspensionReason = reason;
        SuspendedManually = manually;
        Version++;
    }

    /// <summary>Adds the calendar days suspended (Amsterdam dates) to both clocks.</summary>
    internal int ResumeClocks(DateTimeOffset now)
    {
        var days = SuspendedSince is { } since ? DutchCalendar.LocalDate(now).DayNumber - DutchCalendar.LocalDate(since).DayNumber : 0;
        SuspendedDays += days;
        SuspendedSince = null;
        SuspensionReason = null;
        SuspendedManually = false;
        Version++;
        return days;
    }

    internal void Extend(IsoDuration extension, string reason)
    {
        Extension = extension.ToString();
        ExtensionReason = reason;
        Version++;
    }

    internal int NextJournalSequence()
    {
        Version++;
        return ++JournalCount;
    }
}

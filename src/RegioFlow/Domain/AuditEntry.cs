namespace RegioFlow.Domain;

/// <summary>One data change (who, when, what, old → new), written by the SaveChanges interceptor; never edited.</summary>
public sealed class AuditEntry
{
    private AuditEntry()
    {
    }

    internal AuditEntry(DateTimeOffset at, string actor, string entityType, string entityId, string action, string changes, Guid? caseId)
    {
        At = at;
        Actor = actor;
        EntityType = entityType;
        EntityId = entityId;
        Action = action;
        Changes = changes;
        CaseId = caseId;
    }

    public long Id { get; private set; }

    public DateTimeOffset At { get; private set; }

    public string Actor { get; private set; } = "";

    public string EntityType { get; private set; } = "";

    public string EntityId { get; private set; } = "";

    /// <summary>Added, Modified or Deleted.</summary>
    public string Action { get; private set; } = "";

    /// <summary>JSON: { "Property": { "old": …, "new": … } }.</summary>
    public string Changes { get; private set; } = "";

    public Guid? CaseId { get; private set; }
}

/// <summary>The SHA-256 of a published definition file, stored on first load: a changed file refuses to start.</summary>
public sealed class WorkflowDefinitionRecord
{
    private WorkflowDefinitionRecord()
    {
    }

    public WorkflowDefinitionRecord(string definitionId, int version, string sha256, DateTimeOffset firstLoadedAt)
    {
        DefinitionId = definitionId;
        Version = version;
        Sha256 = sha256;
        FirstLoadedAt = firstLoadedAt;
    }

    public string DefinitionId { get; private set; } = "";

    public int Version { get; private set; }

    public string Sha256 { get; private set; } = "";

    public DateTimeOffset FirstLoadedAt { get; private set; }
}

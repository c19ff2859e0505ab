namespace RegioFlow.Domain;

public enum ChecklistItemKind
{
    /// <summary>A question of the toetsingskader (TK-01 …).</summary>
    Vraag,

    /// <summary>One of the dimensions every proposal is weighed on (uitvoerbaarheid, omvang, impact).</summary>
    Dimensie,
}

/// <summary>
/// A checklist (toetsingskader) as versioned data: a scheme names the id and version it assesses with. A published
/// version is never changed; a new year's speerpunten become a new version.
/// </summary>
public sealed class Checklist
{
    private Checklist()
    {
    }

    public Checklist(string id, int version, string name, string owner, IEnumerable<ChecklistItem> items, DateTimeOffset now)
    {
        Id = id;
        Version = version;
        Name = name;
        Owner = owner;
        Items = [.. items];
        CreatedAt = now;
    }

    public string Id { get; private set; } = "";

    public int Version { get; private set; }

    public string Name { get; private set; } = "";

    public string Owner { get; private set; } = "";

    public List<ChecklistItem> Items { get; private set; } = [];

    public DateTimeOffset CreatedAt { get; private set; }
}

/// <param name="Code">Stable code, e.g. TK-06; answers refer to it.</param>
/// <param name="Text">The question in Dutch, as the source gives it.</param>
/// <param name="TextEn">The English translation, where there is one.</param>
/// <param name="Mandatory">Whether an assessor must answer it before submitting.</param>
public sealed record ChecklistItem(string Code, string Text, string? TextEn, bool Mandatory, ChecklistItemKind Kind);

public enum AssessmentStatus
{
    /// <summary>Answers saved, not yet submitted.</summary>
    Concept,

    /// <summary>Submitted: counts for the quorum; the chair sees it.</summary>
    Ingediend,
}

/// <summary>One table member's answers to the checklist for one application (score 1–5 and a motivation per item).</summary>
public sealed class Assessment
{
    private Assessment()
    {
    }

    public Assessment(Guid applicationId, string assessorId, string checklistId, int checklistVersion, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7(now);
        ApplicationId = applicationId;
        AssessorId = assessorId;
        ChecklistId = checklistId;
        ChecklistVersion = checklistVersion;
        CreatedAt = now;
        UpdatedAt = now;
    }

    public Guid Id { get; private set; }

    public Guid ApplicationId { get; private set; }

    /// <summary>The member's sign-in subject (<see cref="UserAccount.ExternalId"/>).</summary>
    public string AssessorId { get; private set; } = "";

    public string ChecklistId { get; private set; } = "";

    public int ChecklistVersion { get; private set; }

    public List<ChecklistAnswer> Answers { get; private set; } = [];

    public AssessmentStatus Status { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public DateTimeOffset? SubmittedAt { get; private set; }

    public long Version { get; private set; }

    public void Answer(IEnumerable<ChecklistAnswer> answers, DateTimeOffset now)
    {
        Answers = [.. answers];
        UpdatedAt = now;
        Version++;
    }

    public void Submit(DateTimeOffset now)
    {
        Status = AssessmentStatus.Ingediend;
        SubmittedAt = now;
        UpdatedAt = now;
        Version++;
    }
}

/// <param name="Score">1 (poor) to 5 (excellent).</param>
public sealed record ChecklistAnswer(string ItemCode, int Score, string Motivation);

namespace RegioFlow.Domain;

/// <summary>
/// A document on an application (plan, budget, report, invoice). The bytes live in <see cref="DocumentContent"/> so a
/// list never loads them; the type is the one found in the content, not the one the name suggests.
/// </summary>
public sealed class ApplicationDocument
{
    private ApplicationDocument()
    {
    }

    public ApplicationDocument(Guid applicationId, string fileName, string contentType, long size, string sha256, string? description, string uploadedBy, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7(now);
        ApplicationId = applicationId;
        FileName = fileName;
        ContentType = contentType;
        Size = size;
        Sha256 = sha256;
        Description = description;
        UploadedBy = uploadedBy;
        UploadedAt = now;
    }

    public Guid Id { get; private set; }

    public Guid ApplicationId { get; private set; }

    public string FileName { get; private set; } = "";

    /// <summary>The media type detected from the content (e.g. application/pdf).</summary>
    public string ContentType { get; private set; } = "";

    public long Size { get; private set; }

    /// <summary>SHA-256 of the content, lower-case hex.</summary>
    public string Sha256 { get; private set; } = "";

    public string? Description { get; private set; }

    public string UploadedBy { get; private set; } = "";

    public DateTimeOffset UploadedAt { get; private set; }
}

public sealed class DocumentContent
{
    private DocumentContent()
    {
    }

    public DocumentContent(Guid documentId, byte[] bytes)
    {
        DocumentId = documentId;
        Bytes = bytes;
    }

    public Guid DocumentId { get; private set; }

    public byte[] Bytes { get; private set; } = [];
}

public enum ReportKind
{
    /// <summary>A progress report during the project (voortgangsrapportage).</summary>
    Voortgang,

    /// <summary>The final report with the real costs (eindverantwoording), the basis of the settlement.</summary>
    Eindverantwoording,
}

/// <summary>A report of the initiative lead: what was done, what was spent, and the KPI actuals so far.</summary>
public sealed class ProgressReport
{
    private ProgressReport()
    {
    }

    public ProgressReport(Guid applicationId, ReportKind kind, string summary, decimal spentToDate, IEnumerable<KpiActual> kpiActuals, bool late, string submittedBy, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7(now);
        ApplicationId = applicationId;
        Kind = kind;
        Summary = summary;
        SpentToDate = spentToDate;
        KpiActuals = [.. kpiActuals];
        Late = late;
        SubmittedBy = submittedBy;
        SubmittedAt = now;
    }

    public Guid Id { get; private set; }

    public Guid ApplicationId { get; private set; }

    public ReportKind Kind { get; private set; }

    public string Summary { get; private set; } = "";

    /// <summary>The project's costs so far (for the final report: the real total costs).</summary>
    public decimal SpentToDate { get; private set; }

    public List<KpiActual> KpiActuals { get; private set; } = [];

    /// <summary>Sent after its reminder had fallen due.</summary>
    public bool Late { get; private set; }

    public string SubmittedBy { get; private set; } = "";

    public DateTimeOffset SubmittedAt { get; private set; }
}

public sealed record KpiActual(string Indicator, decimal Actual);

/// <summary>What became of an initiative after the funding (DOMAIN.md "Borging"): the outcomes seen in the reports.</summary>
public enum BorgingOutcome
{
    OvergedragenAanLeden,
    Bijdragemodel,
    OnderdeelVanSchool,
    StructureleFinanciering,
    Vervolgaanvraag,
    OpgegaanInAnderVerband,
    Gestopt,
    Onduidelijk,
}

public static class BorgingOutcomes
{
    /// <summary>Whether the outcome makes the initiative structural (geborgd): carried on by others or by regular money, not a new project or a stop.</summary>
    public static bool IsEmbedded(this BorgingOutcome outcome) => outcome is BorgingOutcome.OvergedragenAanLeden or BorgingOutcome.Bijdragemodel
        or BorgingOutcome.OnderdeelVanSchool or BorgingOutcome.StructureleFinanciering or BorgingOutcome.OpgegaanInAnderVerband;
}

/// <summary>A borging follow-up check, 6 or 12 months after the settlement, recorded by the fund administrator.</summary>
public sealed class BorgingCheck
{
    private BorgingCheck()
    {
    }

    public BorgingCheck(Guid applicationId, int months, BorgingOutcome outcome, string notes, string recordedBy, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7(now);
        ApplicationId = applicationId;
        Months = months;
        Outcome = outcome;
        Notes = notes;
        RecordedBy = recordedBy;
        RecordedAt = now;
    }

    public Guid Id { get; private set; }

    public Guid ApplicationId { get; private set; }

    /// <summary>6 or 12.</summary>
    public int Months { get; private set; }

    public BorgingOutcome Outcome { get; private set; }

    public string Notes { get; private set; } = "";

    public string RecordedBy { get; private set; } = "";

    public DateTimeOffset RecordedAt { get; private set; }
}

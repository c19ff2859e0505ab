namespace RegioFlow.Domain;

/// <summary>
/// A subsidy application of an initiative under a scheme. Its progress is the case (<see cref="CaseId"/>): the
/// workflow engine owns the state; this entity holds the amounts and texts that the steps record.
/// </summary>
public sealed class FundingApplication
{
    public const string SubjectType = "funding-application";

    private FundingApplication()
    {
    }

    public FundingApplication(Guid schemeId, Guid initiativeId, Guid organisationId, string createdBy, decimal requestedAmount, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7(now);
        SchemeId = schemeId;
        InitiativeId = initiativeId;
        OrganisationId = organisationId;
        CreatedBy = createdBy;
        RequestedAmount = requestedAmount;
        CreatedAt = now;
        UpdatedAt = now;
    }

    public Guid Id { get; private set; }

    public Guid SchemeId { get; private set; }

    public Guid InitiativeId { get; private set; }

    /// <summary>The applicant organisation: its initiative leads see and act on the application.</summary>
    public Guid OrganisationId { get; private set; }

    public string CreatedBy { get; private set; } = "";

    public Guid CaseId { get; private set; }

    public decimal RequestedAmount { get; private set; }

    public decimal? GrantedAmount { get; private set; }

    public decimal? SettledAmount { get; private set; }

    public string? Conditions { get; private set; }

    public string? DecisionMotivation { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public DateTimeOffset? SubmittedAt { get; private set; }

    public DateTimeOffset? DecidedAt { get; private set; }

    /// <summary>The table's advice: positief, negatief or aanhouden.</summary>
    public string? Advice { get; private set; }

    public string? AdviceMotivation { get; private set; }

    public string? AdvisedBy { get; private set; }

    public DateTimeOffset? AdvisedAt { get; private set; }

    public string? SettlementMotivation { get; private set; }

    public DateTimeOffset? SettledAt { get; private set; }

    internal void AttachCase(Guid caseId) => CaseId = caseId;

    public void UpdateDraft(decimal requestedAmount, DateTimeOffset now)
    {
        RequestedAmount = requestedAmount;
        UpdatedAt = now;
    }

    public void Submitted(DateTimeOffset now)
    {
        SubmittedAt = now;
        UpdatedAt = now;
    }

    public void Granted(decimal amount, string? conditions, DateTimeOffset now)
    {
        GrantedAmount = amount;
        Conditions = conditions;
        DecidedAt = now;
        UpdatedAt = now;
    }

    public void Rejected(string motivation, DateTimeOffset now)
    {
        DecisionMotivation = motivation;
        DecidedAt = now;
        UpdatedAt = now;
    }

    public void Advised(string advice, string motivation, string chair, DateTimeOffset now)
    {
        Advice = advice;
        AdviceMotivation = motivation;
        AdvisedBy = chair;
        AdvisedAt = now;
        UpdatedAt = now;
    }

    public void Settled(decimal amount, string? motivation, DateTimeOffset now)
    {
        SettledAmount = amount;
        SettlementMotivation = motivation;
        SettledAt = now;
        UpdatedAt = now;
    }
}

public enum PaymentKind
{
    Voorschot,
    Tranche,
    Eindbetaling,
    Terugvordering,
}

public enum PaymentStatus
{
    Gepland,
    Goedgekeurd,
    Betaald,
}

/// <summary>A payment to (or, for a reclaim, from) the applicant: planned → approved → paid with date and reference.</summary>
public sealed class Payment
{
    private Payment()
    {
    }

    public Payment(Guid applicationId, Guid schemeId, PaymentKind kind, decimal amount, DateOnly plannedOn, DateTimeOffset now, string? description = null, string? requestedBy = null)
    {
        Description = description;
        RequestedBy = requestedBy;
        Id = Guid.CreateVersion7(now);
        ApplicationId = applicationId;
        SchemeId = schemeId;
        Kind = kind;
        Amount = amount;
        PlannedOn = plannedOn;
        CreatedAt = now;
    }

    public Guid Id { get; private set; }

    public Guid ApplicationId { get; private set; }

    public Guid SchemeId { get; private set; }

    public PaymentKind Kind { get; private set; }

    /// <summary>Always positive; <see cref="PaymentKind.Terugvordering"/> is money coming back.</summary>
    public decimal Amount { get; private set; }

    public PaymentStatus Status { get; private set; }

    public DateOnly PlannedOn { get; private set; }

    public DateOnly? PaidOn { get; private set; }

    public string? Reference { get; private set; }

    /// <summary>What the payment is for, e.g. "Tranche 1" or "Terugvordering na vaststelling".</summary>
    public string? Description { get; private set; }

    /// <summary>The initiative lead who asked for it (a tranche payout request); null when the fund planned it.</summary>
    public string? RequestedBy { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public long Version { get; private set; }

    /// <summary>Paid money counts for the scheme; a reclaim counts negative.</summary>
    public decimal SignedAmount => Kind == PaymentKind.Terugvordering ? -Amount : Amount;

    public void Approve()
    {
        Status = PaymentStatus.Goedgekeurd;
        Version++;
    }

    public void MarkPaid(DateOnly paidOn, string reference)
    {
        Status = PaymentStatus.Betaald;
        PaidOn = paidOn;
        Reference = reference;
        Version++;
    }
}

namespace RegioFlow.Domain;

public enum SchemeKind
{
    Subsidie,
    Voucher,
}

/// <summary>
/// A scheme (regeling): its own conditions, window and budget (DOMAIN.md "Funding instruments"). The budget figures
/// change only through <see cref="Data.BudgetLedger"/>, whose single conditional UPDATE keeps
/// <see cref="Committed"/> within <see cref="BudgetCeiling"/> even for two decisions at the same moment.
/// </summary>
public sealed class Scheme
{
    private Scheme()
    {
    }

    public Scheme(string name, SchemeKind kind, string funder, int? regionId, Guid fundOrganisationId, SchemeTerms terms, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7(now);
        Name = name;
        Kind = kind;
        Funder = funder;
        RegionId = regionId;
        FundOrganisationId = fundOrganisationId;
        CreatedAt = now;
        Apply(terms);
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; } = "";

    public SchemeKind Kind { get; private set; }

    /// <summary>Who pays, e.g. "Rijk (Regio Deal), zes ministeries".</summary>
    public string Funder { get; private set; } = "";

    public int? RegionId { get; private set; }

    /// <summary>The organisation whose fund administrators manage this scheme.</summary>
    public Guid FundOrganisationId { get; private set; }

    public decimal BudgetCeiling { get; private set; }

    public DateOnly BudgetPeriodStart { get; private set; }

    public DateOnly BudgetPeriodEnd { get; private set; }

    public DateOnly WindowOpens { get; private set; }

    public DateOnly WindowCloses { get; private set; }

    public decimal MaxAmount { get; private set; }

    /// <summary>Minimum share of the initiative's budget that must come from other sources (percent).</summary>
    public int MinCoFinancingPercent { get; private set; }

    public bool InKindAllowed { get; private set; }

    public int AdvancePercent { get; private set; }

    public int Tranches { get; private set; }

    public int ProgressReportMonths { get; private set; }

    public int FinalReportWeeks { get; private set; }

    public string ChecklistId { get; private set; } = "";

    public int ChecklistVersion { get; private set; }

    /// <summary>How many assessors must have answered before the chair may advise.</summary>
    public int Quorum { get; private set; }

    public Guid? AssessingBodyId { get; private set; }

    public Guid? DecisionBodyId { get; private set; }

    public string WorkflowId { get; private set; } = "";

    /// <summary>Granted and not yet released (settled below the grant or reclaimed).</summary>
    public decimal Committed { get; private set; }

    public decimal Paid { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>The voucher rules; only for a scheme of kind <see cref="SchemeKind.Voucher"/>.</summary>
    public VoucherTerms? VoucherTerms { get; private set; }

    public decimal Remaining => BudgetCeiling - Committed;

    public void SetVoucherTerms(VoucherTerms? terms) => VoucherTerms = terms;

    public bool IsOpenOn(DateOnly date) => WindowOpens <= date && date <= WindowCloses;

    public void Apply(SchemeTerms terms)
    {
        BudgetCeiling = terms.BudgetCeiling;
        BudgetPeriodStart = terms.BudgetPeriodStart;
        BudgetPeriodEnd = terms.BudgetPeriodEnd;
        WindowOpens = terms.WindowOpens;
        WindowCloses = terms.WindowCloses;
        MaxAmount = terms.MaxAmount;
        MinCoFinancingPercent = terms.MinCoFinancingPercent;
        InKindAllowed = terms.InKindAllowed;
        AdvancePercent = terms.AdvancePercent;
        Tranches = terms.Tranches;
        ProgressReportMonths = terms.ProgressReportMonths;
        FinalReportWeeks = terms.FinalReportWeeks;
        ChecklistId = terms.ChecklistId ?? "";
        ChecklistVersion = terms.ChecklistVersion;
        Quorum = terms.Quorum;
        AssessingBodyId = terms.AssessingBodyId;
        DecisionBodyId = terms.DecisionBodyId;
        WorkflowId = terms.WorkflowId;
    }
}

/// <summary>The conditions of a scheme, as a fund administrator sets them.</summary>
public sealed record SchemeTerms(
    decimal BudgetCeiling,
    DateOnly BudgetPeriodStart,
    DateOnly BudgetPeriodEnd,
    DateOnly WindowOpens,
    DateOnly WindowCloses,
    decimal MaxAmount,
    int MinCoFinancingPercent,
    bool InKindAllowed,
    int AdvancePercent,
    int Tranches,
    int ProgressReportMonths,
    int FinalReportWeeks,
    string ChecklistId,
    int ChecklistVersion,
    int Quorum,
    Guid? AssessingBodyId,
    Guid? DecisionBodyId,
    string WorkflowId);

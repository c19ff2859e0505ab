namespace RegioFlow.Domain;

/// <summary>
/// An initiative: what a region funds. Its partners, budget, funding from other sources and KPIs are value lists
/// stored with it; the borging plan (who carries it on after the funding) is required before an application is
/// submitted, because initiatives that stop when the project money stops are the reports' loudest complaint.
/// </summary>
public sealed class Initiative
{
    private Initiative()
    {
    }

    public Initiative(Guid organisationId, InitiativeContent content, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7(now);
        OrganisationId = organisationId;
        CreatedAt = now;
        Update(content);
    }

    public Guid Id { get; private set; }

    /// <summary>The lead organisation (the applicant).</summary>
    public Guid OrganisationId { get; private set; }

    public string Title { get; private set; } = "";

    public string Problem { get; private set; } = "";

    public string Goals { get; private set; } = "";

    public List<string> TargetGroups { get; private set; } = [];

    public List<string> Sectors { get; private set; } = [];

    public int? RegionId { get; private set; }

    public DateOnly? StartDate { get; private set; }

    public DateOnly? EndDate { get; private set; }

    public List<InitiativePartner> Partners { get; private set; } = [];

    public List<BudgetLine> BudgetLines { get; private set; } = [];

    public List<FundingLine> FundingLines { get; private set; } = [];

    public List<Kpi> Kpis { get; private set; } = [];

    public BorgingPlan? BorgingPlan { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public decimal TotalBudget => BudgetLines.Sum(b => b.Amount);

    /// <summary>The indicators of <paramref name="actuals"/> that are not KPIs of this initiative (matched without regard to case).</summary>
    public IReadOnlyList<string> UnknownIndicators(IEnumerable<KpiActual> actuals) =>
        [.. actuals.Select(a => a.Indicator).Where(i => !Kpis.Any(k => string.Equals(k.Indicator, i.Trim(), StringComparison.OrdinalIgnoreCase)))];

    /// <summary>
    /// Records reported actuals on the initiative's KPIs, so the initiative always shows the latest figures against
    /// its targets. A new list is assigned (the KPIs are a stored value list); an unknown indicator is a caller error.
    /// </summary>
    public void RecordKpiActuals(IReadOnlyCollection<KpiActual> actuals)
    {
        if (UnknownIndicators(actuals) is [var unknown, ..])
        {
            throw new InvalidOperationException($"'{unknown}' is geen KPI van dit initiatief.");
        }

        Kpis = [.. Kpis.Select(k => actuals.LastOrDefault(a => string.Equals(a.Indicator.Trim(), k.Indicator, StringComparison.OrdinalIgnoreCase)) is { } actual
            ? k with { Actual = actual.Actual }
            : k)];
    }

    public void Update(InitiativeContent content)
    {
        Title = content.Title;
        Problem = content.Problem;
        Goals = content.Goals;
        TargetGroups = [.. content.TargetGroups];
        Sectors = [.. content.Sectors];
        RegionId = content.RegionId;
        StartDate = content.StartDate;
        EndDate = content.EndDate;
        Partners = [.. content.Partners];
        BudgetLines = [.. content.BudgetLines];
        FundingLines = [.. content.FundingLines];
        Kpis = [.. content.Kpis];
        BorgingPlan = content.BorgingPlan;
    }
}

public sealed record InitiativeContent(
    string Title,
    string Problem,
    string Goals,
    IReadOnlyList<string> TargetGroups,
    IReadOnlyList<string> Sectors,
    int? RegionId,
    DateOnly? StartDate,
    DateOnly? EndDate,
    IReadOnlyList<InitiativePartner> Partners,
    IReadOnlyList<BudgetLine> BudgetLines,
    IReadOnlyList<FundingLine> FundingLines,
    IReadOnlyList<Kpi> Kpis,
    BorgingPlan? BorgingPlan);

public enum PartnerRole
{
    Penvoerder,
    Partner,
    Cofinancier,
}

public sealed record InitiativePartner(string Name, PartnerRole Role);

public sealed record BudgetLine(string Description, decimal Amount);

public enum FundingStatus
{
    Aangevraagd,
    Toegezegd,
    Ontvangen,
}

/// <summary>Money from another source than this scheme (province, gemeente, O&amp;O fund, employers, in-kind fte).</summary>
public sealed record FundingLine(string Funder, decimal Amount, FundingStatus Status, bool InKind);

public sealed record Kpi(string Indicator, decimal Target, decimal? Actual);

/// <param name="Owner">Who owns the result after the funding ends.</param>
/// <param name="FundingAfter">How it is paid for afterwards.</param>
/// <param name="JoinsServices">Which existing services it joins.</param>
public sealed record BorgingPlan(string Owner, string FundingAfter, string JoinsServices);

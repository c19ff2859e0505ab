namespace RegioFlow.Domain;

/// <summary>
/// An initiative: what a region funds. Its partners, budget, funding from other sources and KPIs are value lists
/// stored with it; the borging plan (who carries it on after the funding) is required before an application is
/// submitted, because initiatives that stop when the project money stops are the reports' loudest complaint.
/// The regional register (<see cref="RegisteredAt"/>) holds every initiative the region knows of: those behind a
/// submitted application and those imported from an inventory (<see cref="Source"/>, <see cref="SourceKey"/>), which
/// have no lead organisation in RegioFlow.
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

    /// <summary>An initiative from an inventory (<paramref name="source"/>, row key <paramref name="sourceKey"/>): in the register at once.</summary>
    public Initiative(string source, string sourceKey, InitiativeContent content, RegisterDetails details, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7(now);
        Source = source;
        SourceKey = sourceKey;
        CreatedAt = now;
        RegisteredAt = now;
        Update(content);
        Describe(details);
    }

    public Guid Id { get; private set; }

    /// <summary>The lead organisation (the applicant); null for an initiative imported from an inventory.</summary>
    public Guid? OrganisationId { get; private set; }

    /// <summary>What the initiative does (an inventory's "activiteit").</summary>
    public string Activity { get; private set; } = "";

    public InitiativeType? Type { get; private set; }

    /// <summary>One of <see cref="InitiativeCodes.AgeBands"/>, or null when the initiative is not aimed at an age group.</summary>
    public string? AgeBand { get; private set; }

    /// <summary>The gemeenten it works in (names as in the region list).</summary>
    public List<string> Gemeenten { get; private set; } = [];

    public InitiativeStatus Status { get; private set; } = InitiativeStatus.Nieuw;

    /// <summary>When it entered the regional register (submitted or imported); null for a draft only its organisation sees.</summary>
    public DateTimeOffset? RegisteredAt { get; private set; }

    /// <summary>The inventory it was imported from; with <see cref="SourceKey"/> it identifies the row, so a re-import updates instead of duplicating.</summary>
    public string? Source { get; private set; }

    public string? SourceKey { get; private set; }

    /// <summary>Lower-case title, activity, problem, goals and partners: what the register's text search matches (LIKE, on both databases).</summary>
    public string SearchText { get; private set; } = "";

    /// <summary>The sectors as "|techniek|ict|" (lower case), so a sector filter is one LIKE on both databases.</summary>
    public string SectorKeys { get; private set; } = "";

    /// <summary>The target groups in the same form as <see cref="SectorKeys"/>.</summary>
    public string TargetGroupKeys { get; private set; } = "";

    /// <summary>The key under which <paramref name="value"/> is found in <see cref="SectorKeys"/> or <see cref="TargetGroupKeys"/>.</summary>
    public static string KeyOf(string value) => $"|{value.Trim().ToLowerInvariant()}|";

    private static string Keys(IEnumerable<string> values) =>
        values.Select(v => v.Trim().ToLowerInvariant()).Where(v => v.Length > 0).Distinct().ToList() is { Count: > 0 } keys ? $"|{string.Join('|', keys)}|" : "";

    /// <summary>Recomputes <see cref="SearchText"/>, <see cref="SectorKeys"/> and <see cref="TargetGroupKeys"/> (done on every change; public for rows stored before they existed).</summary>
    public void RefreshSearchKeys()
    {
        SearchText = string.Join(' ', new[] { Title, Activity, Problem, Goals }.Concat(Partners.Select(p => p.Name)).Where(t => t.Length > 0)).ToLowerInvariant();
        if (SearchText.Length > 16000)
        {
            SearchText = SearchText[..16000];
        }

        SectorKeys = Keys(Sectors);
        TargetGroupKeys = Keys(TargetGroups);
    }

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

    /// <summary>Puts the initiative in the regional register (once; a later call keeps the first moment).</summary>
    public void Register(DateTimeOffset now) => RegisteredAt ??= now;

    /// <summary>Moves the status forward along nieuw → lopend → afgerond → geborgd; never back.</summary>
    public void Advance(InitiativeStatus status)
    {
        if (status > Status)
        {
            Status = status;
        }
    }

    /// <summary>The register's classification, set by an import or a fund administrator.</summary>
    public void Describe(RegisterDetails details)
    {
        Activity = details.Activity;
        Type = details.Type;
        AgeBand = details.AgeBand;
        Gemeenten = [.. details.Gemeenten];
        Status = details.Status;
        RefreshSearchKeys();
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
        RefreshSearchKeys();
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

/// <summary>The register's classification of an initiative beside its application content.</summary>
public sealed record RegisterDetails(string Activity, InitiativeType? Type, string? AgeBand, IReadOnlyList<string> Gemeenten, InitiativeStatus Status);

/// <summary>The kinds of initiative the Zuid-Holland inventory (seed 003) distinguishes.</summary>
public enum InitiativeType
{
    Techniekpromotie,
    ZijInstroom,
    Werkgeversperspectief,
    Instrumentarium,
}

/// <summary>Where an initiative stands: nieuw (not yet running), lopend, afgerond, geborgd (structurally embedded). Ordered: it only moves forward.</summary>
public enum InitiativeStatus
{
    Nieuw,
    Lopend,
    Afgerond,
    Geborgd,
}

/// <summary>The code lists of the register (DOMAIN.md, Classifications).</summary>
public static class InitiativeCodes
{
    public static readonly IReadOnlyList<string> Sectors =
        ["zorg en welzijn", "techniek", "ICT", "onderwijs", "kinderopvang", "groen, agro en food", "transport en logistiek", "horeca", "handel"];

    public static readonly IReadOnlyList<string> TargetGroups =
    [
        "werkzoekenden", "werkenden (LLO 23+)", "zij-instromers", "herintreders", "jongeren 16-27", "statushouders en anderstaligen",
        "studenten (BOL/BBL)", "scholieren", "werkgevers (mkb)",
    ];

    public static readonly IReadOnlyList<string> AgeBands = ["4-12 (basisonderwijs)", "12-18 (voortgezet onderwijs)", "16-27 (jongeren)", "23+ (volwassenen)", "alle leeftijden"];

    public static string Label(this InitiativeType type) => type switch
    {
        InitiativeType.Techniekpromotie => "techniekpromotie",
        InitiativeType.ZijInstroom => "zij-instroom",
        InitiativeType.Werkgeversperspectief => "werkgeversperspectief",
        InitiativeType.Instrumentarium => "instrumentarium",
        _ => type.ToString(),
    };

    public static string Label(this InitiativeStatus status) => status.ToString().ToLowerInvariant();
}

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

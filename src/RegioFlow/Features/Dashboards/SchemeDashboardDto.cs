namespace RegioFlow.Features.Dashboards;

/// <summary>
/// The figures of one scheme for its fund administrators, decision body, oversight and administrators: the budget, the
/// cases per state, how long cases stay in each step against the service norm, the overdue deadlines and, for a voucher
/// scheme, the vouchers issued this year against the yearly target.
/// </summary>
/// <param name="Kind">"Subsidie" or "Voucher".</param>
/// <param name="Cases">All applications (subsidy) or vouchers (voucher scheme) of the scheme that have a case.</param>
/// <param name="ServicenormDays">The workflow's service norm (zaaktype servicenorm) in days; null when the workflow has none.</param>
/// <param name="OverdueCount">All planned deadlines of the scheme's cases whose moment has passed.</param>
/// <param name="Overdue">The first <see cref="SchemeDashboardReader.MaxOverdueListed"/> of them, oldest first.</param>
public sealed record SchemeDashboardDto(
    Guid SchemeId,
    string Name,
    string Kind,
    string WorkflowId,
    decimal Ceiling,
    decimal Committed,
    decimal Paid,
    decimal Remaining,
    int Cases,
    IReadOnlyList<StateCountDto> States,
    double? ServicenormDays,
    IReadOnlyList<StepDurationDto> Steps,
    DecisionDurationDto Decision,
    int OverdueCount,
    IReadOnlyList<OverdueDeadlineDto> Overdue,
    VoucherTargetDto? Vouchers);

/// <param name="State">The state id of the workflow definition.</param>
/// <param name="Label">Its Dutch label from the workflow definition.</param>
public sealed record StateCountDto(string State, string Label, int Count);

/// <summary>The median time cases spent in one state, over the most recent completed steps (at most <see cref="SchemeDashboardReader.MaxStepsPerState"/>).</summary>
/// <param name="Steps">How many completed steps the median is taken over.</param>
/// <param name="OverNorm">The median alone is longer than the service norm of the whole case.</param>
public sealed record StepDurationDto(string State, string Label, double? MedianDays, int Steps, bool OverNorm);

/// <summary>The median days from submission (request) to decision over the most recently decided cases.</summary>
public sealed record DecisionDurationDto(double? MedianDays, int Cases, bool OverNorm);

/// <param name="SubjectId">The application or voucher the case is about.</param>
/// <param name="Link">The page of the application or voucher.</param>
public sealed record OverdueDeadlineDto(
    Guid DeadlineId,
    Guid CaseId,
    Guid SubjectId,
    string Link,
    string State,
    string StateLabel,
    string TimerId,
    string Kind,
    DateTimeOffset DueAt,
    int DaysOverdue);

/// <param name="Year">The calendar year (Europe/Amsterdam) of today.</param>
public sealed record VoucherTargetDto(int Year, int IssuedThisYear, int YearlyTarget);

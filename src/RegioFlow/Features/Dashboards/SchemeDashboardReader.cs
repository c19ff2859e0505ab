using Microsoft.EntityFrameworkCore;
using RegioFlow.Data;
using RegioFlow.Domain;
using RegioFlow.Workflows;

namespace RegioFlow.Features.Dashboards;

/// <summary>
/// Computes <see cref="SchemeDashboardDto"/> for one scheme. Counts are GROUP BY queries in the database; the step
/// durations need consecutive journal entries per case, so they are computed in memory over a bounded window: the most
/// recent <see cref="MaxJournalEntries"/> state entries of the scheme's cases, of which at most
/// <see cref="MaxStepsPerState"/> completed steps per state (the most recently left) make the median.
/// </summary>
internal sealed class SchemeDashboardReader(RegioFlowDbContext db, WorkflowRegistry registry, TimeProvider clock)
{
    public const int MaxStepsPerState = 1000;

    public const int MaxJournalEntries = 20_000;

    public const int MaxDecisionsMeasured = 1000;

    public const int MaxOverdueListed = 20;

    public async Task<SchemeDashboardDto> ReadAsync(Scheme scheme, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var voucher = scheme.Kind == SchemeKind.Voucher;
        var definition = registry.All.Where(d => d.Id == scheme.WorkflowId).MaxBy(d => d.Version);
        var labels = definition?.States.ToDictionary(s => s.Id, s => s.Label) ?? [];
        string Label(string state) => labels.GetValueOrDefault(state, state);
        var norm = definition?.CaseType.Servicenorm is { } servicenorm ? Days(servicenorm) : (double?)null;

        var caseIds = voucher
            ? db.Vouchers.Where(v => v.SchemeId == scheme.Id).Select(v => v.CaseId)
            : db.FundingApplications.Where(a => a.SchemeId == scheme.Id).Select(a => a.CaseId);

        var counts = await db.Cases.AsNoTracking().Where(c => caseIds.Contains(c.Id))
            .GroupBy(c => c.State).Select(g => new { State = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.State, g => g.Count, cancellationToken);
        var order = definition?.States.Select(s => s.Id).ToList() ?? [];
        var states = order.Concat(counts.Keys.Where(k => !order.Contains(k)).Order(StringComparer.Ordinal))
            .Select(s => new StateCountDto(s, Label(s), counts.GetValueOrDefault(s))).ToList();

        var steps = await StepsAsync(caseIds, cancellationToken);
        var stepDtos = order.Concat(steps.Keys.Where(k => !order.Contains(k)))
            .Where(steps.ContainsKey)
            .Select(s => new StepDurationDto(s, Label(s), Median(steps[s]), steps[s].Count, norm is { } n && Median(steps[s]) > n))
            .ToList();

        var decisions = await DecisionDaysAsync(scheme, cancellationToken);
        var decisionMedian = Median(decisions);

        var overdueQuery = db.CaseDeadlines.AsNoTracking()
            .Where(d => d.Status == DeadlineStatus.Planned && d.DueAt < now && caseIds.Contains(d.CaseId));
        var overdueCount = await overdueQuery.CountAsync(cancellationToken);
        var overdueRows = await overdueQuery.OrderBy(d => d.DueAt)
            .Join(db.Cases, d => d.CaseId, c => c.Id, (d, c) => new { d.Id, d.CaseId, c.SubjectId, d.State, d.TimerId, d.Kind, d.DueAt })
            .Take(MaxOverdueListed).ToListAsync(cancellationToken);
        var overdue = overdueRows.Select(d =>
        {
            var subject = Guid.TryParse(d.SubjectId, out var id) ? id : Guid.Empty;
            return new OverdueDeadlineDto(d.Id, d.CaseId, subject, voucher ? $"/vouchers/{subject}" : $"/aanvragen/{subject}",
                d.State, Label(d.State), d.TimerId, d.Kind.ToString(), d.DueAt,
                DutchCalendar.LocalDate(now).DayNumber - DutchCalendar.LocalDate(d.DueAt).DayNumber);
        }).ToList();

        VoucherTargetDto? vouchers = null;
        if (voucher)
        {
            var year = DutchCalendar.LocalDate(now).Year;
            var (from, to) = (YearStart(year), YearStart(year + 1));
            var issued = await db.Vouchers.CountAsync(v => v.SchemeId == scheme.Id && v.IssuedAt != null && v.IssuedAt >= from && v.IssuedAt < to, cancellationToken);
            vouchers = new VoucherTargetDto(year, issued, scheme.VoucherTerms?.YearlyTarget ?? 0);
        }

        return new SchemeDashboardDto(scheme.Id, scheme.Name, scheme.Kind.ToString(), scheme.WorkflowId,
            scheme.BudgetCeiling, scheme.Committed, scheme.Paid, scheme.BudgetCeiling - scheme.Committed,
            counts.Values.Sum(), states, norm, stepDtos,
            new DecisionDurationDto(decisionMedian, decisions.Count, norm is { } n && decisionMedian > n),
            overdueCount, overdue, vouchers);
    }

    /// <summary>
    /// Time in each state from consecutive state entries of a case: entering S at t1 and the next state at t2 is one
    /// completed step of t2 − t1 in S. Per state the most recently completed <see cref="MaxStepsPerState"/> count.
    /// </summary>
    private async Task<Dictionary<string, List<double>>> StepsAsync(IQueryable<Guid> caseIds, CancellationToken cancellationToken)
    {
        var entries = await db.CaseJournal.AsNoTracking()
            .Where(j => j.Kind == JournalKind.StateEntered && caseIds.Contains(j.CaseId))
            .OrderByDescending(j => j.Id).Take(MaxJournalEntries)
            .Select(j => new { j.CaseId, j.Sequence, j.At, j.ToState })
            .ToListAsync(cancellationToken);
        var completed = new List<(string State, DateTimeOffset Left, double Days)>();
        foreach (var perCase in entries.GroupBy(e => e.CaseId))
        {
            var ordered = perCase.OrderBy(e => e.Sequence).ToList();
            for (var i = 0; i + 1 < ordered.Count; i++)
            {
                if (ordered[i].ToState is { } state)
                {
                    completed.Add((state, ordered[i + 1].At, (ordered[i + 1].At - ordered[i].At).TotalDays));
                }
            }
        }

        return completed.GroupBy(c => c.State).ToDictionary(
            g => g.Key,
            g => g.OrderByDescending(c => c.Left).Take(MaxStepsPerState).Select(c => c.Days).ToList());
    }

    /// <summary>Days from submission to decision: subsidy submitted → granted or rejected; voucher requested → issued or rejected.</summary>
    private async Task<List<double>> DecisionDaysAsync(Scheme scheme, CancellationToken cancellationToken)
    {
        if (scheme.Kind == SchemeKind.Voucher)
        {
            var rows = await db.Vouchers.AsNoTracking()
                .Where(v => v.SchemeId == scheme.Id && (v.IssuedAt != null || (v.DecisionMotivation != null && v.ClosedAt != null)))
                .OrderByDescending(v => v.RequestedAt).Take(MaxDecisionsMeasured)
                .Select(v => new { v.RequestedAt, Decided = v.IssuedAt ?? v.ClosedAt })
                .ToListAsync(cancellationToken);
            return [.. rows.Select(r => (r.Decided!.Value - r.RequestedAt).TotalDays)];
        }

        var applications = await db.FundingApplications.AsNoTracking()
            .Where(a => a.SchemeId == scheme.Id && a.SubmittedAt != null && a.DecidedAt != null)
            .OrderByDescending(a => a.DecidedAt).Take(MaxDecisionsMeasured)
            .Select(a => new { a.SubmittedAt, a.DecidedAt })
            .ToListAsync(cancellationToken);
        return [.. applications.Select(a => (a.DecidedAt!.Value - a.SubmittedAt!.Value).TotalDays)];
    }

    /// <summary>Midnight of 1 January in Europe/Amsterdam, as UTC (PostgreSQL takes only UTC instants).</summary>
    private static DateTimeOffset YearStart(int year)
    {
        var local = new DateTime(year, 1, 1, 0, 0, 0, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, DutchCalendar.Amsterdam.GetUtcOffset(local)).ToUniversalTime();
    }

    /// <summary>A duration in days as counted from 1 January 2026 (a month counts as its calendar length from there).</summary>
    internal static double Days(IsoDuration duration)
    {
        var from = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Unspecified);
        return (duration.AddTo(from) - from).TotalDays;
    }

    internal static double? Median(IReadOnlyList<double> values)
    {
        if (values.Count == 0)
        {
            return null;
        }

        var sorted = values.Order().ToList();
        var middle = sorted.Count / 2;
        var median = sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        return Math.Round(median, 1);
    }
}

using FluentValidation;
using FluentValidation.Results;
using Mediator;
using Microsoft.EntityFrameworkCore;
using RegioFlow.Common;
using RegioFlow.Data;
using RegioFlow.Domain;
using RegioFlow.Features.Initiatives;

namespace RegioFlow.Features.Dashboards;

/// <summary>The register in figures: per group the initiatives by status and by type, and KPI targets against actuals.</summary>
/// <param name="GroupBy">region, table or sector.</param>
/// <param name="Total">Initiatives that match the filters (each once, also when it falls in several groups).</param>
/// <param name="Statuses">The status keys in order, as the group counts use them.</param>
/// <param name="Types">The type keys in order ("geen" for an initiative without a type).</param>
/// <param name="KpiInitiatives">Initiatives with KPIs whose figures are in the KPI sums.</param>
/// <param name="KpisTruncated">More initiatives with KPIs matched than <see cref="GetInitiativeDashboard.MaxKpiInitiatives"/>: the sums cover the most recent ones.</param>
public sealed record InitiativeDashboardDto(
    string GroupBy,
    int Total,
    IReadOnlyList<string> Statuses,
    IReadOnlyList<string> Types,
    IReadOnlyList<InitiativeGroupDto> Groups,
    int KpiInitiatives,
    bool KpisTruncated);

/// <param name="Key">The region code, the table (body) id, the sector key, or "geen".</param>
/// <param name="Count">Initiatives in the group.</param>
/// <param name="KpisReported">Initiatives in the group with at least one KPI actual reported.</param>
public sealed record InitiativeGroupDto(
    string Key,
    string Label,
    int Count,
    IReadOnlyList<KeyCountDto> ByStatus,
    IReadOnlyList<KeyCountDto> ByType,
    int KpisReported,
    IReadOnlyList<KpiSumDto> Kpis);

public sealed record KeyCountDto(string Key, int Count);

/// <param name="Indicator">The indicator as first written (indicators are matched without regard to case).</param>
/// <param name="Initiatives">Initiatives in the group that have this indicator.</param>
/// <param name="Actual">Sum of the reported actuals (an indicator without an actual adds nothing).</param>
public sealed record KpiSumDto(string Indicator, int Initiatives, decimal Target, decimal Actual);

/// <summary>
/// The register dashboard over the initiatives the caller may see (<see cref="InitiativeAccess"/>) that match the
/// register filters (<see cref="RegisterFilter"/>). Status and type counts are one GROUP BY in the database. An initiative
/// with two sectors counts in both sector groups; an initiative with applications under schemes of two tables counts
/// in both table groups; one without either is in the group "geen". KPIs live in a JSON column, so their sums are
/// computed in memory over a projection of the initiatives that have KPIs, at most <see cref="MaxKpiInitiatives"/>.
/// </summary>
public static class GetInitiativeDashboard
{
    public const string None = "geen";

    public const int MaxKpiInitiatives = 5000;

    public static readonly IReadOnlyList<string> GroupBys = ["region", "table", "sector"];

    public sealed record Query(string? GroupBy, RegisterFilter.Input Filter) : IQuery<InitiativeDashboardDto>;

    private sealed record Row(string? Key, InitiativeStatus Status, InitiativeType? Type, int Count);

    internal sealed class Handler(RegioFlowDbContext db, InitiativeAccess access, ReadCache cache) : IQueryHandler<Query, InitiativeDashboardDto>
    {
        public async ValueTask<InitiativeDashboardDto> Handle(Query query, CancellationToken cancellationToken)
        {
            var groupBy = string.IsNullOrWhiteSpace(query.GroupBy) ? "region" : query.GroupBy.Trim().ToLowerInvariant();
            if (!GroupBys.Contains(groupBy))
            {
                throw new ValidationException([new ValidationFailure("groupBy",
                    $"Onbekende groepering '{query.GroupBy!.Trim()}'. Kies uit: region (regio), table (thematafel) of sector.")]);
            }

            var filter = await RegisterFilter.ParseAsync(query.Filter, db, cancellationToken);

            var key = string.Join('\u001f', "initiatives", access.Audience, groupBy, filter.Key);
            return await cache.GetAsync(key, await cache.VersionAsync(db, cancellationToken), () => ComputeAsync(groupBy, filter, CancellationToken.None));
        }

        private async Task<InitiativeDashboardDto> ComputeAsync(string groupBy, RegisterFilter filter, CancellationToken cancellationToken)
        {
            var initiatives = filter.Apply(access.Visible());
            var total = await initiatives.CountAsync(cancellationToken);

            var emptyKpis = new List<Kpi>();
            var kpiRows = await initiatives.Where(i => i.Kpis != emptyKpis).OrderByDescending(i => i.CreatedAt).Take(MaxKpiInitiatives + 1)
                .Select(i => new { i.Id, i.RegionId, i.SectorKeys, i.Kpis })
                .ToListAsync(cancellationToken);
            var truncated = kpiRows.Count > MaxKpiInitiatives;
            if (truncated)
            {
                kpiRows.RemoveAt(kpiRows.Count - 1);
            }

            List<Row> rows;
            Dictionary<string, string> labels;
            Dictionary<Guid, List<string?>> kpiKeys;
            switch (groupBy)
            {
                case "region":
                {
                    var grouped = await initiatives.GroupBy(i => new { i.RegionId, i.Status, i.Type })
                        .Select(g => new { g.Key.RegionId, g.Key.Status, g.Key.Type, Count = g.Count() }).ToListAsync(cancellationToken);
                    var regions = await db.Regions.AsNoTracking().Select(r => new { r.Id, r.Code, r.Name }).ToListAsync(cancellationToken);
                    var codes = regions.ToDictionary(r => r.Id, r => r.Code);
                    labels = regions.ToDictionary(r => r.Code, r => r.Name);
                    string? Code(int? id) => id is { } value ? codes.GetValueOrDefault(value, value.ToString(System.Globalization.CultureInfo.InvariantCulture)) : null;
                    rows = [.. grouped.Select(g => new Row(Code(g.RegionId), g.Status, g.Type, g.Count))];
                    kpiKeys = kpiRows.ToDictionary(k => k.Id, k => new List<string?> { Code(k.RegionId) });
                    break;
                }

                case "sector":
                {
                    var grouped = await initiatives.GroupBy(i => new { i.SectorKeys, i.Status, i.Type })
                        .Select(g => new { g.Key.SectorKeys, g.Key.Status, g.Key.Type, Count = g.Count() }).ToListAsync(cancellationToken);
                    rows = [.. grouped.SelectMany(g => SectorsOf(g.SectorKeys).Select(s => new Row(s, g.Status, g.Type, g.Count)))];
                    labels = InitiativeCodes.Sectors.ToDictionary(s => s.ToLowerInvariant(), s => s);
                    kpiKeys = kpiRows.ToDictionary(k => k.Id, k => SectorsOf(k.SectorKeys));
                    break;
                }

                default:
                {
                    var pairs = (from i in initiatives
                                 join a in db.FundingApplications on i.Id equals a.InitiativeId
                                 join s in db.Schemes on a.SchemeId equals s.Id
                                 where s.AssessingBodyId != null
                                 select new { i.Id, BodyId = s.AssessingBodyId!.Value, i.Status, i.Type }).Distinct();
                    var grouped = await pairs.GroupBy(p => new { p.BodyId, p.Status, p.Type })
                        .Select(g => new { g.Key.BodyId, g.Key.Status, g.Key.Type, Count = g.Count() }).ToListAsync(cancellationToken);
                    var without = await initiatives
                        .Where(i => !db.FundingApplications.Any(a => a.InitiativeId == i.Id && db.Schemes.Any(s => s.Id == a.SchemeId && s.AssessingBodyId != null)))
                        .GroupBy(i => new { i.Status, i.Type })
                        .Select(g => new { g.Key.Status, g.Key.Type, Count = g.Count() }).ToListAsync(cancellationToken);
                    rows = [.. grouped.Select(g => new Row(g.BodyId.ToString(), g.Status, g.Type, g.Count)),
                        .. without.Select(g => new Row(null, g.Status, g.Type, g.Count))];
                    labels = await db.Bodies.AsNoTracking().ToDictionaryAsync(b => b.Id.ToString(), b => b.Name, cancellationToken);
                    var ids = kpiRows.Select(k => k.Id).ToList();
                    var bodies = await (from a in db.FundingApplications
                                        join s in db.Schemes on a.SchemeId equals s.Id
                                        where ids.Contains(a.InitiativeId) && s.AssessingBodyId != null
                                        select new { a.InitiativeId, BodyId = s.AssessingBodyId!.Value }).Distinct().ToListAsync(cancellationToken);
                    var byInitiative = bodies.ToLookup(b => b.InitiativeId, b => (string?)b.BodyId.ToString());
                    kpiKeys = kpiRows.ToDictionary(k => k.Id, k => byInitiative[k.Id].ToList() is { Count: > 0 } keys ? keys : [null]);
                    break;
                }
            }

            var kpisByGroup = kpiRows
                .SelectMany(k => kpiKeys[k.Id].Select(key => (Key: key ?? None, k.Kpis)))
                .GroupBy(k => k.Key)
                .ToDictionary(g => g.Key, g => g.Select(k => k.Kpis).ToList());

            var statuses = Enum.GetValues<InitiativeStatus>();
            var types = Enum.GetValues<InitiativeType>();
            var groups = rows.GroupBy(r => r.Key ?? None)
                .Select(g =>
                {
                    var kpis = kpisByGroup.GetValueOrDefault(g.Key, []);
                    return new InitiativeGroupDto(
                        g.Key,
                        g.Key == None ? "geen" : labels.GetValueOrDefault(g.Key, g.Key),
                        g.Sum(r => r.Count),
                        [.. statuses.Select(s => new KeyCountDto(s.Label(), g.Where(r => r.Status == s).Sum(r => r.Count)))],
                        [.. types.Select(t => new KeyCountDto(t.Label(), g.Where(r => r.Type == t).Sum(r => r.Count))),
                            new KeyCountDto(None, g.Where(r => r.Type == null).Sum(r => r.Count))],
                        kpis.Count(list => list.Any(k => k.Actual != null)),
                        SumKpis(kpis));
                })
                .OrderBy(g => g.Key == None ? 1 : 0).ThenBy(g => g.Label, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("nl-NL"), true))
                .ToList();

            return new InitiativeDashboardDto(groupBy, total, [.. statuses.Select(s => s.Label())], [.. types.Select(t => t.Label()), None],
                groups, kpiRows.Count, truncated);
        }

        /// <summary>The sector keys of "|techniek|ict|", or the no-sector group.</summary>
        private static List<string?> SectorsOf(string keys) =>
            keys.Split('|', StringSplitOptions.RemoveEmptyEntries) is { Length: > 0 } sectors ? [.. sectors] : [null];

        private static List<KpiSumDto> SumKpis(List<List<Kpi>> initiatives) =>
        [
            .. initiatives
                .SelectMany(list => list.GroupBy(k => k.Indicator.Trim(), StringComparer.OrdinalIgnoreCase).Select(g => g.First()))
                .GroupBy(k => k.Indicator.Trim(), StringComparer.OrdinalIgnoreCase)
                .Select(g => new KpiSumDto(g.First().Indicator.Trim(), g.Count(), g.Sum(k => k.Target), g.Sum(k => k.Actual ?? 0)))
                .OrderBy(k => k.Indicator, StringComparer.OrdinalIgnoreCase),
        ];
    }
}

using System.Globalization;
using FluentValidation;
using FluentValidation.Results;
using Mediator;
using Microsoft.EntityFrameworkCore;
using RegioFlow.Common;
using RegioFlow.Data;
using RegioFlow.Domain;

namespace RegioFlow.Features.Initiatives;

/// <summary>
/// The regional register: the initiatives the caller may see (<see cref="InitiativeAccess"/>), narrowed by the
/// <see cref="RegisterFilter"/>, one page at a time: first the drafts the caller may see (newest created first), then the
/// registered initiatives (newest registered first, then by title). The count and the page are
/// computed in the database; the page is picked by id first and only its rows are read with their organisation and
/// region names, so a register of a hundred thousand initiatives never travels to the server.
/// </summary>
public static class ListInitiatives
{
    public const int DefaultPageSize = 25;

    public const int MaxPageSize = 100;

    /// <summary>The most rows a page of a search walks in order instead of asking the search index (about 10 ms on SQLite).</summary>
    public const int WalkLimit = 10_000;

    /// <param name="Page">1-based; text so that "abc" gets a Dutch 400 instead of a binding failure.</param>
    public sealed record Query(
        string? Search = null,
        string? Region = null,
        string? Sector = null,
        string? TargetGroup = null,
        string? Type = null,
        string? Status = null,
        string? Page = null,
        string? PageSize = null) : IQuery<Response>;

    public sealed record Response(IReadOnlyList<RegisterItemDto> Items, int Page, int PageSize, int Total)
    {
        public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
    }

    internal sealed class Handler(RegioFlowDbContext db, InitiativeAccess access, ReadCache cache) : IQueryHandler<Query, Response>
    {
        public async ValueTask<Response> Handle(Query query, CancellationToken cancellationToken)
        {
            var failures = new List<ValidationFailure>();
            var page = ParseNumber(query.Page, 1, 1, int.MaxValue / MaxPageSize, "page", "Het paginanummer", failures);
            var pageSize = ParseNumber(query.PageSize, DefaultPageSize, 1, MaxPageSize, "pageSize", "Het aantal per pagina", failures);
            RegisterFilter filter;
            try
            {
                filter = await RegisterFilter.ParseAsync(new(query.Search, query.Region, query.Sector, query.TargetGroup, query.Type, query.Status), db, cancellationToken);
            }
            catch (ValidationException validation)
            {
                throw new ValidationException([.. validation.Errors, .. failures]);
            }

            if (failures.Count > 0)
            {
                throw new ValidationException(failures);
            }

            // Every registered initiative is visible to every signed-in user; the drafts the caller may see (their own
            // organisation's, or all for oversight and admins) are few. Counting and paging the two parts apart lets the
            // database walk the (RegisteredAt, Title) index instead of sorting the whole register for every page.
            // Which initiatives match and who may see them changes with the data only, not with the time.
            var version = await cache.VersionAsync(db, cancellationToken, changesWithTime: false);
            var draftPart = await access.VisibleDraftsAsync(version);
            var registered = filter.Apply(RegisteredPart());
            var drafts = filter.Apply(draftPart);
            // Counting a broad search reads every match; the counts hold until the data changes, so pages and readers share them.
            var counts = await CountAsync(filter, drafts, registered, version);
            var draftCount = counts.Drafts;
            var total = draftCount + counts.Registered;
            var skip = (page - 1) * pageSize;
            if (filter.UsesSearchIndex)
            {
                // The search index lists every match before the page can be picked: for a word in a fifth of the register
                // that is 20,000 rows, about 100 ms on SQLite. Walking the part in its order and testing each row meets the
                // page after (rows needed) / (share that matches) rows. The counts tell that share, so a page is walked when
                // that costs fewer than WalkLimit rows, and found through the index otherwise (a rare word, a deep page).
                var all = await CountAsync(RegisterFilter.None, draftPart, RegisteredPart(), version);
                var rowByRow = filter.RowByRow;
                if (RowsToWalk(skip + pageSize, draftCount, all.Drafts) <= WalkLimit)
                {
                    drafts = rowByRow.Apply(draftPart);
                }

                if (RowsToWalk(Math.Max(0, skip - draftCount) + pageSize, counts.Registered, all.Registered) <= WalkLimit)
                {
                    registered = rowByRow.Apply(RegisteredPart());
                }
            }

            var ids = new List<Guid>();
            if (skip < draftCount)
            {
                ids.AddRange(await drafts.OrderByDescending(i => i.CreatedAt).ThenBy(i => i.Title).ThenBy(i => i.Id)
                    .Select(i => i.Id).Skip(skip).Take(pageSize).ToListAsync(cancellationToken));
            }

            if (ids.Count < pageSize)
            {
                ids.AddRange(await registered.OrderByDescending(i => i.RegisteredAt).ThenBy(i => i.Title).ThenBy(i => i.Id)
                    .Select(i => i.Id).Skip(Math.Max(0, skip - draftCount)).Take(pageSize - ids.Count).ToListAsync(cancellationToken));
            }

            var rows = ids.Count == 0 ? [] : await (
                    from i in db.Initiatives.AsNoTracking().Where(i => ids.Contains(i.Id))
                    from o in db.Organisations.Where(o => o.Id == i.OrganisationId).DefaultIfEmpty()
                    from r in db.Regions.Where(r => r.Id == i.RegionId).DefaultIfEmpty()
                    select new
                    {
                        i.Id, i.Title, i.Activity, i.Type, i.Status, i.Sectors, i.TargetGroups, i.AgeBand, i.Gemeenten, i.Partners, i.StartDate, i.EndDate,
                        i.FundingLines, i.Kpis, i.Source, i.RegisteredAt, i.CreatedAt, Organisation = o == null ? null : o.Name,
                        RegionCode = r == null ? null : r.Code, RegionName = r == null ? null : r.Name,
                    })
                .ToListAsync(cancellationToken);
            var byId = rows.ToDictionary(r => r.Id);
            var items = ids.Where(byId.ContainsKey).Select(id => byId[id]).Select(i => new RegisterItemDto(
                i.Id, i.Title, i.Activity, i.Type?.Label(), i.Status.Label(), i.Sectors, i.TargetGroups, i.AgeBand,
                i.RegionCode is null ? null : new RegisterRegionDto(i.RegionCode, i.RegionName ?? ""), i.Gemeenten, i.Organisation ?? "",
                i.Partners, i.StartDate, i.EndDate, [.. i.FundingLines.Select(f => f.Funder).Distinct()],
                [.. i.Kpis.Select(k => new RegisterKpiDto(k.Indicator, k.Target, k.Actual))], i.Source, i.RegisteredAt, i.CreatedAt)).ToList();
            return new Response(items, page, pageSize, total);
        }

        private IQueryable<Initiative> RegisteredPart() => db.Initiatives.AsNoTracking().Where(i => i.RegisteredAt != null);

        private Task<RegisterCounts> CountAsync(RegisterFilter filter, IQueryable<Initiative> drafts, IQueryable<Initiative> registered, string version) =>
            cache.GetAsync(
                string.Join('\u001f', "register-count", access.Audience, filter.Key),
                version,
                async () => new RegisterCounts(await drafts.CountAsync(CancellationToken.None), await registered.CountAsync(CancellationToken.None)));

        /// <summary>
        /// About how many rows a walk in order tests to find <paramref name="needed"/> matches when
        /// <paramref name="matches"/> of <paramref name="rows"/> match; all of them when there are not that many matches.
        /// </summary>
        internal static long RowsToWalk(int needed, int matches, int rows) =>
            needed >= matches ? rows : (long)Math.Ceiling((double)needed * rows / matches);

        private sealed record RegisterCounts(int Drafts, int Registered);

        private static int ParseNumber(string? value, int fallback, int min, int max, string field, string what, List<ValidationFailure> failures)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                return fallback;
            }

            if (int.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= min && number <= max)
            {
                return number;
            }

            failures.Add(new(field, $"{what} moet een geheel getal van {min} tot en met {max} zijn; '{(value.Length > 20 ? value[..20] + "…" : value)}' is dat niet."));
            return fallback;
        }
    }
}

/// <summary>One initiative in the register list: the register's fields, without the application content (problem, budget).</summary>
/// <param name="Type">The type's Dutch label ("zij-instroom"), null when unclassified.</param>
/// <param name="Status">nieuw, lopend, afgerond or geborgd.</param>
/// <param name="FundingSources">The funders of the money from other sources.</param>
public sealed record RegisterItemDto(
    Guid Id,
    string Title,
    string Activity,
    string? Type,
    string Status,
    IReadOnlyList<string> Sectors,
    IReadOnlyList<string> TargetGroups,
    string? AgeBand,
    RegisterRegionDto? Region,
    IReadOnlyList<string> Gemeenten,
    string Organisation,
    IReadOnlyList<InitiativePartner> Partners,
    DateOnly? StartDate,
    DateOnly? EndDate,
    IReadOnlyList<string> FundingSources,
    IReadOnlyList<RegisterKpiDto> Kpis,
    string? Source,
    DateTimeOffset? RegisteredAt,
    DateTimeOffset CreatedAt);

public sealed record RegisterRegionDto(string Code, string Name);

public sealed record RegisterKpiDto(string Indicator, decimal Target, decimal? Actual);

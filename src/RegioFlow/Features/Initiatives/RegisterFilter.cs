using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using RegioFlow.Data;
using RegioFlow.Domain;

namespace RegioFlow.Features.Initiatives;

/// <summary>
/// The register's filters as the API, the register page and the export take them (search, region, sector, target
/// group, type, status). <see cref="ParseAsync"/> checks every value and answers unknown ones with a Dutch
/// validation error; <see cref="Apply"/> narrows a query in the database: the text search and the list filters are
/// LIKE '%...%' over the initiative's search keys. On PostgreSQL that LIKE runs on the initiatives, answered by pg_trgm
/// indexes; on SQLite it runs on the FTS5 trigram table <see cref="InitiativeSearchEntry"/>, which answers it from
/// its index. Both give the same rows.
/// </summary>
public sealed record RegisterFilter(IReadOnlyList<string> Words, int? RegionId, string? Sector, string? TargetGroup, InitiativeType? Type, InitiativeStatus? Status)
{
    public const int MaxSearchLength = 200;

    public static readonly RegisterFilter None = new([], null, null, null, null, null);

    /// <summary>The database's separate trigram index, when it has one (SQLite); see <see cref="RegioFlowDbContext.InitiativeSearch"/>.</summary>
    public IQueryable<InitiativeSearchEntry>? SearchIndex { get; init; }

    /// <summary>Whether <see cref="Apply"/> hands part of this filter to <see cref="SearchIndex"/>.</summary>
    public bool UsesSearchIndex => SearchIndex is not null
        && (Words.Any(w => !HasWildcard(w))
            || (Sector is { } s && !HasWildcard(Initiative.KeyOf(s)))
            || (TargetGroup is { } t && !HasWildcard(Initiative.KeyOf(t))));

    /// <summary>
    /// The same filter tested row by row on the initiatives, without the search index. For a broad search that is faster
    /// for a page: walking the register in its order meets the page's rows after a few hundred, while the index lists
    /// every match first (see ListInitiatives).
    /// </summary>
    public RegisterFilter RowByRow => this with { SearchIndex = null };

    /// <summary>The filter as a text that is equal for equal filters, to key what is cached for it.</summary>
    public string Key => string.Join('\u001f', string.Join(' ', Words), RegionId, Sector, TargetGroup, Type, Status);

    /// <summary>The raw query values, as a client sends them; empty strings mean "no filter".</summary>
    public sealed record Input(string? Search, string? Region, string? Sector, string? TargetGroup, string? Type, string? Status);

    public static async Task<RegisterFilter> ParseAsync(Input input, RegioFlowDbContext db, CancellationToken cancellationToken)
    {
        var failures = new List<ValidationFailure>();
        var search = input.Search?.Trim() ?? "";
        if (search.Length > MaxSearchLength)
        {
            failures.Add(new("search", $"De zoektekst is te lang: hoogstens {MaxSearchLength} tekens."));
        }

        int? regionId = null;
        if (!string.IsNullOrWhiteSpace(input.Region))
        {
            var code = input.Region.Trim().ToLowerInvariant();
            regionId = await db.Regions.AsNoTracking().Where(r => r.Code == code).Select(r => (int?)r.Id).SingleOrDefaultAsync(cancellationToken);
            if (regionId is null)
            {
                failures.Add(new("region", $"Onbekende regio '{input.Region.Trim()}'. Gebruik de code van een arbeidsmarktregio, bijvoorbeeld 'holland-rijnland' (zie /api/regions)."));
            }
        }

        var type = ParseEnum<InitiativeType>(input.Type, t => t.Label());
        if (type is { Valid: false })
        {
            failures.Add(new("type", $"Onbekend type '{input.Type!.Trim()}'. Kies uit: {string.Join(", ", Enum.GetValues<InitiativeType>().Select(t => t.Label()))}."));
        }

        var status = ParseEnum<InitiativeStatus>(input.Status, s => s.Label());
        if (status is { Valid: false })
        {
            failures.Add(new("status", $"Onbekende status '{input.Status!.Trim()}'. Kies uit: {string.Join(", ", Enum.GetValues<InitiativeStatus>().Select(s => s.Label()))}."));
        }

        foreach (var (name, value) in new[] { ("sector", input.Sector), ("targetGroup", input.TargetGroup) })
        {
            if (value?.Trim().Length > 100 || value?.Contains('|') == true)
            {
                failures.Add(new(name, $"'{value.Trim()}' is geen geldige waarde voor {(name == "sector" ? "de sector" : "de doelgroep")}."));
            }
        }

        if (failures.Count > 0)
        {
            throw new ValidationException(failures);
        }

        var words = search.ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Distinct().Take(10).ToList();
        return new RegisterFilter(words, regionId, Blank(input.Sector), Blank(input.TargetGroup), type?.Value, status?.Value)
        {
            SearchIndex = db.InitiativeSearch,
        };
    }

    public IQueryable<Initiative> Apply(IQueryable<Initiative> initiatives)
    {
        // SQLite hands a LIKE to the FTS5 table only without an ESCAPE clause, so a value with a LIKE wildcard in it
        // ('%' or '_', which must match literally) is searched on the initiatives themselves, escaped: slower, same result.
        var index = SearchIndex;
        var indexed = index;
        foreach (var word in Words)
        {
            if (index is not null && !HasWildcard(word))
            {
                var plain = $"%{word}%";
                indexed = indexed!.Where(e => EF.Functions.Like(e.SearchText, plain));
            }
            else
            {
                var pattern = $"%{Escape(word)}%";
                initiatives = initiatives.Where(i => EF.Functions.Like(i.SearchText, pattern, "\\"));
            }
        }

        if (RegionId is { } regionId)
        {
            initiatives = initiatives.Where(i => i.RegionId == regionId);
        }

        if (Sector is { } sector)
        {
            var key = Initiative.KeyOf(sector);
            if (index is not null && !HasWildcard(key))
            {
                var plain = $"%{key}%";
                indexed = indexed!.Where(e => EF.Functions.Like(e.SectorKeys, plain));
            }
            else
            {
                var pattern = $"%{Escape(key)}%";
                initiatives = initiatives.Where(i => EF.Functions.Like(i.SectorKeys, pattern, "\\"));
            }
        }

        if (TargetGroup is { } targetGroup)
        {
            var key = Initiative.KeyOf(targetGroup);
            if (index is not null && !HasWildcard(key))
            {
                var plain = $"%{key}%";
                indexed = indexed!.Where(e => EF.Functions.Like(e.TargetGroupKeys, plain));
            }
            else
            {
                var pattern = $"%{Escape(key)}%";
                initiatives = initiatives.Where(i => EF.Functions.Like(i.TargetGroupKeys, pattern, "\\"));
            }
        }

        if (indexed is not null && !ReferenceEquals(indexed, index))
        {
            // One subquery for all words and keys: the FTS5 table intersects them in its index, the initiatives are
            // then found by primary key.
            var ids = indexed.Select(e => e.Id);
            initiatives = initiatives.Where(i => ids.Contains(i.Id));
        }

        if (Type is { } type)
        {
            initiatives = initiatives.Where(i => i.Type == type);
        }

        if (Status is { } status)
        {
            initiatives = initiatives.Where(i => i.Status == status);
        }

        return initiatives;
    }

    private static bool HasWildcard(string value) => value.Contains('%') || value.Contains('_');

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string Escape(string value) => value.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");

    /// <summary>Null when no value was given; otherwise the enum value matched by its Dutch label or its name (any case).</summary>
    internal static (bool Valid, T? Value)? ParseEnum<T>(string? value, Func<T, string> label)
        where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var trimmed = value.Trim();
        foreach (var candidate in Enum.GetValues<T>())
        {
            if (string.Equals(label(candidate), trimmed, StringComparison.OrdinalIgnoreCase) || string.Equals(candidate.ToString(), trimmed, StringComparison.OrdinalIgnoreCase))
            {
                return (true, candidate);
            }
        }

        return (false, null);
    }
}

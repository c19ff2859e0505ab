using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using RegioFlow.Domain;

namespace RegioFlow.Data;

/// <summary>
/// Loads the arbeidsmarktregio's and their gemeenten from the embedded seed file. Idempotent: regions are matched on
/// their code, so a restart adds what is missing and changes nothing else.
/// </summary>
internal static class ReferenceDataSeeder
{
    internal const string RegionsResource = "RegioFlow.Data.Seed.labour-market-regions.csv";

    public static async Task SeedAsync(RegioFlowDbContext db, CancellationToken cancellationToken)
    {
        var rows = ReadRegions();
        var existing = await db.Regions.Include(r => r.Gemeenten).ToDictionaryAsync(r => r.Code, cancellationToken);
        foreach (var row in rows)
        {
            if (!existing.TryGetValue(row.Code, out var region))
            {
                region = new Region(row.Code, row.Name, row.Province, row.Centrumgemeente);
                db.Regions.Add(region);
            }
            else if (region.Name != row.Name || region.Province != row.Province || region.Centrumgemeente != row.Centrumgemeente)
            {
                region.Update(row.Name, row.Province, row.Centrumgemeente);
            }

            foreach (var gemeente in row.Gemeenten.Where(g => region.Gemeenten.All(known => known.Name != g)))
            {
                region.AddGemeente(gemeente);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    public static IReadOnlyList<RegionRow> ReadRegions()
    {
        using var stream = typeof(ReferenceDataSeeder).Assembly.GetManifestResourceStream(RegionsResource)
            ?? throw new InvalidOperationException($"Seed resource {RegionsResource} is missing from the build.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return ParseRegions(reader.ReadToEnd());
    }

    /// <summary>Parses "arbeidsmarktregio,province,centrumgemeente,gemeente" rows (one gemeente a row).</summary>
    public static IReadOnlyList<RegionRow> ParseRegions(string csv)
    {
        var lines = csv.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return [.. lines
            .Skip(1)
            .Select(line => line.Split(',', StringSplitOptions.TrimEntries))
            .Where(fields => fields.Length == 4 && fields.All(f => f.Length > 0))
            .GroupBy(fields => fields[0])
            .Select(group => new RegionRow(
                Slug(group.Key),
                group.Key,
                group.First()[1],
                group.First()[2],
                [.. group.Select(fields => fields[3]).Distinct().Order(StringComparer.Create(CultureInfo.GetCultureInfo("nl-NL"), false))]))];
    }

    /// <summary>"Zuid-Holland Centraal" → "zuid-holland-centraal".</summary>
    public static string Slug(string name)
    {
        var builder = new StringBuilder();
        foreach (var c in name.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
            else if (builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }
        }

        return builder.ToString().Trim('-');
    }

    internal sealed record RegionRow(string Code, string Name, string Province, string Centrumgemeente, IReadOnlyList<string> Gemeenten);
}

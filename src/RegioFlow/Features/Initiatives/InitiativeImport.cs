using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using RegioFlow.Common;
using RegioFlow.Data;
using RegioFlow.Domain;

namespace RegioFlow.Features.Initiatives;

/// <summary>What the caller chose for the whole file: the inventory's name and the values for rows that leave them out.</summary>
/// <param name="Status">Defaults to "lopend": an inventory lists initiatives that already run.</param>
public sealed record ImportDefaults(string? Source, string? Region, string? Sector, string? Type, string? Status);

/// <summary>The outcome of one data row. <paramref name="Row"/> counts data rows from 1; <paramref name="Line"/> is the file's line where the row starts.</summary>
public sealed record ImportRowDto(int Row, int Line, string Key, string Name, string Outcome, IReadOnlyList<string> Messages);

/// <summary>What an import did or would do: counts per outcome, notes on the whole file and every row with its messages.</summary>
public sealed record ImportReport(
    bool DryRun,
    string Source,
    int Total,
    int Valid,
    int Errors,
    int Created,
    int Updated,
    int Unchanged,
    IReadOnlyList<string> Notes,
    IReadOnlyList<ImportRowDto> Rows);

/// <summary>
/// Reads an inventory of initiatives (CSV) into the regional register. Every row is checked first; only a file without
/// errors is stored, all of it in one SaveChanges (one transaction), so a bad file never leaves half an import. A row is
/// identified by (source, number), or without a number by a hash of its normalised name and activity, so importing the
/// same file again updates what changed and creates nothing. Missing region and type are derived where the text allows
/// (a gemeente named in the row; keyword rules for the type) and the report says so for every row.
/// Used by the API, the import page and the demo seeding alike.
/// </summary>
public static class InitiativeImport
{
    public const int MaxBytes = 5 * 1024 * 1024;
    public const int MaxRows = 5000;
    public const string Nieuw = "nieuw";
    public const string Bijwerken = "bijwerken";
    public const string Ongewijzigd = "ongewijzigd";
    public const string Fout = "fout";

    private const int MaxName = 300;
    private const int MaxActivity = 4000;
    private const int MaxKey = 100;

    private static readonly Dictionary<string, string> Columns = new(StringComparer.OrdinalIgnoreCase)
    {
        ["number"] = "number", ["nummer"] = "number", ["nr"] = "number", ["nr."] = "number",
        ["name"] = "name", ["naam"] = "name", ["initiatief"] = "name",
        ["activity"] = "activity", ["activiteit"] = "activity", ["activiteiten"] = "activity",
        ["region"] = "region", ["regio"] = "region",
        ["gemeente"] = "gemeenten", ["gemeenten"] = "gemeenten",
        ["sector"] = "sectors", ["sectoren"] = "sectors", ["sectors"] = "sectors",
        ["doelgroep"] = "targetGroups", ["doelgroepen"] = "targetGroups", ["targetgroups"] = "targetGroups", ["targetgroup"] = "targetGroups",
        ["type"] = "type",
        ["status"] = "status",
        ["leeftijd"] = "ageBand", ["ageband"] = "ageBand", ["leeftijdsgroep"] = "ageBand",
        ["partners"] = "partners",
        ["start"] = "start", ["startdatum"] = "start",
        ["einde"] = "end", ["end"] = "end", ["einddatum"] = "end",
    };

    /// <summary>Keyword rules for a row without a type, in this order; the first rule with a hit wins (on lower-case text without diacritics).</summary>
    private static readonly (InitiativeType Type, string[] Keywords)[] TypeRules =
    [
        (InitiativeType.Techniekpromotie, ["open dag", "techniek ontdekken", "promotie", "orientatie", "beleef", "evenement", "doe-"]),
        (InitiativeType.ZijInstroom, ["zij-instro", "zij instro", "zijinstro", "omscholing", "bedrijfstakschool", "opleiden", "opleiding"]),
        (InitiativeType.Werkgeversperspectief, ["werkgever", "bedrijven", "mkb"]),
        (InitiativeType.Instrumentarium, ["platform", "loket", "fonds", "subsidie", "regeling"]),
    ];

    private static readonly string[] DateFormats = ["yyyy-MM-dd", "d-M-yyyy", "d/M/yyyy", "d.M.yyyy"];

    /// <summary>Decodes an uploaded file: UTF-8 with or without BOM; anything else (binary, another encoding) is refused in Dutch.</summary>
    public static string Decode(byte[] bytes)
    {
        if (bytes.Length == 0)
        {
            throw Invalid("file", "Het bestand is leeg. Stuur een CSV-bestand met een kopregel en ten minste één rij.");
        }

        string text;
        try
        {
            text = new UTF8Encoding(false, true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw Invalid("file", "Het bestand is geen CSV-tekst in UTF-8. Sla het op als 'CSV UTF-8 (door lijstscheidingsteken gescheiden)' en probeer het opnieuw.");
        }

        if (text.Contains('\0'))
        {
            throw Invalid("file", "Het bestand is geen CSV-tekst (het bevat binaire gegevens).");
        }

        return text;
    }

    /// <summary>Checks <paramref name="csv"/> and, unless <paramref name="dryRun"/> or a row has an error, stores it. Request-level problems throw a <see cref="ValidationException"/>.</summary>
    public static async Task<ImportReport> RunAsync(string csv, ImportDefaults defaults, bool dryRun, RegioFlowDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var failures = new List<ValidationFailure>();
        var source = defaults.Source?.Trim() ?? "";
        if (source.Length == 0)
        {
            failures.Add(new("source", "Geef de bron op (source): de naam van de inventarisatie, bijvoorbeeld 'Inventarisatie Zuid-Holland 2022'."));
        }
        else if (source.Length > 200)
        {
            failures.Add(new("source", "De bron (source) is te lang: hoogstens 200 tekens."));
        }

        var regions = await db.Regions.AsNoTracking().Select(r => new { r.Id, r.Code, r.Name }).ToListAsync(cancellationToken);
        var gemeenten = await db.Gemeenten.AsNoTracking().Select(g => new { g.Name, g.RegionId }).ToListAsync(cancellationToken);
        int? FindRegion(string value) => regions.FirstOrDefault(r => string.Equals(r.Code, value, StringComparison.OrdinalIgnoreCase) || string.Equals(r.Name, value, StringComparison.OrdinalIgnoreCase))?.Id;

        int? defaultRegion = null;
        if (!string.IsNullOrWhiteSpace(defaults.Region) && (defaultRegion = FindRegion(defaults.Region.Trim())) is null)
        {
            failures.Add(new("region", $"Onbekende regio '{defaults.Region.Trim()}'. Gebruik de code of naam van een arbeidsmarktregio, bijvoorbeeld 'holland-rijnland' (zie /api/regions)."));
        }

        var defaultSectors = ParseList(defaults.Sector, InitiativeCodes.Sectors, out var unknownSector);
        if (unknownSector is not null)
        {
            failures.Add(new("sector", $"Onbekende sector '{unknownSector}'. Kies uit: {string.Join(", ", InitiativeCodes.Sectors)}."));
        }

        var defaultType = RegisterFilter.ParseEnum<InitiativeType>(defaults.Type, t => t.Label());
        if (defaultType is { Valid: false })
        {
            failures.Add(new("type", $"Onbekend type '{defaults.Type!.Trim()}'. Kies uit: {TypeChoices}."));
        }

        var defaultStatus = RegisterFilter.ParseEnum<InitiativeStatus>(string.IsNullOrWhiteSpace(defaults.Status) ? "lopend" : defaults.Status, s => s.Label());
        if (defaultStatus is { Valid: false })
        {
            failures.Add(new("status", $"Onbekende status '{defaults.Status!.Trim()}'. Kies uit: {StatusChoices}."));
        }

        var table = CsvParser.Parse(csv);
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        var notes = new List<string>();
        for (var i = 0; i < table.Header.Count; i++)
        {
            var header = table.Header[i].Trim();
            if (Columns.TryGetValue(header, out var column) && !columns.ContainsKey(column))
            {
                columns[column] = i;
            }
            else if (header.Length > 0)
            {
                notes.Add($"Kolom '{Shorten(header, 60)}' is onbekend en genegeerd.");
            }
        }

        if (table.Header.Count == 0)
        {
            failures.Add(new("file", "Het bestand is leeg. Stuur een CSV-bestand met een kopregel en ten minste één rij."));
        }
        else if (!columns.ContainsKey("name"))
        {
            failures.Add(new("file", "Dit is geen inventarisatie in CSV: de kopregel heeft geen kolom 'naam' (of 'name', 'initiatief'). Verwachte kolommen: nummer, naam, activiteit, regio, gemeenten, sector, doelgroep, type, status, leeftijd, partners, start, einde."));
        }
        else if (table.Records.Count == 0)
        {
            failures.Add(new("file", "Het bestand heeft een kopregel maar geen rijen."));
        }
        else if (table.Records.Count > MaxRows)
        {
            failures.Add(new("file", $"Het bestand heeft {table.Records.Count} rijen; hoogstens {MaxRows} per import."));
        }

        if (failures.Count > 0)
        {
            throw new ValidationException(failures);
        }

        var gemeentePattern = new Regex(
            @"(?<![\p{L}\p{N}])(?:" + string.Join('|', gemeenten.Select(g => g.Name).OrderByDescending(n => n.Length).Select(Regex.Escape)) + @")(?![\p{L}\p{N}])",
            RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        var gemeenteRegion = gemeenten.GroupBy(g => g.Name, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First().RegionId, StringComparer.OrdinalIgnoreCase);

        var existing = await (dryRun ? db.Initiatives.AsNoTracking() : db.Initiatives).Where(i => i.Source == source)
            .ToDictionaryAsync(i => i.SourceKey ?? "", cancellationToken);

        var rows = new List<ParsedRow>();
        for (var index = 0; index < table.Records.Count; index++)
        {
            var record = table.Records[index];
            string Field(string column) => columns.TryGetValue(column, out var at) && at < record.Fields.Count ? Clean(record.Fields[at]) : "";
            var row = new ParsedRow(index + 1, record.Line);
            rows.Add(row);

            row.Name = Field("name");
            row.Activity = Field("activity");
            row.Number = Field("number");
            if (row.Name.Length == 0)
            {
                row.Error("naam ontbreekt");
            }
            else if (row.Name.Length > MaxName)
            {
                row.Error($"naam is te lang ({row.Name.Length} tekens, hoogstens {MaxName})");
            }

            if (row.Activity.Length > MaxActivity)
            {
                row.Error($"activiteit is te lang ({row.Activity.Length} tekens, hoogstens {MaxActivity})");
            }

            if (row.Number.Length > MaxKey)
            {
                row.Error($"nummer is te lang (hoogstens {MaxKey} tekens)");
            }

            row.Key = row.Number.Length > 0 ? row.Number : HashKey(row.Name, row.Activity);

            var gemeenteNames = new List<string>();
            foreach (var gemeente in Split(Field("gemeenten")))
            {
                if (gemeenteRegion.ContainsKey(gemeente))
                {
                    gemeenteNames.Add(gemeenten.First(g => string.Equals(g.Name, gemeente, StringComparison.OrdinalIgnoreCase)).Name);
                }
                else
                {
                    row.Error($"onbekende gemeente '{Shorten(gemeente, 60)}'");
                }
            }

            row.Gemeenten = gemeenteNames;

            var region = Field("region");
            if (region.Length > 0)
            {
                row.RegionId = FindRegion(region);
                if (row.RegionId is null)
                {
                    row.Error($"onbekende regio '{Shorten(region, 60)}'");
                }
            }
            else if (defaultRegion is not null)
            {
                row.RegionId = defaultRegion;
            }
            else if (gemeenteNames.Count > 0)
            {
                row.RegionId = gemeenteRegion[gemeenteNames[0]];
                row.Note($"regio afgeleid uit gemeente '{gemeenteNames[0]}'");
            }
            else if (gemeentePattern.Match($"{row.Name} {row.Activity}") is { Success: true, Length: > 0 } match)
            {
                row.RegionId = gemeenteRegion[match.Value];
                row.Note($"regio afgeleid uit '{match.Value}'");
            }
            else
            {
                row.Note("geen regio");
            }

            var type = Field("type");
            if (type.Length > 0)
            {
                var parsed = RegisterFilter.ParseEnum<InitiativeType>(type, t => t.Label());
                row.Type = parsed?.Value;
                if (parsed is { Valid: false })
                {
                    row.Error($"onbekend type '{Shorten(type, 60)}' (kies uit: {TypeChoices})");
                }
            }
            else if (defaultType is { Value: { } chosen })
            {
                row.Type = chosen;
            }
            else if (DeriveType(row.Name, row.Activity) is { } derived)
            {
                row.Type = derived.Type;
                row.Note($"type afgeleid: {derived.Type.Label()} (trefwoord '{derived.Keyword}')");
            }

            var status = Field("status");
            row.Status = defaultStatus!.Value.Value!.Value;
            if (status.Length > 0)
            {
                var parsed = RegisterFilter.ParseEnum<InitiativeStatus>(status, s => s.Label());
                if (parsed is { Valid: true, Value: { } value })
                {
                    row.Status = value;
                }
                else
                {
                    row.Error($"onbekende status '{Shorten(status, 60)}' (kies uit: {StatusChoices})");
                }
            }

            var ageBand = Field("ageBand");
            if (ageBand.Length > 0)
            {
                row.AgeBand = InitiativeCodes.AgeBands.FirstOrDefault(a => string.Equals(a, ageBand, StringComparison.OrdinalIgnoreCase) || string.Equals(a.Split(" (")[0], ageBand, StringComparison.OrdinalIgnoreCase));
                if (row.AgeBand is null)
                {
                    row.Error($"onbekende leeftijd '{Shorten(ageBand, 60)}' (kies uit: {string.Join(", ", InitiativeCodes.AgeBands)})");
                }
            }

            var sectorField = Field("sectors");
            string? badSector = null;
            row.Sectors = sectorField.Length > 0 ? ParseList(sectorField, InitiativeCodes.Sectors, out badSector) : defaultSectors;
            if (badSector is not null)
            {
                row.Error($"onbekende sector '{Shorten(badSector, 60)}' (kies uit: {string.Join(", ", InitiativeCodes.Sectors)})");
            }

            row.TargetGroups = ParseList(Field("targetGroups"), InitiativeCodes.TargetGroups, out var badGroup);
            if (badGroup is not null)
            {
                row.Error($"onbekende doelgroep '{Shorten(badGroup, 60)}' (kies uit: {string.Join(", ", InitiativeCodes.TargetGroups)})");
            }

            row.Partners = [.. Split(Field("partners")).Select(p => new InitiativePartner(Shorten(p, 300), PartnerRole.Partner))];
            row.Start = ParseDate(Field("start"), "start", row);
            row.End = ParseDate(Field("end"), "einde", row);
            if (row.Start is { } start && row.End is { } end && end < start)
            {
                row.Error("einde ligt vóór start");
            }
        }

        // Duplicates inside the file: a repeated number, or (without number) a repeated name + activity.
        foreach (var group in rows.GroupBy(r => (r.Number.Length > 0, r.Number.Length > 0 ? r.Number : r.Key)).Where(g => g.Count() > 1))
        {
            foreach (var row in group)
            {
                var others = string.Join(", ", group.Where(o => o != row).Select(o => o.Row));
                row.Error(group.Key.Item1 ? $"nummer {row.Number} dubbel in bestand (ook rij {others})" : $"naam en activiteit dubbel in bestand (ook rij {others})");
            }
        }

        foreach (var row in rows.Where(r => !r.HasError))
        {
            if (!existing.TryGetValue(row.Key, out var initiative))
            {
                row.Outcome = Nieuw;
                continue;
            }

            var changed = Changes(initiative, row);
            row.Outcome = changed.Count == 0 ? Ongewijzigd : Bijwerken;
            if (changed.Count > 0)
            {
                row.Note($"gewijzigd: {string.Join(", ", changed)}");
            }
        }

        var report = new ImportReport(
            dryRun,
            source,
            rows.Count,
            rows.Count(r => !r.HasError),
            rows.Count(r => r.HasError),
            rows.Count(r => r.Outcome == Nieuw),
            rows.Count(r => r.Outcome == Bijwerken),
            rows.Count(r => r.Outcome == Ongewijzigd),
            notes,
            [.. rows.Select(r => new ImportRowDto(r.Row, r.Line, r.Key, Shorten(r.Name, MaxName), r.HasError ? Fout : r.Outcome, r.Messages))]);

        if (dryRun || report.Errors > 0)
        {
            return report;
        }

        foreach (var row in rows)
        {
            var details = new RegisterDetails(row.Activity, row.Type, row.AgeBand, row.Gemeenten, row.Status);
            if (row.Outcome == Nieuw)
            {
                db.Initiatives.Add(new Initiative(source, row.Key, Content(row, null), details, now));
            }
            else if (row.Outcome == Bijwerken)
            {
                var initiative = existing[row.Key];
                initiative.Update(Content(row, initiative));
                initiative.Describe(details);
                initiative.Register(now);
            }
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            throw new ConflictException("Tegelijk met deze import is dezelfde inventarisatie ingelezen; er is niets opgeslagen. Probeer het opnieuw.");
        }

        return report;
    }

    /// <summary>The type the keyword rules give a row's name and activity, with the keyword that decided it.</summary>
    public static (InitiativeType Type, string Keyword)? DeriveType(string name, string activity)
    {
        var text = InitiativeSimilarity.Normalise($"{name} {activity}");
        foreach (var (type, keywords) in TypeRules)
        {
            if (keywords.FirstOrDefault(text.Contains) is { } keyword)
            {
                return (type, keyword);
            }
        }

        return null;
    }

    /// <summary>The key of a row without number: a hash of its normalised name and activity ("h-" and 16 hex digits).</summary>
    public static string HashKey(string name, string activity)
    {
        static string Norm(string s) => string.Join(' ', InitiativeSimilarity.Normalise(s).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{Norm(name)}\n{Norm(activity)}"));
        return "h-" + Convert.ToHexStringLower(hash)[..16];
    }

    private static InitiativeContent Content(ParsedRow row, Initiative? existing) => new(
        row.Name,
        existing?.Problem ?? "",
        existing?.Goals ?? "",
        row.TargetGroups,
        row.Sectors,
        row.RegionId,
        row.Start,
        row.End,
        row.Partners,
        existing?.BudgetLines ?? [],
        existing?.FundingLines ?? [],
        existing?.Kpis ?? [],
        existing?.BorgingPlan);

    private static List<string> Changes(Initiative i, ParsedRow row)
    {
        var changes = new List<string>();
        void Check(bool same, string what)
        {
            if (!same)
            {
                changes.Add(what);
            }
        }

        Check(i.Title == row.Name, "naam");
        Check(i.Activity == row.Activity, "activiteit");
        Check(i.RegionId == row.RegionId, "regio");
        Check(i.Gemeenten.SequenceEqual(row.Gemeenten), "gemeenten");
        Check(i.Sectors.SequenceEqual(row.Sectors), "sector");
        Check(i.TargetGroups.SequenceEqual(row.TargetGroups), "doelgroep");
        Check(i.Type == row.Type, "type");
        Check(i.Status == row.Status, "status");
        Check(i.AgeBand == row.AgeBand, "leeftijd");
        Check(i.Partners.SequenceEqual(row.Partners), "partners");
        Check(i.StartDate == row.Start && i.EndDate == row.End, "looptijd");
        return changes;
    }

    private static string TypeChoices => string.Join(", ", Enum.GetValues<InitiativeType>().Select(t => t.Label()));

    private static string StatusChoices => string.Join(", ", Enum.GetValues<InitiativeStatus>().Select(s => s.Label()));

    /// <summary>Trimmed, inner runs of white space (OCR line breaks) made one space.</summary>
    private static string Clean(string value) => string.Join(' ', value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static string Shorten(string value, int max) => value.Length <= max ? value : value[..(max - 1)] + "…";

    private static IEnumerable<string> Split(string value) =>
        value.Split([';', '|'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.OrdinalIgnoreCase);

    /// <summary>The values of a ';'- (or ',')-separated list as the code list spells them; <paramref name="unknown"/> is the first value not in it.</summary>
    private static IReadOnlyList<string> ParseList(string? value, IReadOnlyList<string> codes, out string? unknown)
    {
        unknown = null;
        var result = new List<string>();
        if (string.IsNullOrWhiteSpace(value))
        {
            return result;
        }

        var parts = value.Contains(';') || value.Contains('|') ? Split(value) : codes.Any(c => string.Equals(c, value.Trim(), StringComparison.OrdinalIgnoreCase)) ? [value.Trim()] : value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        foreach (var part in parts)
        {
            if (codes.FirstOrDefault(c => string.Equals(c, part, StringComparison.OrdinalIgnoreCase)) is { } code)
            {
                if (!result.Contains(code))
                {
                    result.Add(code);
                }
            }
            else
            {
                unknown ??= part;
            }
        }

        return result;
    }

    private static DateOnly? ParseDate(string value, string what, ParsedRow row)
    {
        if (value.Length == 0)
        {
            return null;
        }

        if (DateOnly.TryParseExact(value, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        row.Error($"{what} '{Shorten(value, 40)}' is geen datum (gebruik jjjj-mm-dd)");
        return null;
    }

    private static ValidationException Invalid(string field, string message) => new([new ValidationFailure(field, message)]);

    private sealed class ParsedRow(int row, int line)
    {
        private readonly List<string> _messages = [];

        public int Row { get; } = row;

        public int Line { get; } = line;

        public string Number { get; set; } = "";

        public string Key { get; set; } = "";

        public string Name { get; set; } = "";

        public string Activity { get; set; } = "";

        public int? RegionId { get; set; }

        public IReadOnlyList<string> Gemeenten { get; set; } = [];

        public IReadOnlyList<string> Sectors { get; set; } = [];

        public IReadOnlyList<string> TargetGroups { get; set; } = [];

        public InitiativeType? Type { get; set; }

        public InitiativeStatus Status { get; set; }

        public string? AgeBand { get; set; }

        public IReadOnlyList<InitiativePartner> Partners { get; set; } = [];

        public DateOnly? Start { get; set; }

        public DateOnly? End { get; set; }

        public string Outcome { get; set; } = Fout;

        public bool HasError { get; private set; }

        public IReadOnlyList<string> Messages => _messages;

        public void Error(string message)
        {
            HasError = true;
            _messages.Add(message);
        }

        public void Note(string message) => _messages.Add(message);
    }
}


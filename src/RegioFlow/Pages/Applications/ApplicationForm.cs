using System.Globalization;
using System.Text.RegularExpressions;
using RegioFlow.Domain;
using RegioFlow.Features.Applications;

namespace RegioFlow.Pages.Applications;

/// <summary>
/// The application form as the browser posts it: every value a string, so a typo is shown back as typed with a Dutch
/// message instead of being lost by model binding. Each step posts only its own fields; <see cref="Merge"/> lays them
/// over the stored draft, so the page sends the complete <see cref="InitiativeInput"/> that UpdateApplication expects.
/// </summary>
public sealed partial class ApplicationForm
{
    /// <summary>Empty rows shown after the filled ones, so a row can be added without script.</summary>
    public const int BlankRows = 2;

    public static readonly string[] StepTitles =
        ["Regeling en bedrag", "Initiatief", "Partners, begroting en financiering", "KPI's en borgingsplan", "Controleren en indienen"];

    public string? Amount { get; set; }

    public string? Title { get; set; }

    public string? Problem { get; set; }

    public string? Goals { get; set; }

    /// <summary>One per line (or separated by commas).</summary>
    public string? TargetGroups { get; set; }

    public string? Sectors { get; set; }

    public int? RegionId { get; set; }

    /// <summary>yyyy-MM-dd, as &lt;input type="date"&gt; sends it.</summary>
    public string? StartDate { get; set; }

    public string? EndDate { get; set; }

    public List<PartnerRow> Partners { get; set; } = [];

    public List<BudgetRow> BudgetLines { get; set; } = [];

    public List<FundingRow> FundingLines { get; set; } = [];

    public List<KpiRow> Kpis { get; set; } = [];

    public string? BorgingOwner { get; set; }

    public string? BorgingFundingAfter { get; set; }

    public string? BorgingJoinsServices { get; set; }

    public sealed class PartnerRow
    {
        public string? Name { get; set; }

        public string? Role { get; set; }
    }

    public sealed class BudgetRow
    {
        public string? Description { get; set; }

        public string? Amount { get; set; }
    }

    public sealed class FundingRow
    {
        public string? Funder { get; set; }

        public string? Amount { get; set; }

        public string? Status { get; set; }

        public bool InKind { get; set; }
    }

    public sealed class KpiRow
    {
        public string? Indicator { get; set; }

        public string? Target { get; set; }
    }

    /// <summary>The stored draft as form values, with <see cref="BlankRows"/> empty rows after each list.</summary>
    public static ApplicationForm From(ApplicationDto application)
    {
        var i = application.Initiative;
        var form = new ApplicationForm
        {
            Amount = Display.Amount(application.RequestedAmount),
            Title = i.Title,
            Problem = i.Problem,
            Goals = i.Goals,
            TargetGroups = string.Join("\n", i.TargetGroups ?? []),
            Sectors = string.Join("\n", i.Sectors ?? []),
            RegionId = i.RegionId,
            StartDate = i.StartDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            EndDate = i.EndDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Partners = [.. (i.Partners ?? []).Select(p => new PartnerRow { Name = p.Name, Role = p.Role.ToString() })],
            BudgetLines = [.. (i.BudgetLines ?? []).Select(b => new BudgetRow { Description = b.Description, Amount = Display.Amount(b.Amount) })],
            FundingLines = [.. (i.FundingLines ?? []).Select(f => new FundingRow { Funder = f.Funder, Amount = Display.Amount(f.Amount), Status = f.Status.ToString(), InKind = f.InKind })],
            Kpis = [.. (i.Kpis ?? []).Select(k => new KpiRow { Indicator = k.Indicator, Target = Display.Amount(k.Target) })],
            BorgingOwner = i.BorgingPlan?.Owner,
            BorgingFundingAfter = i.BorgingPlan?.FundingAfter,
            BorgingJoinsServices = i.BorgingPlan?.JoinsServices,
        };
        form.PadRows();
        return form;
    }

    /// <summary>Makes sure every list ends with <see cref="BlankRows"/> empty rows (after a failed post, too).</summary>
    public void PadRows()
    {
        Pad(Partners, p => string.IsNullOrWhiteSpace(p.Name) && string.IsNullOrWhiteSpace(p.Role));
        Pad(BudgetLines, b => string.IsNullOrWhiteSpace(b.Description) && string.IsNullOrWhiteSpace(b.Amount));
        Pad(FundingLines, f => string.IsNullOrWhiteSpace(f.Funder) && string.IsNullOrWhiteSpace(f.Amount));
        Pad(Kpis, k => string.IsNullOrWhiteSpace(k.Indicator) && string.IsNullOrWhiteSpace(k.Target));
    }

    private static void Pad<T>(List<T> rows, Func<T, bool> blank)
        where T : new()
    {
        var trailing = rows.AsEnumerable().Reverse().TakeWhile(blank).Count();
        for (var n = trailing; n < BlankRows; n++)
        {
            rows.Add(new T());
        }
    }

    /// <summary>The amount of step 1, or the stored one on other steps; null with an error when it cannot be read.</summary>
    public decimal? RequestedAmount(int step, decimal stored, StepErrors errors) =>
        step == 1 ? ParseAmount(Amount, "requestedamount", errors, required: false) : stored;

    /// <summary>
    /// The stored initiative with the fields of <paramref name="step"/> replaced by what was posted. Blank rows are
    /// left out; <paramref name="errors"/> learns which posted row each sent row came from, so the handler's
    /// "partners[0].name" lands on the right row.
    /// </summary>
    public InitiativeInput Merge(InitiativeInput stored, int step, StepErrors errors)
    {
        switch (step)
        {
            case 1:
                return stored with { Title = Title };
            case 2:
                return stored with
                {
                    Title = Title,
                    Problem = Problem,
                    Goals = Goals,
                    TargetGroups = Split(TargetGroups),
                    Sectors = Split(Sectors),
                    RegionId = RegionId,
                    StartDate = ParseDate(StartDate, "startdate", errors),
                    EndDate = ParseDate(EndDate, "enddate", errors),
                };
            case 3:
                return stored with
                {
                    Partners = Rows(Partners, "partners", p => string.IsNullOrWhiteSpace(p.Name) && string.IsNullOrWhiteSpace(p.Role), errors,
                        (p, _) => new InitiativePartner(p.Name?.Trim() ?? "", Enum.TryParse<PartnerRole>(p.Role, out var role) ? role : (PartnerRole)(-1))),
                    BudgetLines = Rows(BudgetLines, "budgetlines", b => string.IsNullOrWhiteSpace(b.Description) && string.IsNullOrWhiteSpace(b.Amount), errors,
                        (b, key) => new BudgetLine(b.Description?.Trim() ?? "", ParseAmount(b.Amount, $"{key}.amount", errors, required: true) ?? 0)),
                    FundingLines = Rows(FundingLines, "fundinglines", f => string.IsNullOrWhiteSpace(f.Funder) && string.IsNullOrWhiteSpace(f.Amount), errors,
                        (f, key) => new FundingLine(f.Funder?.Trim() ?? "", ParseAmount(f.Amount, $"{key}.amount", errors, required: true) ?? 0,
                            Enum.TryParse<FundingStatus>(f.Status, out var status) ? status : (FundingStatus)(-1), f.InKind)),
                };
            case 4:
                var actuals = (stored.Kpis ?? []).Where(k => k.Actual is not null).ToDictionary(k => k.Indicator, k => k.Actual);
                var blankPlan = string.IsNullOrWhiteSpace(BorgingOwner) && string.IsNullOrWhiteSpace(BorgingFundingAfter) && string.IsNullOrWhiteSpace(BorgingJoinsServices);
                return stored with
                {
                    Kpis = Rows(Kpis, "kpis", k => string.IsNullOrWhiteSpace(k.Indicator) && string.IsNullOrWhiteSpace(k.Target), errors,
                        (k, key) => new Kpi(k.Indicator?.Trim() ?? "", ParseAmount(k.Target, $"{key}.target", errors, required: true, what: "de streefwaarde") ?? 0,
                            actuals.GetValueOrDefault(k.Indicator?.Trim() ?? ""))),
                    BorgingPlan = blankPlan ? null : new BorgingPlan(BorgingOwner?.Trim() ?? "", BorgingFundingAfter?.Trim() ?? "", BorgingJoinsServices?.Trim() ?? ""),
                };
            default:
                return stored;
        }
    }

    private static List<TOut> Rows<TRow, TOut>(List<TRow> rows, string list, Func<TRow, bool> blank, StepErrors errors, Func<TRow, string, TOut> convert)
    {
        var result = new List<TOut>();
        for (var row = 0; row < rows.Count; row++)
        {
            if (blank(rows[row]))
            {
                continue;
            }

            errors.MapRow(list, result.Count, row);
            result.Add(convert(rows[row], $"{list}[{row}]"));
        }

        return result;
    }

    private static List<string> Split(string? text) =>
        [.. (text ?? "").Split(['\n', ',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct()];

    private static DateOnly? ParseDate(string? text, string key, StepErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            || DateOnly.TryParseExact(text.Trim(), ["d-M-yyyy", "d/M/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            return date;
        }

        errors.Add(key, "Vul een geldige datum in, bijvoorbeeld 31-12-2026.");
        return null;
    }

    /// <summary>
    /// Reads "12500", "12500,50", "12.500,50" and "12500.50" (a point followed by one or two digits is read as the
    /// decimal separator, as people paste it from elsewhere); anything else is an error in Dutch.
    /// </summary>
    internal static decimal? ParseAmount(string? text, string key, StepErrors errors, bool required, string what = "het bedrag")
    {
        var value = (text ?? "").Replace("€", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal).Trim();
        if (value.Length == 0)
        {
            if (required)
            {
                errors.Add(key, $"Vul {what} in.");
            }

            return null;
        }

        var culture = PointDecimal().IsMatch(value) ? CultureInfo.InvariantCulture : CultureInfo.GetCultureInfo("nl-NL");
        if (decimal.TryParse(value, NumberStyles.Number, culture, out var amount))
        {
            return amount;
        }

        errors.Add(key, $"Vul {what} in als getal, bijvoorbeeld 12500 of 12.500,00.");
        return null;
    }

    [GeneratedRegex(@"^-?\d+\.\d{1,2}$")]
    private static partial Regex PointDecimal();
}

/// <summary>
/// Field errors by a lower-case key ("title", "budgetlines[1].amount", "borgingplan"), whatever casing and prefix the
/// validator used ("Initiative.Title", "initiative.budgetLines"), and with list indexes turned back into form rows.
/// </summary>
public sealed partial class StepErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<(string List, int Sent), int> _rows = [];

    public bool Any => _errors.Count > 0;

    public IEnumerable<string> All => _errors.Values.SelectMany(e => e).Distinct();

    public void Add(string key, string message)
    {
        if (!_errors.TryGetValue(key, out var list))
        {
            _errors[key] = list = [];
        }

        if (!list.Contains(message))
        {
            list.Add(message);
        }
    }

    public void MapRow(string list, int sent, int row) => _rows[(list, sent)] = row;

    /// <summary>Adds a failure from a validator or from SubmitApplication under the form's key.</summary>
    public void AddFailure(string propertyName, string message) => Add(Normalise(propertyName), message);

    public string? For(string key) => _errors.TryGetValue(key, out var list) ? string.Join(" ", list) : null;

    /// <summary>Any error under this key or below it ("budgetlines" also finds "budgetlines[0].amount").</summary>
    public bool Under(string prefix) => _errors.Keys.Any(k => k.Equals(prefix, StringComparison.OrdinalIgnoreCase) || k.StartsWith(prefix + "[", StringComparison.OrdinalIgnoreCase) || k.StartsWith(prefix + ".", StringComparison.OrdinalIgnoreCase));

    private string Normalise(string propertyName)
    {
        var key = propertyName.ToLowerInvariant();
        if (key.StartsWith("initiative.", StringComparison.Ordinal))
        {
            key = key["initiative.".Length..];
        }

        var match = IndexedKey().Match(key);
        if (!match.Success)
        {
            return key;
        }

        var list = match.Groups[1].Value;
        if (list is "targetgroups" or "sectors")
        {
            return list;
        }

        var sent = int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture);
        var row = _rows.TryGetValue((list, sent), out var mapped) ? mapped : sent;
        return $"{list}[{row}]{match.Groups[3].Value}";
    }

    [GeneratedRegex(@"^(\w+)\[(\d+)\](.*)$")]
    private static partial Regex IndexedKey();
}

using System.Globalization;
using System.Text.Json;
using RegioFlow.Common;
using RegioFlow.Workflows;

namespace RegioFlow.Pages.Applications;

/// <summary>How the application pages write dates, journal events and payment states in Dutch.</summary>
public static class Display
{
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    /// <summary>"5 januari 2026", in Dutch local time.</summary>
    public static string Date(DateTimeOffset instant) => Date(DutchCalendar.LocalDate(instant));

    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", Dutch);

    /// <summary>"5 januari 2026, 10:00", in Dutch local time.</summary>
    public static string DateTime(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, DutchCalendar.Amsterdam).ToString("d MMMM yyyy, HH:mm", Dutch);

    /// <summary>An amount as typed in a form field: "12500,50" (no thousands separator, so it parses back the same).</summary>
    public static string Amount(decimal? amount) => amount?.ToString("0.##", Dutch) ?? "";

    public static string JournalKind(string kind) => kind switch
    {
        "CaseStarted" => "Zaak gestart",
        "TriggerFired" => "Stap gezet",
        "StateEntered" => "Nieuwe toestand",
        "DeadlineScheduled" => "Termijn gepland",
        "DeadlineFired" => "Termijn verlopen",
        "DeadlineCancelled" => "Termijn vervallen",
        "DeadlinePaused" => "Termijn gepauzeerd",
        "DeadlineResumed" => "Termijn hervat",
        "ReminderSent" => "Herinnering verstuurd",
        "Suspended" => "Opgeschort",
        "Resumed" => "Hervat",
        "Extended" => "Verlengd",
        "Incident" => "Incident",
        _ => kind,
    };

    /// <summary>Engine bookkeeping (timers planned and cancelled, the state entered after a step) stays off the timeline.</summary>
    public static bool OnTimeline(string kind) => kind is not ("StateEntered" or "DeadlineScheduled" or "DeadlineCancelled" or "DeadlinePaused" or "DeadlineResumed");

    public static string DeadlineKind(string kind) => kind switch
    {
        "Reminder" => "Herinnering",
        "Timeout" => "Termijn",
        "Escalation" => "Escalatie",
        _ => kind,
    };

    /// <summary>The table's advice as the toetsing and decision pages write it ("Positief"), not as the API stores it.</summary>
    public static string Advice(string advice) => advice switch
    {
        "positief" => "Positief",
        "negatief" => "Negatief",
        "aanhouden" => "Aanhouden",
        _ => advice,
    };

    /// <summary>A detected document type as people name it.</summary>
    public static string DocumentType(string contentType) => contentType switch
    {
        "application/pdf" => "PDF",
        "image/png" => "PNG",
        "image/jpeg" => "JPG",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document" => "Word (DOCX)",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" => "Excel (XLSX)",
        "application/vnd.oasis.opendocument.text" => "ODT",
        _ => contentType,
    };

    /// <summary>"340 bytes", "12,5 kB", "3,2 MB".</summary>
    public static string FileSize(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} bytes",
        < 1024 * 1024 => (bytes / 1024m).ToString("0.#", Dutch) + " kB",
        _ => (bytes / (1024m * 1024m)).ToString("0.#", Dutch) + " MB",
    };

    /// <summary>The borging outcomes in the order of the form, with the Dutch labels the fund administrator reads.</summary>
    public static readonly IReadOnlyList<(string Value, string Label)> BorgingOutcomes =
    [
        (nameof(Domain.BorgingOutcome.OvergedragenAanLeden), "Overgedragen aan de leden"),
        (nameof(Domain.BorgingOutcome.Bijdragemodel), "Bijdragemodel"),
        (nameof(Domain.BorgingOutcome.OnderdeelVanSchool), "Onderdeel van een school"),
        (nameof(Domain.BorgingOutcome.StructureleFinanciering), "Structurele financiering"),
        (nameof(Domain.BorgingOutcome.Vervolgaanvraag), "Vervolgaanvraag"),
        (nameof(Domain.BorgingOutcome.OpgegaanInAnderVerband), "Opgegaan in ander verband"),
        (nameof(Domain.BorgingOutcome.Gestopt), "Gestopt"),
        (nameof(Domain.BorgingOutcome.Onduidelijk), "Onduidelijk"),
    ];

    public static string BorgingOutcome(string outcome) => BorgingOutcomes.FirstOrDefault(o => o.Value == outcome).Label ?? outcome;

    /// <summary>
    /// The parameters a step carried ({"toelichting":"…"}) as "toelichting: …". The engine keeps an amount invariant
    /// ("120000.00"), which a Dutch reader takes for twelve million; it is shown as money like everywhere else.
    /// </summary>
    public static string? Parameters(string? detail)
    {
        if (string.IsNullOrWhiteSpace(detail) || !detail.StartsWith('{'))
        {
            return detail;
        }

        try
        {
            var values = JsonSerializer.Deserialize<Dictionary<string, string>>(detail);
            return values is null ? detail : string.Join("; ", values.Select(v => $"{v.Key}: {Value(v.Key, v.Value)}"));
        }
        catch (JsonException)
        {
            return detail;
        }
    }

    private static string Value(string name, string value) =>
        name == "bedrag" && decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var amount) ? Money.Format(amount) : value;
}

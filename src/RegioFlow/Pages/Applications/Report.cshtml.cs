using System.Globalization;
using System.Text.RegularExpressions;
using FluentValidation;
using FluentValidation.Results;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RegioFlow.Common;
using RegioFlow.Features.Applications;
using RegioFlow.Features.Cases;

namespace RegioFlow.Pages.Applications;

/// <summary>
/// The reports of one application: the list (late ones marked) for everyone who may see it, and for the initiative
/// lead during the execution the form for a progress report or the final report, with a field per KPI of the
/// initiative. It sends the same <see cref="SubmitReport.Command"/> as the API; a KPI left empty is not sent, because
/// a progress report may not have every figure yet.
/// </summary>
public sealed partial class ReportModel(IMediator mediator) : PageModel
{
    public ApplicationDto Application { get; private set; } = null!;

    public IReadOnlyList<ReportDto> Reports { get; private set; } = [];

    /// <summary>The workflow lets this user report now (initiator, in uitvoering).</summary>
    public bool CanReport { get; private set; }

    /// <summary>A conflict with the current state (reported meanwhile, stale version), for the alert above the form.</summary>
    public string? Conflict { get; private set; }

    [BindProperty]
    public ReportInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, string? soort, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        Input.Kind = soort is not null && SubmitReport.Kinds.ContainsKey(soort) ? soort : "voortgang";
        Input.KpiActuals = [.. (Application.Initiative.Kpis ?? []).Select(k => new KpiField
        {
            Indicator = k.Indicator,
            Actual = k.Actual?.ToString("0.##", CultureInfo.GetCultureInfo("nl-NL")),
        })];
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        decimal? spent = null;
        if (Money.TryParseInput(Input.SpentToDate, out var parsedSpent))
        {
            spent = parsedSpent;
        }
        else if (!string.IsNullOrWhiteSpace(Input.SpentToDate))
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(ReportInput.SpentToDate)}", "Vul het bedrag in euro's in, bijvoorbeeld 125000 of 125.000,50.");
        }

        var sent = new List<(KpiActualInput Kpi, int Index)>();
        for (var index = 0; index < Input.KpiActuals.Count; index++)
        {
            var field = Input.KpiActuals[index];
            if (string.IsNullOrWhiteSpace(field.Actual))
            {
                continue;
            }

            if (Money.TryParseInput(field.Actual, out var actual))
            {
                sent.Add((new KpiActualInput(field.Indicator, actual), index));
            }
            else
            {
                ModelState.AddModelError($"{nameof(Input)}.{nameof(ReportInput.KpiActuals)}[{index}].{nameof(KpiField.Actual)}", "Vul een getal in, bijvoorbeeld 58 of 12,5.");
            }
        }

        var status = StatusCodes.Status400BadRequest;
        try
        {
            if (ModelState.IsValid)
            {
                var report = await mediator.Send(new SubmitReport.Command(id, Input.Kind, Input.Summary, spent, [.. sent.Select(s => s.Kpi)], Input.Version), cancellationToken);
                TempData[nameof(DetailModel.Status)] = report.Kind == "eindverantwoording"
                    ? "De eindverantwoording is ingediend; de fondsbeheerder stelt nu de subsidie vast."
                    : report.Late ? "De voortgangsrapportage is ingediend (na de herinnering, dus als te laat gemarkeerd)." : "De voortgangsrapportage is ingediend.";
                return RedirectToPage("Detail", new { id });
            }
        }
        catch (ValidationException validation)
        {
            // "kpiActuals[1].actual" is the second KPI sent; the form field is that of its row.
            FormErrors.Add(ModelState, nameof(Input), new ValidationException(validation.Errors.Select(error =>
                KpiPath().Match(error.PropertyName) is { Success: true } match && int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) is var k && k < sent.Count
                    ? new ValidationFailure($"{nameof(ReportInput.KpiActuals)}[{sent[k].Index}].{(match.Groups[2].Value.Equals("indicator", StringComparison.OrdinalIgnoreCase) ? nameof(KpiField.Actual) : match.Groups[2].Value)}", error.ErrorMessage)
                    : error)));
        }
        catch (ConflictException conflict)
        {
            Conflict = conflict.Message;
            status = StatusCodes.Status409Conflict;
        }
        catch (ForbiddenException)
        {
            return Forbid();
        }
        catch (NotFoundException)
        {
            return NotFound();
        }

        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        Response.StatusCode = status;
        return Page();
    }

    /// <summary>Loads the application, its reports and whether the user may report; a result only for 403 or 404.</summary>
    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        try
        {
            Application = await mediator.Send(new GetApplication.Query(id), cancellationToken);
            Reports = await mediator.Send(new ListReports.Query(id), cancellationToken);
            var @case = await mediator.Send(new GetCase.Query(Application.CaseId), cancellationToken);
            CanReport = @case.Triggers.Any(t => t.Allowed && SubmitReport.Kinds.Values.Any(k => k.Trigger == t.Trigger));
            Input.Version ??= Application.CaseVersion;
            return null;
        }
        catch (ForbiddenException)
        {
            return Forbid();
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
    }

    [GeneratedRegex(@"^kpiActuals\[(\d+)\]\.(\w+)$", RegexOptions.IgnoreCase)]
    private static partial Regex KpiPath();

    public sealed class ReportInput
    {
        /// <summary>voortgang or eindverantwoording (<see cref="SubmitReport.Kinds"/>).</summary>
        public string? Kind { get; set; }

        public string? Summary { get; set; }

        /// <summary>Text, so "125.000,50" can be read the Dutch way (<see cref="Money.TryParseInput"/>).</summary>
        public string? SpentToDate { get; set; }

        /// <summary>One row per KPI of the initiative, in the initiative's order.</summary>
        public List<KpiField> KpiActuals { get; set; } = [];

        public long? Version { get; set; }
    }

    public sealed class KpiField
    {
        public string? Indicator { get; set; }

        /// <summary>Text, so "12,5" is read the Dutch way and an odd value gets a Dutch message.</summary>
        public string? Actual { get; set; }
    }
}

using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RegioFlow.Auth;
using RegioFlow.Common;
using RegioFlow.Domain;
using RegioFlow.Features.Initiatives;
using RegioFlow.Pages.Applications;

namespace RegioFlow.Pages.Initiatives;

/// <summary>
/// Import an inventory of initiatives (CSV) in two steps, as POST /api/initiatives/import does: "Controleren" runs a dry
/// run and shows the report per row; "Importeren" (only without errors) stores it, "Annuleren" stores nothing. Between
/// the steps the CSV text travels in a hidden field, never in the database; the import step checks it all again, so
/// what is stored is always what was checked. Fund administrators and admins only.
/// </summary>
[RequestFormLimits(ValueLengthLimit = InitiativeImport.MaxBytes + 1024, MultipartBodyLengthLimit = InitiativeImport.MaxBytes + (1024 * 1024))]
[RequestSizeLimit(2 * (InitiativeImport.MaxBytes + (1024 * 1024)))]
public sealed class ImportModel(IMediator mediator, CurrentUser currentUser) : PageModel
{
    [BindProperty]
    public ImportInput Input { get; set; } = new();

    /// <summary>The uploaded file (step one only).</summary>
    [BindProperty]
    public IFormFile? Upload { get; set; }

    /// <summary>The checked CSV text (step two), carried in a hidden field.</summary>
    [BindProperty]
    public string? Csv { get; set; }

    public StepErrors Errors { get; } = new();

    public ImportReport? Report { get; private set; }

    [TempData]
    public string? Status { get; set; }

    private bool Allowed => currentUser.IsInRole(Role.FundAdministrator) || currentUser.IsInRole(Role.Admin);

    public IActionResult OnGet() => Allowed ? Page() : StatusCode(StatusCodes.Status403Forbidden);

    public async Task<IActionResult> OnPostCheckAsync(CancellationToken cancellationToken)
    {
        if (!Allowed)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        if (Upload is null || Upload.Length == 0)
        {
            Errors.Add("file", "Kies een CSV-bestand met de inventarisatie.");
        }
        else if (Upload.Length > InitiativeImport.MaxBytes)
        {
            Errors.Add("file", $"Het bestand is te groot: een inventarisatie mag hoogstens {InitiativeImport.MaxBytes / (1024 * 1024)} MB zijn.");
        }
        else
        {
            using var memory = new MemoryStream();
            await Upload.CopyToAsync(memory, cancellationToken);
            try
            {
                Csv = InitiativeImport.Decode(memory.ToArray());
            }
            catch (ValidationException validation)
            {
                validation.Errors.ToList().ForEach(e => Errors.Add("file", e.ErrorMessage));
            }
        }

        return await RunAsync(dryRun: true, cancellationToken);
    }

    public async Task<IActionResult> OnPostImportAsync(CancellationToken cancellationToken)
    {
        if (!Allowed)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        if (string.IsNullOrEmpty(Csv))
        {
            Errors.Add("file", "Er is geen gecontroleerd bestand; kies het bestand en controleer het eerst.");
        }

        return await RunAsync(dryRun: false, cancellationToken);
    }

    public IActionResult OnPostCancel()
    {
        if (!Allowed)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        Status = "De import is geannuleerd; er is niets opgeslagen.";
        return Redirect("/initiatieven/importeren");
    }

    private async Task<IActionResult> RunAsync(bool dryRun, CancellationToken cancellationToken)
    {
        if (Errors.Any)
        {
            Csv = null;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        try
        {
            Report = await mediator.Send(
                new ImportInitiatives.Command(Csv!, new ImportDefaults(Input.Source, Input.Region, Input.Sector, Input.Type, Input.Status), dryRun), cancellationToken);
        }
        catch (ValidationException validation)
        {
            validation.Errors.ToList().ForEach(e => Errors.Add(e.PropertyName.ToLowerInvariant(), e.ErrorMessage));
            Csv = null;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        catch (ConflictException conflict)
        {
            Errors.Add("file", conflict.Message);
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }

        if (dryRun || Report.Errors > 0)
        {
            if (Report.Errors > 0)
            {
                Response.StatusCode = dryRun ? StatusCodes.Status200OK : StatusCodes.Status422UnprocessableEntity;
            }

            return Page();
        }

        Status = $"De inventarisatie '{Report.Source}' is geïmporteerd: {Report.Created} nieuw, {Report.Updated} bijgewerkt, {Report.Unchanged} ongewijzigd.";
        return Redirect("/initiatieven/importeren");
    }
}

public sealed class ImportInput
{
    public string? Source { get; set; }

    public string? Region { get; set; }

    public string? Sector { get; set; }

    public string? Type { get; set; }

    public string? Status { get; set; } = "lopend";
}

using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RegioFlow.Auth;
using RegioFlow.Common;
using RegioFlow.Domain;
using RegioFlow.Features.Applications;
using RegioFlow.Features.Cases;
using RegioFlow.Workflows;

namespace RegioFlow.Pages.Applications;

/// <summary>
/// The case page of one application: summary, state and clocks, open deadlines, timeline, payments, documents, and the
/// steps the user may take now. Generic steps post here and send the same <see cref="FireTrigger.Command"/> as the case
/// API; steps that carry data of their own are links to their page. Documents (upload and download) and the tranche
/// request post here too and send the API's commands. The page keeps the server's request limit (Program.cs, 25 MB)
/// rather than the upload route's tighter one, so a file of 20 to 25 MB gets the command's Dutch field error on the
/// form instead of a bare 413.
/// </summary>
public sealed class DetailModel(IMediator mediator, WorkflowRegistry registry, CurrentUser currentUser) : PageModel
{
    /// <summary>The scheme page (budget, payments) is the fund administrator's; others get only this summary.</summary>
    public bool ShowsSchemeLink => currentUser.IsInRole(Role.FundAdministrator);

    /// <summary>Steps without data of their own; the page fires them itself. Only 'onvolledig' asks for a toelichting.</summary>
    internal static readonly string[] GenericTriggers = ["in-behandeling-nemen", "volledig", "onvolledig", "aanvullen", "intrekken", "opnieuw-agenderen"];

    public ApplicationDto Application { get; private set; } = null!;

    public CaseDto Case { get; private set; } = null!;

    public GetAdvice.AdviceDto? Advice { get; private set; }

    public IReadOnlyList<GetCaseHistory.JournalEntryDto> Timeline { get; private set; } = [];

    public IReadOnlyList<PaymentDto> Payments { get; private set; } = [];

    public IReadOnlyList<DocumentDto> Documents { get; private set; } = [];

    /// <summary>The grant and what is left of it, and whether the upload and tranche forms are offered.</summary>
    public GetExecution.Response Execution { get; private set; } = null!;

    [BindProperty]
    public UploadInput Upload { get; set; } = new();

    [BindProperty]
    public TrancheInput Tranche { get; set; } = new();

    /// <summary>Steps the user may take now, each as a form (generic) or a link or a note (feature-owned).</summary>
    public IReadOnlyList<Action> Actions { get; private set; } = [];

    [TempData]
    public string? Status { get; set; }

    /// <summary>A step that was refused (409: stale version, state, guard), shown above the actions.</summary>
    public string? Refusal { get; private set; }

    /// <summary>Field errors of a refused step, by parameter name (e.g. toelichting).</summary>
    public Dictionary<string, string> Errors { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The trigger whose form failed, so its toelichting is shown again.</summary>
    public string? FailedTrigger { get; private set; }

    public string? Toelichting { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostTriggerAsync(Guid id, string? trigger, string? toelichting, long? version, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } denied)
        {
            return denied;
        }

        if (trigger is null || !GenericTriggers.Contains(trigger))
        {
            Refusal = "Deze stap zet u niet op deze pagina.";
            return Refused(StatusCodes.Status400BadRequest);
        }

        var parameters = new Dictionary<string, string>();
        if (!string.IsNullOrWhiteSpace(toelichting))
        {
            parameters["toelichting"] = toelichting.Trim();
        }

        try
        {
            var @case = await mediator.Send(new FireTrigger.Command(Application.CaseId, trigger, parameters, version), cancellationToken);
            Status = $"De aanvraag is nu ‘{@case.State.Label}’.";
            return RedirectToPage(new { id });
        }
        catch (ValidationException validation)
        {
            FailedTrigger = trigger;
            Toelichting = toelichting;
            foreach (var error in validation.Errors)
            {
                var field = error.PropertyName.StartsWith("parameters.", StringComparison.OrdinalIgnoreCase) ? error.PropertyName["parameters.".Length..] : error.PropertyName;
                Errors[field] = field == "toelichting" ? "Geef een toelichting: wat ontbreekt er aan de aanvraag?" : error.ErrorMessage;
            }

            return Refused(StatusCodes.Status400BadRequest);
        }
        catch (ConflictException conflict)
        {
            Refusal = conflict.Message;
            await LoadAsync(id, cancellationToken);
            return Refused(StatusCodes.Status409Conflict);
        }
        catch (ForbiddenException)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }
    }

    /// <summary>A document's content, as the API serves it, for whoever may see the application.</summary>
    public async Task<IActionResult> OnGetDocumentAsync(Guid id, Guid documentId, CancellationToken cancellationToken)
    {
        try
        {
            var document = await mediator.Send(new DownloadDocument.Query(id, documentId), cancellationToken);
            Response.Headers.XContentTypeOptions = "nosniff";
            return File(document.Content, document.ContentType, document.FileName);
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
        catch (ForbiddenException)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }
    }

    public async Task<IActionResult> OnPostDocumentAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } denied)
        {
            return denied;
        }

        try
        {
            var document = await mediator.Send(new UploadDocument.Command(id, Upload.File, Upload.Description), cancellationToken);
            Status = $"Het document ‘{document.FileName}’ is toegevoegd.";
            return RedirectToPage(new { id });
        }
        catch (ValidationException validation)
        {
            FormErrors.Add(ModelState, nameof(Upload), validation);
            return Refused(StatusCodes.Status400BadRequest);
        }
        catch (ConflictException conflict)
        {
            Refusal = conflict.Message;
            return Refused(StatusCodes.Status409Conflict);
        }
        catch (ForbiddenException)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }
    }

    public async Task<IActionResult> OnPostTrancheAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } denied)
        {
            return denied;
        }

        decimal? amount = null;
        if (Money.TryParseInput(Tranche.Amount, out var parsed))
        {
            amount = parsed;
        }
        else if (!string.IsNullOrWhiteSpace(Tranche.Amount))
        {
            ModelState.AddModelError($"{nameof(Tranche)}.{nameof(TrancheInput.Amount)}", "Vul het bedrag in euro's in, bijvoorbeeld 25000 of 25.000,50.");
            return Refused(StatusCodes.Status400BadRequest);
        }

        try
        {
            var payment = await mediator.Send(new RequestTranche.Command(id, amount, Tranche.Description), cancellationToken);
            Status = $"{payment.Description} van {Money.Format(payment.Amount)} is aangevraagd; de fondsbeheerder keurt haar goed en betaalt haar uit.";
            return RedirectToPage(new { id });
        }
        catch (ValidationException validation)
        {
            FormErrors.Add(ModelState, nameof(Tranche), validation);
            return Refused(StatusCodes.Status400BadRequest);
        }
        catch (ConflictException conflict)
        {
            Refusal = conflict.Message;
            await LoadAsync(id, cancellationToken);
            return Refused(StatusCodes.Status409Conflict);
        }
        catch (ForbiddenException)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }
    }

    private PageResult Refused(int status)
    {
        Response.StatusCode = status;
        return Page();
    }

    public string StateLabel(string? state) =>
        state is null ? "" : registry.Get(Case.DefinitionId, Case.DefinitionVersion).States.FirstOrDefault(s => s.Id == state)?.Label ?? state;

    /// <summary>Loads everything the page shows; a 403 or 404 result when the user may not see this application.</summary>
    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        try
        {
            Application = await mediator.Send(new GetApplication.Query(id), cancellationToken);
            Case = await mediator.Send(new GetCase.Query(Application.CaseId), cancellationToken);
            Advice = await mediator.Send(new GetAdvice.Query(id), cancellationToken);
            Timeline = await mediator.Send(new GetCaseHistory.JournalQuery(Application.CaseId), cancellationToken);
            Payments = await mediator.Send(new ListPayments.Query(id), cancellationToken);
            Documents = await mediator.Send(new ListDocuments.Query(id), cancellationToken);
            Execution = await mediator.Send(new GetExecution.Query(id), cancellationToken);
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
        catch (ForbiddenException)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        Actions = [.. Case.Triggers.Where(t => t.Allowed).Select(t => ActionFor(id, t)).DistinctBy(a => a.Href ?? a.Trigger)];
        return null;
    }

    private static Action ActionFor(Guid id, PermittedTrigger trigger) => trigger.Trigger switch
    {
        "indienen" => new(trigger.Trigger, "Aanvraag controleren en indienen", trigger.TargetLabel, $"/aanvragen/{id}/bewerken?stap=5", null),
        "toekennen" or "afwijzen" or "aanhouden" => new(trigger.Trigger, "Besluit nemen (toekennen, afwijzen of aanhouden)", null, $"/aanvragen/{id}/besluit", null),
        "advies-uitbrengen" => new(trigger.Trigger, "Toetsen en advies uitbrengen", trigger.TargetLabel, $"/aanvragen/{id}/toetsing", null),
        "voortgang-rapporteren" => new(trigger.Trigger, "Voortgang rapporteren", trigger.TargetLabel, $"/aanvragen/{id}/rapportage?soort=voortgang", null),
        "eindverantwoording-indienen" => new(trigger.Trigger, "Eindverantwoording indienen", trigger.TargetLabel, $"/aanvragen/{id}/rapportage?soort=eindverantwoording", null),
        "vaststellen" => new(trigger.Trigger, "Subsidie vaststellen", trigger.TargetLabel, $"/aanvragen/{id}/vaststelling", null),
        "borging-vastleggen" => new(trigger.Trigger, "Borging vastleggen", trigger.TargetLabel, $"/aanvragen/{id}/borging", null),
        var generic when GenericTriggers.Contains(generic) => new(generic, Label(generic), trigger.TargetLabel, null, null),
        _ => new(trigger.Trigger, trigger.Trigger, trigger.TargetLabel, null, "Deze stap zet u niet op deze pagina."),
    };

    private static string Label(string trigger) => trigger switch
    {
        "in-behandeling-nemen" => "In behandeling nemen",
        "volledig" => "Aanvraag is volledig",
        "onvolledig" => "Aanvraag is onvolledig: om aanvulling vragen",
        "aanvullen" => "Aanvulling is binnen",
        "intrekken" => "Aanvraag intrekken",
        "opnieuw-agenderen" => "Opnieuw agenderen voor een besluit",
        _ => trigger,
    };

    /// <param name="Href">A link to the page that takes this step; null when this page fires it.</param>
    /// <param name="Note">Why there is no form or link yet.</param>
    public sealed record Action(string Trigger, string Label, string? TargetLabel, string? Href, string? Note);

    public sealed class UploadInput
    {
        public IFormFile? File { get; set; }

        public string? Description { get; set; }
    }

    public sealed class TrancheInput
    {
        /// <summary>Text, so "25.000,50" can be read the Dutch way (<see cref="Money.TryParseInput"/>).</summary>
        public string? Amount { get; set; }

        public string? Description { get; set; }
    }
}

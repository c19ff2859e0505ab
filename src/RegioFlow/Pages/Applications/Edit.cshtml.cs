using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RegioFlow.Common;
using RegioFlow.Features.Applications;
using RegioFlow.Features.Cases;
using RegioFlow.Features.Initiatives;
using RegioFlow.Features.Regions;
using RegioFlow.Features.Schemes;

namespace RegioFlow.Pages.Applications;

/// <summary>
/// The draft application in five steps. Every step saves the draft with UpdateApplication (the same command as
/// PUT /api/applications/{id}), so leaving halfway loses nothing; step 5 shows everything and submits with
/// SubmitApplication, showing each missing part next to its section.
/// </summary>
public sealed class EditModel(IMediator mediator) : PageModel
{
    public ApplicationDto Application { get; private set; } = null!;

    public SchemeDto? Scheme { get; private set; }

    public IReadOnlyList<ListRegions.RegionSummary> Regions { get; private set; } = [];

    [BindProperty]
    public ApplicationForm Form { get; set; } = new();

    /// <summary>The step shown (1–5).</summary>
    [BindProperty(SupportsGet = true, Name = "stap")]
    public int Step { get; set; } = 1;

    public StepErrors Errors { get; } = new();

    /// <summary>A refusal without a field (409: already submitted, stale version; 400: window closed).</summary>
    public string? Refusal { get; private set; }

    [TempData]
    public string? Status { get; set; }

    /// <summary>"Bestaat dit al?": on the initiative step, the initiatives most like what was saved so far (null when there is no text yet).</summary>
    public IReadOnlyList<SimilarInitiativeDto>? Similar { get; private set; }

    /// <summary>Only an initiative lead of the applicant organisation edits, and only the draft (the case offers 'indienen').</summary>
    public bool CanEdit { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } denied)
        {
            return denied;
        }

        Form = ApplicationForm.From(Application);
        var initiative = Application.Initiative;
        if (Step == 2 && new[] { initiative.Title, initiative.Problem, initiative.Goals }.Any(t => !string.IsNullOrWhiteSpace(t)))
        {
            Similar = await mediator.Send(
                new FindSimilarInitiatives.Query(initiative.Title, initiative.Problem, initiative.Goals, null, initiative.Sectors, initiative.TargetGroups, Application.Id), cancellationToken);
        }

        return Page();
    }

    /// <summary>Saves the fields of this step and goes to step <paramref name="naar"/> (or stays).</summary>
    public async Task<IActionResult> OnPostSaveAsync(Guid id, int? naar, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } denied)
        {
            return denied;
        }

        var initiative = Form.Merge(Application.Initiative, Step, Errors);
        var amount = Form.RequestedAmount(Step, Application.RequestedAmount, Errors);
        if (Errors.Any)
        {
            return Failed(StatusCodes.Status400BadRequest);
        }

        try
        {
            await mediator.Send(new UpdateApplication.Command(id, amount, initiative), cancellationToken);
        }
        catch (ValidationException validation)
        {
            validation.Errors.ToList().ForEach(e => Errors.AddFailure(e.PropertyName, e.ErrorMessage));
            return Failed(StatusCodes.Status400BadRequest);
        }
        catch (ConflictException conflict)
        {
            Refusal = conflict.Message;
            return Failed(StatusCodes.Status409Conflict);
        }
        catch (ForbiddenException)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        Status = "Het concept is opgeslagen.";
        return RedirectToPage(new { id, stap = Math.Clamp(naar ?? Step, 1, ApplicationForm.StepTitles.Length) });
    }

    /// <summary>Submits the saved draft (step 5); every missing part comes back as an error on this overview.</summary>
    public async Task<IActionResult> OnPostSubmitAsync(Guid id, long? version, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } denied)
        {
            return denied;
        }

        Step = ApplicationForm.StepTitles.Length;
        try
        {
            await mediator.Send(new SubmitApplication.Command(id, version), cancellationToken);
        }
        catch (ValidationException validation)
        {
            validation.Errors.ToList().ForEach(e => Errors.AddFailure(e.PropertyName, e.ErrorMessage));
            Form = ApplicationForm.From(Application);
            return Failed(StatusCodes.Status400BadRequest);
        }
        catch (ConflictException conflict)
        {
            Refusal = conflict.Message;
            Form = ApplicationForm.From(Application);
            return Failed(StatusCodes.Status409Conflict);
        }
        catch (ForbiddenException)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        TempData[nameof(DetailModel.Status)] = "Uw aanvraag is ingediend. De fondsbeheerder neemt haar in behandeling.";
        return Redirect($"/aanvragen/{id}");
    }

    private PageResult Failed(int status)
    {
        Form.PadRows();
        Response.StatusCode = status;
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        Step = Math.Clamp(Step, 1, ApplicationForm.StepTitles.Length);
        try
        {
            Application = await mediator.Send(new GetApplication.Query(id), cancellationToken);
            var @case = await mediator.Send(new GetCase.Query(Application.CaseId), cancellationToken);
            CanEdit = @case.Triggers.Any(t => t.Trigger == "indienen" && t.Allowed);
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
        catch (ForbiddenException)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        Scheme = (await mediator.Send(new ListSchemes.Query(null), cancellationToken)).FirstOrDefault(s => s.Id == Application.SchemeId);
        Regions = await mediator.Send(new ListRegions.Query(), cancellationToken);
        return null;
    }
}

using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RegioFlow.Auth;
using RegioFlow.Common;
using RegioFlow.Domain;
using RegioFlow.Features.Applications;
using RegioFlow.Features.Schemes;

namespace RegioFlow.Pages.Applications;

/// <summary>
/// Step 1 of a new application: scheme, amount and a working title. Saving sends CreateApplication (as POST
/// /api/applications) and continues on the draft's own form, so from here on every step is saved.
/// </summary>
public sealed class NewModel(IMediator mediator, CurrentUser currentUser) : PageModel
{
    public IReadOnlyList<SchemeDto> Schemes { get; private set; } = [];

    [BindProperty]
    public Guid? SchemeId { get; set; }

    [BindProperty]
    public string? Amount { get; set; }

    [BindProperty]
    public string? Title { get; set; }

    public StepErrors Errors { get; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!currentUser.IsInRole(Role.InitiativeLead))
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        await LoadAsync(cancellationToken);
        SchemeId ??= Schemes.Count == 1 ? Schemes[0].Id : null;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var amount = ApplicationForm.ParseAmount(Amount, "requestedamount", Errors, required: false);
        if (!Errors.Any)
        {
            try
            {
                var initiative = new InitiativeInput(Title, null, null, null, null, null, null, null, null, null, null, null, null);
                var application = await mediator.Send(new CreateApplication.Command(SchemeId, null, amount, initiative), cancellationToken);
                TempData[nameof(EditModel.Status)] = "Het concept is opgeslagen. Beschrijf nu het initiatief.";
                return Redirect($"/aanvragen/{application.Id}/bewerken?stap=2");
            }
            catch (ValidationException validation)
            {
                validation.Errors.ToList().ForEach(e => Errors.AddFailure(e.PropertyName, e.ErrorMessage));
            }
            catch (ForbiddenException)
            {
                return StatusCode(StatusCodes.Status403Forbidden);
            }
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        Schemes = [.. (await mediator.Send(new ListSchemes.Query(null), cancellationToken)).Where(s => s.Kind == nameof(SchemeKind.Subsidie))];
}

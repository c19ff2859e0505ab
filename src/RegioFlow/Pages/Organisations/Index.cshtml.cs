using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RegioFlow.Auth;
using RegioFlow.Common;
using RegioFlow.Domain;
using RegioFlow.Features.Organisations;
using RegioFlow.Features.Regions;

namespace RegioFlow.Pages.Organisations;

/// <summary>Everyone signed in sees the organisations; an administrator can add one (same command as the API).</summary>
public sealed class IndexModel(IMediator mediator, CurrentUser currentUser) : PageModel
{
    public IReadOnlyList<OrganisationDto> Organisations { get; private set; } = [];

    public IReadOnlyList<ListRegions.RegionSummary> Regions { get; private set; } = [];

    public bool CanCreate => currentUser.IsInRole(Role.Admin);

    [BindProperty]
    public NewOrganisation Input { get; set; } = new();

    [TempData]
    public string? Created { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!CanCreate)
        {
            return Forbid();
        }

        try
        {
            var organisation = await mediator.Send(new CreateOrganisation.Command(Input.Name, Input.Kind, Input.RegionId), cancellationToken);
            Created = organisation.Name;
            return RedirectToPage();
        }
        catch (ValidationException validation)
        {
            foreach (var error in validation.Errors)
            {
                ModelState.AddModelError($"{nameof(Input)}.{error.PropertyName}", error.ErrorMessage);
            }
        }
        catch (ConflictException conflict)
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(NewOrganisation.Name)}", conflict.Message);
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Organisations = await mediator.Send(new ListOrganisations.Query(), cancellationToken);
        Regions = await mediator.Send(new ListRegions.Query(), cancellationToken);
    }

    public sealed class NewOrganisation
    {
        public string? Name { get; set; }

        public string? Kind { get; set; }

        public int? RegionId { get; set; }
    }
}

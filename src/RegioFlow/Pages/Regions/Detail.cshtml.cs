using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RegioFlow.Common;
using RegioFlow.Features.Organisations;
using RegioFlow.Features.Regions;

namespace RegioFlow.Pages.Regions;

public sealed class DetailModel(IMediator mediator) : PageModel
{
    public GetRegion.Response Region { get; private set; } = null!;

    public IReadOnlyList<OrganisationDto> Organisations { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        try
        {
            Region = await mediator.Send(new GetRegion.Query(id), cancellationToken);
        }
        catch (NotFoundException)
        {
            return NotFound();
        }

        Organisations = await mediator.Send(new ListOrganisations.Query(id), cancellationToken);
        return Page();
    }
}

using Mediator;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RegioFlow.Features.Regions;

namespace RegioFlow.Pages.Regions;

public sealed class IndexModel(IMediator mediator) : PageModel
{
    public IReadOnlyList<ListRegions.RegionSummary> Regions { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Regions = await mediator.Send(new ListRegions.Query(), cancellationToken);
}

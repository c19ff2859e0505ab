using Mediator;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RegioFlow.Features.Schemes;

namespace RegioFlow.Pages.Schemes;

/// <summary>The schemes with their budget: schemes are public information for every signed-in user.</summary>
public sealed class IndexModel(IMediator mediator) : PageModel
{
    public IReadOnlyList<SchemeDto> Schemes { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Schemes = await mediator.Send(new ListSchemes.Query(null), cancellationToken);
}

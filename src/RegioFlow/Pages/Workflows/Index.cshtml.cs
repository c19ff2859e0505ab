using Mediator;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RegioFlow.Features.Workflows;

namespace RegioFlow.Pages.Workflows;

public sealed class IndexModel(IMediator mediator) : PageModel
{
    public IReadOnlyList<WorkflowQueries.WorkflowSummary> Workflows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Workflows = await mediator.Send(new WorkflowQueries.ListQuery(), cancellationToken);
}

using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RegioFlow.Common;
using RegioFlow.Features.Workflows;

namespace RegioFlow.Pages.Workflows;

public sealed class DetailModel(IMediator mediator) : PageModel
{
    public WorkflowQueries.WorkflowVersionDto Workflow { get; private set; } = null!;

    public string Mermaid { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string id, int version, CancellationToken cancellationToken)
    {
        try
        {
            Workflow = await mediator.Send(new WorkflowQueries.VersionQuery(id, version), cancellationToken);
            Mermaid = (await mediator.Send(new WorkflowQueries.DiagramQuery(id, version, "mermaid"), cancellationToken)).Text;
        }
        catch (NotFoundException)
        {
            return NotFound();
        }

        return Page();
    }
}

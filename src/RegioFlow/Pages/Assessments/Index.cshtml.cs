using Mediator;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RegioFlow.Features.Checklists;

namespace RegioFlow.Pages.Assessments;

/// <summary>The assessor's inbox: applications in toetsing at the user's tables, own status and deadline (<see cref="ListMyAssessments"/>).</summary>
public sealed class IndexModel(IMediator mediator) : PageModel
{
    public IReadOnlyList<ListMyAssessments.MyAssessmentDto> Assessments { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Assessments = await mediator.Send(new ListMyAssessments.Query(), cancellationToken);
}

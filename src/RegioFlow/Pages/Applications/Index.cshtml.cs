using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RegioFlow.Auth;
using RegioFlow.Domain;
using RegioFlow.Features.Applications;
using RegioFlow.Workflows;

namespace RegioFlow.Pages.Applications;

/// <summary>The applications the user may see (same query as GET /api/applications), filterable by state.</summary>
public sealed class IndexModel(IMediator mediator, CurrentUser currentUser, WorkflowRegistry registry) : PageModel
{
    /// <summary>The workflow of subsidy applications; its states are the filter choices.</summary>
    internal const string WorkflowId = "subsidie-aanvraag";

    public IReadOnlyList<ApplicationDto> Applications { get; private set; } = [];

    /// <summary>State id and Dutch label, in workflow order.</summary>
    public IReadOnlyList<(string Id, string Label)> States { get; private set; } = [];

    [BindProperty(SupportsGet = true, Name = "toestand")]
    public string? State { get; set; }

    /// <summary>An initiative lead sees the applications of their own organisation(s) and may start a new one.</summary>
    public bool IsLead => currentUser.IsInRole(Role.InitiativeLead);

    [TempData]
    public string? Status { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var definition = registry.All.Where(d => d.Id == WorkflowId).MaxBy(d => d.Version);
        States = definition is null ? [] : [.. definition.States.Select(s => (s.Id, s.Label))];
        if (State is not null && States.All(s => s.Id != State))
        {
            State = null;
        }

        Applications = await mediator.Send(new ListApplications.Query(null, State), cancellationToken);
    }
}

using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RegioFlow.Auth;
using RegioFlow.Domain;
using RegioFlow.Features.Vouchers;
using RegioFlow.Workflows;

namespace RegioFlow.Pages.Vouchers;

/// <summary>
/// The vouchers the user may see (same query as GET /api/vouchers): the applicant's own, the fund administrator's queue
/// and list, the provider's redeemed ones. Requests waiting for a decision come first, so the queue is the top of the list.
/// </summary>
public sealed class IndexModel(IMediator mediator, CurrentUser currentUser, WorkflowRegistry registry) : PageModel
{
    /// <summary>The state a fund administrator has to act on.</summary>
    internal const string Waiting = "aangevraagd";

    public IReadOnlyList<VoucherDto> Vouchers { get; private set; } = [];

    /// <summary>State id and Dutch label, in workflow order.</summary>
    public IReadOnlyList<(string Id, string Label)> States { get; private set; } = [];

    [BindProperty(SupportsGet = true, Name = "toestand")]
    public string? State { get; set; }

    /// <summary>A resident or an employer asks vouchers; a provider redeems them.</summary>
    public bool MayRequest => currentUser.IsInRole(Role.VoucherApplicant);

    public bool IsProvider => currentUser.IsInRole(Role.TrainingProvider);

    public string Title => MayRequest ? "Mijn vouchers" : IsProvider ? "Verzilverde vouchers" : "Vouchers";

    [TempData]
    public string? Status { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var definition = registry.All.Where(d => d.Id == RequestVoucher.WorkflowId).MaxBy(d => d.Version);
        States = definition is null ? [] : [.. definition.States.Select(s => (s.Id, s.Label))];
        if (State is not null && States.All(s => s.Id != State))
        {
            State = null;
        }

        var vouchers = await mediator.Send(new ListVouchers.Query(null, State), cancellationToken);
        Vouchers = [.. vouchers.OrderBy(v => v.State == Waiting ? 0 : 1).ThenBy(v => v.State == Waiting ? v.RequestedAt : DateTimeOffset.MaxValue)];
    }
}

using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RegioFlow.Features.Me;

namespace RegioFlow.Pages.Agenda;

/// <summary>
/// The user's deadlines (same list as GET /api/me/deadlines and the calendar feed) and the calendar subscription:
/// create a personal feed link (shown once), renew it (the old link stops working) or revoke it.
/// </summary>
public sealed class IndexModel(IMediator mediator) : PageModel
{
    public IReadOnlyList<DeadlineItem> Deadlines { get; private set; } = [];

    public GetCalendarFeed.Response Feed { get; private set; } = new(false, null);

    /// <summary>The new link, only in the answer to the post that created it; it is never stored or shown again.</summary>
    public string? NewUrl { get; private set; }

    [TempData]
    public string? Status { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostIssueAsync(CancellationToken cancellationToken)
    {
        var issued = await mediator.Send(new IssueCalendarFeed.Command($"{Request.Scheme}://{Request.Host}{Request.PathBase}"), cancellationToken);
        NewUrl = issued.Url;
        Response.Headers.CacheControl = "private, no-store";
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(CancellationToken cancellationToken)
    {
        await mediator.Send(new RevokeCalendarFeed.Command(), cancellationToken);
        Status = "Uw agenda-abonnement is gestopt; de link werkt niet meer.";
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Deadlines = await mediator.Send(new ListMyDeadlines.Query(), cancellationToken);
        Feed = await mediator.Send(new GetCalendarFeed.Query(), cancellationToken);
    }
}

using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RegioFlow.Features.Applications;

namespace RegioFlow.Pages.Applications;

/// <summary>
/// The fund administrator's borging follow-up of one application, 6 and 12 months after the settlement: the borging
/// plan from the application, the earlier check, and the form that sends the same <see cref="RecordBorging.Command"/>
/// as the API. Anyone without the case role behandelaar gets 403.
/// </summary>
public sealed class BorgingModel(IMediator mediator) : PageModel
{
    public GetBorgingBrief.Response Brief { get; private set; } = null!;

    /// <summary>A conflict with the current state (recorded meanwhile, stale version), for the alert above the form.</summary>
    public string? Conflict { get; private set; }

    [BindProperty]
    public BorgingInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        var (done, status, conflict) = await this.SendAsync(nameof(Input), async () =>
        {
            var check = await mediator.Send(new RecordBorging.Command(id, Input.Outcome, Input.Notes, Input.Version), cancellationToken);
            TempData[nameof(DetailModel.Status)] = check.Months == 12
                ? $"De borging na 12 maanden is vastgelegd ({Display.BorgingOutcome(check.Outcome)}); de zaak is afgesloten."
                : $"De borging na 6 maanden is vastgelegd ({Display.BorgingOutcome(check.Outcome)}); over zes maanden volgt de laatste check.";
            return RedirectToPage("Detail", new { id });
        });
        if (done is not null)
        {
            return done;
        }

        Conflict = conflict;

        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        Response.StatusCode = status;
        return Page();
    }

    /// <summary>Loads the brief; a result only when the page cannot be shown (403 or 404).</summary>
    private Task<IActionResult?> LoadAsync(Guid id, CancellationToken cancellationToken) => this.ShowAsync(async () =>
    {
        Brief = await mediator.Send(new GetBorgingBrief.Query(id), cancellationToken);
        Input.Version ??= Brief.Application.CaseVersion;
    });

    public sealed class BorgingInput
    {
        /// <summary>A <see cref="Domain.BorgingOutcome"/> name; the form shows the Dutch labels of <see cref="Display.BorgingOutcomes"/>.</summary>
        public string? Outcome { get; set; }

        public string? Notes { get; set; }

        public long? Version { get; set; }
    }
}

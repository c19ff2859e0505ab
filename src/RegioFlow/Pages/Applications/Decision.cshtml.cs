using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RegioFlow.Common;
using RegioFlow.Features.Applications;

namespace RegioFlow.Pages.Applications;

/// <summary>
/// The decision body's page for one application: the summary and the table's advice, and the decision form that sends
/// the same <see cref="DecideApplication.Command"/> as the API. Anyone without the case role beslisser gets 403.
/// </summary>
public sealed class DecisionModel(IMediator mediator) : PageModel
{
    public GetDecisionBrief.Response Brief { get; private set; } = null!;

    /// <summary>A conflict with the current state (budget ontoereikend, decided meanwhile) for the alert above the form.</summary>
    public string? Conflict { get; private set; }

    [BindProperty]
    public DecisionInput Input { get; set; } = new();

    [TempData]
    public string? Decided { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        decimal? amount = null;
        if (!string.IsNullOrWhiteSpace(Input.Amount))
        {
            if (Money.TryParseInput(Input.Amount, out var parsed))
            {
                amount = parsed;
            }
            else
            {
                ModelState.AddModelError($"{nameof(Input)}.{nameof(DecisionInput.Amount)}", "Vul het bedrag in euro's in, bijvoorbeeld 125000 of 125.000,50.");
            }
        }

        var (done, status, conflict) = await this.SendAsync(nameof(Input), async () =>
        {
            if (!ModelState.IsValid)
            {
                return null;
            }

            await mediator.Send(new DecideApplication.Command(id, Input.Decision, amount, Input.Conditions, Input.Motivation, Input.Version), cancellationToken);
            Decided = Input.Decision;
            return RedirectToPage(new { id });
        });
        if (done is not null)
        {
            return done;
        }

        Conflict = conflict;

        if (await LoadAsync(id, cancellationToken) is { } failed)
        {
            return failed;
        }

        Response.StatusCode = status;
        return Page();
    }

    /// <summary>Loads the brief; a result only when the page cannot be shown (403 or 404).</summary>
    private Task<IActionResult?> LoadAsync(Guid id, CancellationToken cancellationToken) => this.ShowAsync(async () =>
    {
        Brief = await mediator.Send(new GetDecisionBrief.Query(id), cancellationToken);
        Input.Version ??= Brief.Application.CaseVersion;
    });

    public sealed class DecisionInput
    {
        public string? Decision { get; set; }

        /// <summary>Text, so "125.000,50" can be read the Dutch way (<see cref="Money.TryParseInput"/>).</summary>
        public string? Amount { get; set; }

        public string? Conditions { get; set; }

        public string? Motivation { get; set; }

        public long? Version { get; set; }
    }
}

using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RegioFlow.Common;
using RegioFlow.Domain;
using RegioFlow.Features.Applications;

namespace RegioFlow.Pages.Applications;

/// <summary>
/// The fund administrator's settlement (vaststelling) of one application: the grant, what has been paid, the final
/// report's costs, and the form that sends the same <see cref="SettleApplication.Command"/> as the API. "Berekenen"
/// shows beforehand what an amount leads to (<see cref="SettleApplication.Outcome"/>, the rule the command applies),
/// without a script and without storing anything. Anyone without the case role behandelaar gets 403.
/// </summary>
public sealed class SettlementModel(IMediator mediator) : PageModel
{
    public GetSettlementBrief.Response Brief { get; private set; } = null!;

    /// <summary>A conflict with the current state (settled meanwhile, stale version), for the alert above the form.</summary>
    public string? Conflict { get; private set; }

    /// <summary>The amount "Berekenen" was asked for, and what settling at it leads to (null outcome: nothing to pay or reclaim).</summary>
    public (decimal Amount, (PaymentKind Kind, decimal Amount)? Outcome)? Preview { get; private set; }

    [BindProperty]
    public SettlementInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostPreviewAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (ParseAmount() is { } amount)
        {
            Preview = (amount, SettleApplication.Outcome(amount, Brief.Paid));
            return Page();
        }

        ModelState.AddModelError($"{nameof(Input)}.{nameof(SettlementInput.Amount)}", "Vul het vastgestelde bedrag in om te berekenen wat het betekent.");
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        var amount = ParseAmount();
        var (done, status, conflict) = await this.SendAsync(nameof(Input), async () =>
        {
            if (!ModelState.IsValid)
            {
                return null;
            }

            var settled = await mediator.Send(new SettleApplication.Command(id, amount, Input.Motivation, Input.Version), cancellationToken);
            var settledAmount = Money.Format(settled.Application.SettledAmount ?? 0);
            TempData[nameof(DetailModel.Status)] = settled.Payment is { } payment
                ? $"De subsidie is vastgesteld op {settledAmount}. Er volgt een {payment.Kind.ToLowerInvariant()} van {Money.Format(payment.Amount)}."
                : $"De subsidie is vastgesteld op {settledAmount}. Dat is wat er al is betaald: er volgt geen betaling en geen terugvordering.";
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

    /// <summary>The typed amount, or null (with a field error when something unreadable was typed).</summary>
    private decimal? ParseAmount()
    {
        if (Money.TryParseInput(Input.Amount, out var amount))
        {
            return amount;
        }

        if (!string.IsNullOrWhiteSpace(Input.Amount))
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(SettlementInput.Amount)}", "Vul het bedrag in euro's in, bijvoorbeeld 125000 of 125.000,50.");
        }

        return null;
    }

    /// <summary>Loads the brief; a result only when the page cannot be shown (403 or 404).</summary>
    private Task<IActionResult?> LoadAsync(Guid id, CancellationToken cancellationToken) => this.ShowAsync(async () =>
    {
        Brief = await mediator.Send(new GetSettlementBrief.Query(id), cancellationToken);
        Input.Version ??= Brief.Application.CaseVersion;
    });

    public sealed class SettlementInput
    {
        /// <summary>Text, so "125.000,50" can be read the Dutch way (<see cref="Money.TryParseInput"/>).</summary>
        public string? Amount { get; set; }

        public string? Motivation { get; set; }

        public long? Version { get; set; }
    }
}

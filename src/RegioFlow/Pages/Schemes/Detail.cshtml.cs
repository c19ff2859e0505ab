using System.Globalization;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RegioFlow.Common;
using RegioFlow.Features.Applications;
using RegioFlow.Features.Bodies;
using RegioFlow.Features.Organisations;
using RegioFlow.Features.Schemes;
using RegioFlow.Features.Vouchers;
using RegioFlow.Workflows;

namespace RegioFlow.Pages.Schemes;

/// <summary>
/// One scheme: its conditions and budget for everyone signed in, the applications under it that the user may see, and
/// the payment list for the scheme's fund administrators, oversight and administrators. The fund administrator
/// approves payments and marks them paid here with the same <see cref="ProcessPayment"/> commands as the API.
/// </summary>
public sealed class DetailModel(IMediator mediator, WorkflowRegistry workflows, TimeProvider clock) : PageModel
{
    public SchemeDto Scheme { get; private set; } = null!;

    public string FundOrganisation { get; private set; } = "";

    public string? AssessingBody { get; private set; }

    public string? DecisionBody { get; private set; }

    /// <summary>The newest version of the scheme's workflow, for the link to its diagram.</summary>
    public WorkflowDefinition? Workflow { get; private set; }

    public IReadOnlyList<StateGroup> ApplicationsByState { get; private set; } = [];

    /// <summary>Null when the user may not see the scheme's payments.</summary>
    public ListSchemePayments.Response? Payments { get; private set; }

    /// <summary>Vouchers of a voucher scheme issued this calendar year (Amsterdam), to set against the yearly target; null for a subsidy scheme.</summary>
    public int? IssuedThisYear { get; private set; }

    [BindProperty]
    public PaymentInput Input { get; set; } = new();

    /// <summary>The payment whose form failed, so its errors appear at that row only.</summary>
    public Guid? FailedPaymentId { get; private set; }

    public string? Conflict { get; private set; }

    [TempData]
    public string? Processed { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostApproveAsync(Guid id, CancellationToken cancellationToken) =>
        await ProcessAsync(id, new ProcessPayment.ApproveCommand(Input.ApplicationId, Input.PaymentId, Input.Version), "De betaling is goedgekeurd.", cancellationToken);

    public async Task<IActionResult> OnPostPaidAsync(Guid id, CancellationToken cancellationToken)
    {
        DateOnly? paidOn = null;
        if (!string.IsNullOrWhiteSpace(Input.PaidOn))
        {
            if (DateOnly.TryParseExact(Input.PaidOn, ["yyyy-MM-dd", "d-M-yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                paidOn = date;
            }
            else
            {
                ModelState.AddModelError($"{nameof(Input)}.{nameof(PaymentInput.PaidOn)}", "Vul een geldige betaaldatum in, bijvoorbeeld 5-1-2026.");
            }
        }

        return await ProcessAsync(id, new ProcessPayment.PaidCommand(Input.ApplicationId, Input.PaymentId, paidOn, Input.Reference, Input.Version),
            "De betaling is als betaald vastgelegd.", cancellationToken);
    }

    private async Task<IActionResult> ProcessAsync(Guid id, ICommand<PaymentDto> command, string done, CancellationToken cancellationToken)
    {
        var status = StatusCodes.Status400BadRequest;
        try
        {
            // Sent even when the date could not be read: the command then reports its other fields too, all at once.
            await mediator.Send(command, cancellationToken);
            Processed = done;
            return Redirect($"/regelingen/{id}#betalingen");
        }
        catch (ValidationException validation)
        {
            FormErrors.Add(ModelState, nameof(Input), validation);
        }
        catch (ConflictException conflict)
        {
            Conflict = conflict.Message;
            status = StatusCodes.Status409Conflict;
        }
        catch (ForbiddenException)
        {
            return Forbid();
        }
        catch (NotFoundException)
        {
            return NotFound();
        }

        FailedPaymentId = Input.PaymentId;
        if (await LoadAsync(id, cancellationToken) is { } failed)
        {
            return failed;
        }

        Response.StatusCode = status;
        return Page();
    }

    /// <summary>Loads everything the page shows; a result only when the page cannot be shown (404).</summary>
    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        try
        {
            Scheme = await mediator.Send(new GetScheme.Query(id), cancellationToken);
        }
        catch (NotFoundException)
        {
            return NotFound();
        }

        FundOrganisation = (await mediator.Send(new GetOrganisation.Query(Scheme.FundOrganisationId), cancellationToken)).Name;
        var bodies = await mediator.Send(new ListBodies.Query(), cancellationToken);
        AssessingBody = bodies.FirstOrDefault(b => b.Id == Scheme.Terms.AssessingBodyId)?.Name;
        DecisionBody = bodies.FirstOrDefault(b => b.Id == Scheme.Terms.DecisionBodyId)?.Name;
        Workflow = workflows.All.Where(w => w.Id == Scheme.Terms.WorkflowId).MaxBy(w => w.Version);
        var order = Workflow?.States.Select(s => s.Id).ToList() ?? [];
        if (Scheme.VoucherTerms is not null)
        {
            var year = DutchCalendar.LocalDate(clock.GetUtcNow()).Year;
            var vouchers = await mediator.Send(new ListVouchers.Query(id, null), cancellationToken);
            IssuedThisYear = vouchers.Count(v => v.IssuedAt is { } issued && DutchCalendar.LocalDate(issued).Year == year);
        }

        var applications = await mediator.Send(new ListApplications.Query(id, null), cancellationToken);
        ApplicationsByState = [.. applications
            .GroupBy(a => (a.State, a.StateLabel))
            .OrderBy(g => order.IndexOf(g.Key.State) is var index and >= 0 ? index : int.MaxValue)
            .Select(g => new StateGroup(g.Key.State, g.Key.StateLabel, [.. g]))];
        try
        {
            Payments = await mediator.Send(new ListSchemePayments.Query(id), cancellationToken);
        }
        catch (ForbiddenException)
        {
            Payments = null;
        }

        return null;
    }

    public sealed record StateGroup(string State, string Label, IReadOnlyList<ApplicationDto> Applications);

    public sealed class PaymentInput
    {
        public Guid ApplicationId { get; set; }

        public Guid PaymentId { get; set; }

        public long? Version { get; set; }

        /// <summary>Text, so a malformed date gets a Dutch message instead of the model binder's English one.</summary>
        public string? PaidOn { get; set; }

        public string? Reference { get; set; }
    }
}

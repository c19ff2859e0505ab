using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RegioFlow.Auth;
using RegioFlow.Common;
using RegioFlow.Domain;
using RegioFlow.Features.Cases;
using RegioFlow.Features.Vouchers;
using RegioFlow.Workflows;

namespace RegioFlow.Pages.Vouchers;

/// <summary>
/// One voucher: state, eligibility, amounts, code and expiry (as <see cref="GetVoucher"/> lets the reader see them) and
/// the case journal. The fund administrator sees the stacking warning and decides (issue or reject) and approves or
/// rejects a claim; the provider claims after redemption. Every form sends the same command as the API.
/// </summary>
[RequestSizeLimit(ClaimVoucher.MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = ClaimVoucher.MaxRequestBytes)]
public sealed class DetailModel(IMediator mediator, CurrentUser currentUser, TimeProvider clock) : PageModel
{
    public VoucherDto Voucher { get; private set; } = null!;

    public VoucherMoneyDto? Money { get; private set; }

    public StackingDto? Stacking { get; private set; }

    public IReadOnlyList<VoucherDocumentDto> Documents { get; private set; } = [];

    public IReadOnlyList<GetCaseHistory.JournalEntryDto> Timeline { get; private set; } = [];

    /// <summary>A conflict with the current state (budget ontoereikend, decided meanwhile) for the alert above the forms.</summary>
    public string? Conflict { get; private set; }

    [BindProperty]
    public FormInput Input { get; set; } = new();

    [TempData]
    public string? Status { get; set; }

    public bool IsFundAdministrator => currentUser.IsInRole(Role.FundAdministrator) && Stacking is not null;

    public bool IsProvider => currentUser.IsInRole(Role.TrainingProvider);

    public DateOnly Today => DutchCalendar.LocalDate(clock.GetUtcNow());

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ?? Page();

    public Task<IActionResult> OnPostDecisionAsync(Guid id, CancellationToken cancellationToken) =>
        SendAsync(id, async () =>
        {
            await mediator.Send(new DecideVoucher.Command(id, Input.Decision, Input.Motivation, Input.Version), cancellationToken);
            return Input.Decision == "uitgeven" ? "De voucher is uitgegeven." : "De aanvraag is afgewezen.";
        }, cancellationToken);

    public Task<IActionResult> OnPostClaimAsync(Guid id, IFormFile? invoice, IFormFile? proof, CancellationToken cancellationToken) =>
        SendAsync(id, async () =>
        {
            await mediator.Send(new ClaimVoucher.Command(id, invoice, proof, Input.Kind, Input.Amount), cancellationToken);
            return "De declaratie is ingediend.";
        }, cancellationToken);

    public Task<IActionResult> OnPostApproveAsync(Guid id, CancellationToken cancellationToken) =>
        SendAsync(id, async () =>
        {
            await mediator.Send(new DecideVoucherClaim.ApproveCommand(id, Input.PaidOn, Input.Reference), cancellationToken);
            return "De declaratie is goedgekeurd en de betaling is vastgelegd.";
        }, cancellationToken);

    public Task<IActionResult> OnPostRejectClaimAsync(Guid id, CancellationToken cancellationToken) =>
        SendAsync(id, async () =>
        {
            await mediator.Send(new DecideVoucherClaim.RejectCommand(id, Input.Motivation), cancellationToken);
            return "De declaratie is afgewezen.";
        }, cancellationToken);

    /// <summary>Runs one command: on success back to the page with a status, else the page with the field errors (400) or the conflict (409).</summary>
    private async Task<IActionResult> SendAsync(Guid id, Func<Task<string>> send, CancellationToken cancellationToken)
    {
        var status = StatusCodes.Status400BadRequest;
        try
        {
            Status = await send();
            return Redirect($"/vouchers/{id}");
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
            return StatusCode(StatusCodes.Status403Forbidden);
        }
        catch (NotFoundException)
        {
            return NotFound();
        }

        if (await LoadAsync(id, cancellationToken) is { } failed)
        {
            return failed;
        }

        Response.StatusCode = status;
        return Page();
    }

    /// <summary>Loads what the user may see; a result only when the page cannot be shown (403 or 404).</summary>
    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        try
        {
            Voucher = await mediator.Send(new GetVoucher.Query(id), cancellationToken);
        }
        catch (ForbiddenException)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }
        catch (NotFoundException)
        {
            return NotFound();
        }

        Input.Version ??= Voucher.CaseVersion;
        Timeline = await mediator.Send(new GetCaseHistory.JournalQuery(Voucher.CaseId), cancellationToken);
        Money = await OptionalAsync(() => mediator.Send(new GetVoucherMoney.Query(id), cancellationToken).AsTask());
        if (currentUser.IsInRole(Role.FundAdministrator))
        {
            Stacking = await OptionalAsync(() => mediator.Send(new GetStacking.Query(id), cancellationToken).AsTask());
        }

        Documents = await OptionalAsync(() => mediator.Send(new ListVoucherDocuments.Query(id), cancellationToken).AsTask()) ?? [];
        return null;
    }

    /// <summary>A part the user has no case role for (a reader who only oversees) is left out rather than refused.</summary>
    private static async Task<T?> OptionalAsync<T>(Func<Task<T>> load)
        where T : class
    {
        try
        {
            return await load();
        }
        catch (ForbiddenException)
        {
            return null;
        }
    }

    public string? ErrorFor(string field) => FormErrors.For(ModelState, $"{nameof(Input)}.{field}");

    public sealed class FormInput
    {
        public string? Decision { get; set; }

        public string? Motivation { get; set; }

        public long? Version { get; set; }

        /// <summary>Text, so "1.750,00" can be read the Dutch way.</summary>
        public string? Amount { get; set; }

        public string? Kind { get; set; }

        public DateOnly? PaidOn { get; set; }

        public string? Reference { get; set; }
    }
}

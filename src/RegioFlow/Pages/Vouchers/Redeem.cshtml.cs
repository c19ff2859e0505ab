using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RegioFlow.Auth;
using RegioFlow.Common;
using RegioFlow.Domain;
using RegioFlow.Features.Vouchers;

namespace RegioFlow.Pages.Vouchers;

/// <summary>
/// The training provider redeems a voucher with the code the participant brings (<see cref="RedeemVoucher.Command"/>,
/// as POST /api/vouchers/redeem). A refusal (unknown, expired, used, another provider's, over the value) is shown with
/// its Dutch reason and the code stays in the field.
/// </summary>
public sealed class RedeemModel(IMediator mediator, CurrentUser currentUser) : PageModel
{
    [BindProperty]
    public RedeemInput Input { get; set; } = new();

    /// <summary>Why the voucher could not be redeemed (404/409 of the command).</summary>
    public string? Refusal { get; private set; }

    [TempData]
    public string? Status { get; set; }

    public IActionResult OnGet() =>
        currentUser.IsInRole(Role.TrainingProvider) ? Page() : StatusCode(StatusCodes.Status403Forbidden);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
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
                ModelState.AddModelError($"{nameof(Input)}.{nameof(RedeemInput.Amount)}", "Vul het bedrag in euro's in, bijvoorbeeld 2500 of 2.500,00.");
            }
        }

        var status = StatusCodes.Status400BadRequest;
        try
        {
            if (ModelState.IsValid)
            {
                var voucher = await mediator.Send(new RedeemVoucher.Command(Input.Code, Input.TrainingName, Input.StartDate, amount), cancellationToken);
                Status = "De voucher is verzilverd. U kunt nu declareren.";
                return Redirect($"/vouchers/{voucher.Id}");
            }
        }
        catch (ValidationException validation)
        {
            FormErrors.Add(ModelState, nameof(Input), validation);
        }
        catch (ConflictException conflict)
        {
            Refusal = conflict.Message;
            status = StatusCodes.Status409Conflict;
        }
        catch (NotFoundException notFound)
        {
            Refusal = notFound.Message;
            status = StatusCodes.Status404NotFound;
        }
        catch (ForbiddenException)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        Response.StatusCode = status;
        return Page();
    }

    public string? ErrorFor(string field) => FormErrors.For(ModelState, $"{nameof(Input)}.{field}");

    public sealed class RedeemInput
    {
        public string? Code { get; set; }

        public string? TrainingName { get; set; }

        public DateOnly? StartDate { get; set; }

        /// <summary>Text, so "2.500,00" can be read the Dutch way.</summary>
        public string? Amount { get; set; }
    }
}

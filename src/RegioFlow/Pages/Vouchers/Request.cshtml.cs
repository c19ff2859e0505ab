using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RegioFlow.Common;
using RegioFlow.Domain;
using RegioFlow.Features.Organisations;
using RegioFlow.Features.Schemes;
using RegioFlow.Features.Vouchers;
using RegioFlow.Pages.Applications;

namespace RegioFlow.Pages.Vouchers;

/// <summary>
/// The request form of a training voucher. "Controleer" sends <see cref="CheckVoucherEligibility.Query"/> (stores
/// nothing) and shows the result per rule, so a resident sees at once why they would not qualify; "Aanvragen" sends
/// <see cref="RequestVoucher.Command"/>, the same as POST /api/vouchers.
/// </summary>
public sealed class RequestModel(IMediator mediator) : PageModel
{
    public const string PriceUnreadable = "Vul de prijs in euro's in, bijvoorbeeld 2500 of 2.500,00.";

    public IReadOnlyList<SchemeDto> Schemes { get; private set; } = [];

    public IReadOnlyList<OrganisationDto> Providers { get; private set; } = [];

    [BindProperty]
    public RequestInput Input { get; set; } = new();

    public StepErrors Errors { get; } = new();

    /// <summary>The outcome of "Controleer", shown above the form.</summary>
    public CheckVoucherEligibility.Response? Check { get; private set; }

    [TempData]
    public string? Status { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        Input.SchemeId ??= Schemes.Count == 1 ? Schemes[0].Id : null;
        return Page();
    }

    public Task<IActionResult> OnPostCheckAsync(CancellationToken cancellationToken) => SendAsync(store: false, cancellationToken);

    public Task<IActionResult> OnPostAsync(CancellationToken cancellationToken) => SendAsync(store: true, cancellationToken);

    private async Task<IActionResult> SendAsync(bool store, CancellationToken cancellationToken)
    {
        decimal? price = null;
        if (!string.IsNullOrWhiteSpace(Input.Price))
        {
            if (Money.TryParseInput(Input.Price, out var parsed))
            {
                price = parsed;
            }
            else
            {
                Errors.Add("training.price", PriceUnreadable);
            }
        }

        if (!Errors.Any)
        {
            var person = new VoucherPersonInput(Input.Name, Input.DateOfBirth, Input.Email, Input.Gemeente, Input.EmploymentStatus, Input.EmployerName);
            var training = new VoucherTrainingInput(Input.ProviderId, Input.Training, Input.Recognised, Input.StartDate, price);
            try
            {
                if (store)
                {
                    var voucher = await mediator.Send(new RequestVoucher.Command(Input.SchemeId, person, training), cancellationToken);
                    Status = voucher.Eligible
                        ? "Uw aanvraag is ontvangen. De fondsbeheerder beoordeelt haar."
                        : "Uw aanvraag is ontvangen, maar voldoet niet aan alle voorwaarden. De fondsbeheerder beoordeelt haar.";
                    return Redirect($"/vouchers/{voucher.Id}");
                }

                Check = await mediator.Send(new CheckVoucherEligibility.Query(Input.SchemeId, person, training), cancellationToken);
                await LoadAsync(cancellationToken);
                return Page();
            }
            catch (ValidationException validation)
            {
                validation.Errors.ToList().ForEach(e => Errors.AddFailure(e.PropertyName, e.ErrorMessage));
            }
            catch (ForbiddenException)
            {
                return StatusCode(StatusCodes.Status403Forbidden);
            }
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Schemes = [.. (await mediator.Send(new ListSchemes.Query(null), cancellationToken)).Where(s => s.Kind == nameof(SchemeKind.Voucher))];
        var kinds = VoucherProviders.Kinds.Select(k => k.ToString()).ToHashSet();
        Providers = [.. (await mediator.Send(new ListOrganisations.Query(), cancellationToken)).Where(o => kinds.Contains(o.Kind)).OrderBy(o => o.Name)];
    }

    public sealed class RequestInput
    {
        public Guid? SchemeId { get; set; }

        public string? Name { get; set; }

        public DateOnly? DateOfBirth { get; set; }

        public string? Email { get; set; }

        public string? Gemeente { get; set; }

        public string? EmploymentStatus { get; set; }

        public string? EmployerName { get; set; }

        public Guid? ProviderId { get; set; }

        public string? Training { get; set; }

        public bool? Recognised { get; set; }

        public DateOnly? StartDate { get; set; }

        /// <summary>Text, so "2.500,00" can be read the Dutch way (<see cref="Money.TryParseInput"/>).</summary>
        public string? Price { get; set; }
    }
}

using FluentValidation;
using FluentValidation.Results;
using Mediator;
using Microsoft.EntityFrameworkCore;
using RegioFlow.Auth;
using RegioFlow.Common;
using RegioFlow.Data;
using RegioFlow.Domain;
using RegioFlow.Workflows;

namespace RegioFlow.Features.Vouchers;

/// <summary>
/// A training provider redeems a voucher with the code the person brings, for a training that starts within the voucher's
/// validity, for at most its value. The code is checked first on its own (form, check character) so a typo gets a 400
/// that says so, before the database is asked; then every refusal is a 404/409 with the reason and nothing is written.
/// </summary>
public static class RedeemVoucher
{
    internal const string CheckCharacterWrong = "De controletekens kloppen niet: is de code goed overgenomen?";

    public sealed record Command(string? Code, string? TrainingName, DateOnly? StartDate, decimal? Amount) : ICommand<VoucherMoneyDto>;

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Code).Cascade(CascadeMode.Stop).NotEmpty().WithMessage("Vul de vouchercode in.")
                .Must(c => VoucherCode.Normalise(c, out _) is not null)
                .WithMessage("Dit is geen vouchercode: een code heeft 12 letters en cijfers, zoals ABCD-EFGH-JKMN.")
                .Must(c => VoucherCode.Normalise(c, out var ok) is null || ok).WithMessage(CheckCharacterWrong);
            RuleFor(c => c.TrainingName).NotEmpty().WithMessage("Vul de naam van de opleiding in.")
                .MaximumLength(300).WithMessage("De naam van de opleiding mag hoogstens 300 tekens lang zijn.");
            RuleFor(c => c.StartDate).NotNull().WithMessage("Vul de startdatum van de opleiding in.");
            RuleFor(c => c.Amount).NotNull().WithMessage("Vul het bedrag in dat u met de voucher verrekent.")
                .GreaterThan(0).WithMessage("Het bedrag moet groter zijn dan nul.")
                .Must(a => a is null || Money.HasAtMostTwoDecimals(a.Value)).WithMessage("Het bedrag mag hoogstens twee decimalen hebben.");
        }
    }

    internal sealed class Handler(RegioFlowDbContext db, CaseService cases, CaseRoleResolver roles, CurrentUser user, TimeProvider clock)
        : ICommandHandler<Command, VoucherMoneyDto>
    {
        public async ValueTask<VoucherMoneyDto> Handle(Command command, CancellationToken cancellationToken)
        {
            if (!user.IsInRole(Role.TrainingProvider))
            {
                throw new ForbiddenException("Alleen een opleider mag een voucher verzilveren.");
            }

            var code = VoucherCode.Normalise(command.Code, out _)!;
            var id = await db.Vouchers.Where(v => v.Code == code).Select(v => (Guid?)v.Id).SingleOrDefaultAsync(cancellationToken)
                ?? throw new NotFoundException("Er is geen voucher met deze code. Controleer de code met de houder van de voucher.");
            var (voucher, @case, actor) = await LoadForProviderAsync(id, cancellationToken);
            var today = DutchCalendar.LocalDate(clock.GetUtcNow());
            if (voucher.RedeemedAt is not null || @case.State is "verzilverd" or "gedeclareerd" or "uitbetaald")
            {
                throw new ConflictException($"Deze voucher is al verzilverd (op {voucher.RedeemedAt:dd-MM-yyyy}); een voucher kan maar één keer worden gebruikt.");
            }

            if (@case.State == "verlopen" || voucher.ExpiresOn < today)
            {
                throw new ConflictException($"Deze voucher is verlopen op {voucher.ExpiresOn:dd-MM-yyyy} en kan niet meer worden verzilverd.");
            }

            if (@case.State != "uitgegeven" || voucher.Value is not { } value)
            {
                throw new ConflictException("Deze voucher is niet uitgegeven (nog in behandeling, afgewezen of ingetrokken) en kan niet worden verzilverd.");
            }

            var failures = new List<ValidationFailure>();
            if (command.Amount > value)
            {
                failures.Add(new("amount", $"Het bedrag is hoger dan de waarde van de voucher ({Money.Format(value)})."));
            }

            var issuedOn = DutchCalendar.LocalDate(voucher.IssuedAt!.Value);
            if (command.StartDate < issuedOn || command.StartDate > voucher.ExpiresOn)
            {
                failures.Add(new("startDate", $"De opleiding moet starten tussen de uitgifte ({issuedOn:dd-MM-yyyy}) en de vervaldatum ({voucher.ExpiresOn:dd-MM-yyyy}) van de voucher."));
            }

            if (failures.Count > 0)
            {
                throw new ValidationException(failures);
            }

            var parameters = new Dictionary<string, string>
            {
                ["opleiding"] = command.TrainingName!.Trim(),
                ["startdatum"] = command.StartDate!.Value.ToString("yyyy-MM-dd"),
                ["bedrag"] = command.Amount!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
            };
            await cases.FireAsync(@case.Id, "verzilveren", parameters, actor, @case.Version, cancellationToken,
                (_, _) =>
                {
                    voucher.Redeem(command.StartDate!.Value, command.Amount!.Value, clock.GetUtcNow());
                    return Task.CompletedTask;
                });
            return await voucher.ToDtoAsync(db, cancellationToken);
        }

        private async Task<(Voucher Voucher, Case Case, CaseActor Actor)> LoadForProviderAsync(Guid id, CancellationToken cancellationToken)
        {
            var voucher = await db.Vouchers.SingleAsync(v => v.Id == id, cancellationToken);
            var @case = await db.Cases.AsNoTracking().SingleAsync(c => c.Id == voucher.CaseId, cancellationToken);
            var actor = await roles.ForAsync(@case, cancellationToken);
            if (!actor.Roles.Contains(CaseRoles.Opleider))
            {
                throw new ConflictException("Deze voucher staat op naam van een andere opleider; alleen die opleider kan haar verzilveren.");
            }

            return (voucher, @case, actor);
        }
    }
}

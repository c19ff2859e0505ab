using System.Globalization;
using FluentValidation;
using FluentValidation.Results;
using Mediator;
using Microsoft.EntityFrameworkCore;
using RegioFlow.Common;
using RegioFlow.Data;
using RegioFlow.Domain;
using RegioFlow.Workflows;

namespace RegioFlow.Features.Applications;

/// <summary>
/// Vaststelling: after the final report the fund administrator fixes the subsidy at an amount up to the grant. What was
/// paid so far (advance and tranches, whatever their status) is settled against it: a final payment when the settled
/// amount is higher, a reclaim (terugvordering) when it is lower. The unused part of the grant goes back to the scheme.
/// Payment, release, the settled amount and the workflow step are stored in one transaction.
/// </summary>
public static class SettleApplication
{
    public sealed record Command(Guid Id, decimal? Amount, string? Motivation, long? Version) : ICommand<SettlementDto>;

    /// <param name="PaidSoFar">Advance and tranches (all statuses) before the settlement.</param>
    /// <param name="Released">Given back to the scheme's budget: granted − settled.</param>
    /// <param name="Payment">The final payment or the reclaim, if any.</param>
    public sealed record SettlementDto(ApplicationDto Application, decimal PaidSoFar, decimal Released, PaymentDto? Payment);

    internal const string NotAllowed = "Alleen een fondsbeheerder van de regeling stelt de subsidie vast.";

    /// <summary>
    /// What settling at <paramref name="settled"/> against <paramref name="paid"/> leads to: an Eindbetaling or a
    /// Terugvordering of the difference, or nothing when they are equal. The settlement page shows it before posting.
    /// </summary>
    public static (PaymentKind Kind, decimal Amount)? Outcome(decimal settled, decimal paid) =>
        settled == paid ? null
        : settled > paid ? (PaymentKind.Eindbetaling, settled - paid)
        : (PaymentKind.Terugvordering, paid - settled);

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Amount).NotNull().WithMessage("Vul het vastgestelde bedrag in.")
                .GreaterThanOrEqualTo(0).WithMessage("Het vastgestelde bedrag kan niet negatief zijn.")
                .Must(a => a is null || Money.HasAtMostTwoDecimals(a.Value)).WithMessage("Een bedrag heeft hoogstens twee decimalen.");
            RuleFor(c => c.Motivation).NotEmpty().WithMessage("Motiveer de vaststelling (bijvoorbeeld welke kosten niet subsidiabel zijn).")
                .MaximumLength(4000).WithMessage("De motivering mag hoogstens 4000 tekens lang zijn.");
        }
    }

    internal sealed class Handler(RegioFlowDbContext db, ApplicationAccess access, CaseService cases, BudgetLedger budget, WorkflowRegistry registry, TimeProvider clock)
        : ICommandHandler<Command, SettlementDto>
    {
        public async ValueTask<SettlementDto> Handle(Command command, CancellationToken cancellationToken)
        {
            var (_, @case, actor) = await access.ActorAsync(command.Id, cancellationToken);
            if (!actor.Roles.Contains(CaseRoles.Behandelaar))
            {
                throw new ForbiddenException(NotAllowed);
            }

            if (@case.State != "eindverantwoording")
            {
                throw new ConflictException("Vaststellen kan pas na de eindverantwoording, en maar één keer.");
            }

            var application = await db.FundingApplications.SingleAsync(a => a.Id == command.Id, cancellationToken);
            var granted = application.GrantedAmount ?? throw new ConflictException("Er is geen subsidie verleend; er valt niets vast te stellen.");
            var amount = command.Amount!.Value;
            if (amount > granted)
            {
                throw new ValidationException([new ValidationFailure("amount",
                    $"Het vastgestelde bedrag mag niet hoger zijn dan het verleende bedrag ({Money.Format(granted)}).")]);
            }

            var paidSoFar = await db.Payments.Where(p => p.ApplicationId == application.Id && (p.Kind == PaymentKind.Voorschot || p.Kind == PaymentKind.Tranche))
                .Select(p => p.Amount).ToListAsync(cancellationToken);
            var paid = paidSoFar.Sum();
            var now = clock.GetUtcNow();
            Payment? payment = Outcome(amount, paid) is { } outcome
                ? new Payment(application.Id, application.SchemeId, outcome.Kind, outcome.Amount, DutchCalendar.LocalDate(now), now,
                    outcome.Kind == PaymentKind.Eindbetaling ? "Eindbetaling na vaststelling" : "Terugvordering na vaststelling")
                : null;
            if (payment is not null)
            {
                db.Payments.Add(payment);
            }

            var motivation = command.Motivation!.Trim();
            application.Settled(amount, motivation, now);
            (await db.Initiatives.SingleAsync(i => i.Id == application.InitiativeId, cancellationToken)).Advance(InitiativeStatus.Afgerond);
            var released = granted - amount;
            CaseEffects? effects = released > 0 ? (c, ct) => budget.ReleaseAsync(application.SchemeId, released, c.Id, ct) : null;
            var parameters = new Dictionary<string, string> { ["bedrag"] = amount.ToString("0.00", CultureInfo.InvariantCulture) };
            await cases.FireAsync(@case.Id, "vaststellen", parameters, actor, command.Version, cancellationToken, effects);
            var dto = (await ApplicationDtoBuilder.BuildAsync(db, registry, [application], cancellationToken))[0];
            return new SettlementDto(dto, paid, released, payment?.ToDto());
        }
    }
}

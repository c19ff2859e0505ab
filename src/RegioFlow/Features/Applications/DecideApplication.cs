using System.Globalization;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using RegioFlow.Common;
using RegioFlow.Data;
using RegioFlow.Domain;
using RegioFlow.Workflows;

namespace RegioFlow.Features.Applications;

/// <summary>
/// The decision body decides: toekennen (a granted amount up to the requested one, with conditions), afwijzen or
/// aanhouden (each with a motivation). A grant commits the amount against the scheme's ceiling and plans the advance
/// payment, in the same transaction as the workflow step; a grant the budget cannot carry is 409 "budget ontoereikend".
/// </summary>
public static class DecideApplication
{
    public static readonly string[] Decisions = ["toekennen", "afwijzen", "aanhouden"];

    public sealed record Command(Guid Id, string? Decision, decimal? Amount, string? Conditions, string? Motivation, long? Version) : ICommand<ApplicationDto>;

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Decision).Must(d => Decisions.Contains(d)).WithMessage("Kies het besluit: toekennen, afwijzen of aanhouden.");
            When(c => c.Decision == "toekennen", () =>
                RuleFor(c => c.Amount).NotNull().WithMessage("Vul het toegekende bedrag in.")
                    .GreaterThan(0).WithMessage("Het toegekende bedrag moet groter dan € 0 zijn.")
                    .Must(a => a is null || Money.HasAtMostTwoDecimals(a.Value)).WithMessage("Een bedrag heeft hoogstens twee decimalen."));
            When(c => c.Decision is "afwijzen" or "aanhouden", () =>
                RuleFor(c => c.Motivation).NotEmpty().WithMessage("Motiveer het besluit."));
            RuleFor(c => c.Motivation).MaximumLength(4000).WithMessage("De motivering mag hoogstens 4000 tekens lang zijn.");
            RuleFor(c => c.Conditions).MaximumLength(4000).WithMessage("De voorwaarden mogen hoogstens 4000 tekens lang zijn.");
        }
    }

    internal sealed class Handler(RegioFlowDbContext db, ApplicationAccess access, CaseService cases, BudgetLedger budget, WorkflowRegistry registry, TimeProvider clock)
        : ICommandHandler<Command, ApplicationDto>
    {
        public async ValueTask<ApplicationDto> Handle(Command command, CancellationToken cancellationToken)
        {
            var (_, @case, actor) = await access.ActorAsync(command.Id, cancellationToken);
            var application = await db.FundingApplications.SingleAsync(a => a.Id == command.Id, cancellationToken);
            var scheme = await db.Schemes.AsNoTracking().SingleAsync(s => s.Id == application.SchemeId, cancellationToken);
            var now = clock.GetUtcNow();
            var parameters = new Dictionary<string, string>();
            CaseEffects? effects = null;
            switch (command.Decision)
            {
                case "toekennen":
                    var amount = command.Amount!.Value;
                    if (amount > application.RequestedAmount)
                    {
                        throw new ValidationException([new FluentValidation.Results.ValidationFailure("amount",
                            $"Het toegekende bedrag mag niet hoger zijn dan het gevraagde bedrag ({Money.Format(application.RequestedAmount)}).")]);
                    }

                    parameters["bedrag"] = amount.ToString("0.00", CultureInfo.InvariantCulture);
                    application.Granted(amount, command.Conditions?.Trim(), now);
                    (await db.Initiatives.SingleAsync(i => i.Id == application.InitiativeId, cancellationToken)).Advance(InitiativeStatus.Lopend);
                    var advance = decimal.Round(amount * scheme.AdvancePercent / 100m, 2);
                    if (advance > 0)
                    {
                        db.Payments.Add(new Payment(application.Id, scheme.Id, PaymentKind.Voorschot, advance, DutchCalendar.LocalDate(now), now));
                    }

                    effects = (c, ct) => budget.CommitAsync(scheme.Id, amount, c.Id, ct);
                    break;
                case "afwijzen":
                    parameters["motivering"] = command.Motivation!.Trim();
                    application.Rejected(command.Motivation.Trim(), now);
                    break;
                default:
                    parameters["motivering"] = command.Motivation!.Trim();
                    break;
            }

            await cases.FireAsync(@case.Id, command.Decision!, parameters, actor, command.Version, cancellationToken, effects);
            return (await ApplicationDtoBuilder.BuildAsync(db, registry, [application], cancellationToken))[0];
        }
    }
}

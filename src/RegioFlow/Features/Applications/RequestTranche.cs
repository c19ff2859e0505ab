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
/// During the execution the initiative lead (or the fund administrator for them) asks for the next tranche: a planned
/// Tranche payment that the fund administrator then approves and pays. The scheme fixes how many tranches there are,
/// and advance plus tranches may never exceed the granted amount (the rest is for the settlement).
/// </summary>
public static class RequestTranche
{
    public sealed record Command(Guid Id, decimal? Amount, string? Description) : ICommand<PaymentDto>;

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Amount).NotNull().WithMessage("Vul het bedrag van de tranche in.")
                .GreaterThan(0).WithMessage("Het bedrag moet groter dan € 0 zijn.")
                .Must(a => a is null || Money.HasAtMostTwoDecimals(a.Value)).WithMessage("Een bedrag heeft hoogstens twee decimalen.");
            RuleFor(c => c.Description).MaximumLength(500).WithMessage("De omschrijving mag hoogstens 500 tekens lang zijn.");
        }
    }

    internal sealed class Handler(RegioFlowDbContext db, ApplicationAccess access, TimeProvider clock) : ICommandHandler<Command, PaymentDto>
    {
        public async ValueTask<PaymentDto> Handle(Command command, CancellationToken cancellationToken)
        {
            var (application, @case, actor) = await access.ActorAsync(command.Id, cancellationToken);
            if (!MayRequest(actor))
            {
                throw new ForbiddenException("Alleen de initiatiefnemer of de fondsbeheerder van de regeling vraagt een tranche aan.");
            }

            if (@case.State != "uitvoering")
            {
                throw new ConflictException("Een tranche kan alleen tijdens de uitvoering worden aangevraagd.");
            }

            var scheme = await db.Schemes.AsNoTracking().SingleAsync(s => s.Id == application.SchemeId, cancellationToken);
            var earlier = await db.Payments.AsNoTracking().Where(p => p.ApplicationId == application.Id).Select(p => new { p.Kind, p.Amount }).ToListAsync(cancellationToken);
            var tranches = earlier.Count(p => p.Kind == PaymentKind.Tranche);
            if (tranches >= scheme.Tranches)
            {
                throw new ConflictException(scheme.Tranches == 0
                    ? $"De regeling '{scheme.Name}' kent geen tranches; het restant volgt bij de vaststelling."
                    : $"De regeling '{scheme.Name}' kent {scheme.Tranches} tranche(s) en die zijn al aangevraagd; het restant volgt bij de vaststelling.");
            }

            var amount = command.Amount!.Value;
            var left = Left(application.GrantedAmount, earlier.Where(p => p.Kind is PaymentKind.Voorschot or PaymentKind.Tranche).Sum(p => p.Amount));
            if (amount > left)
            {
                throw new ValidationException([new ValidationFailure("amount",
                    $"Het bedrag is hoger dan wat er van de subsidie nog over is ({Money.Format(Math.Max(left, 0))}).")]);
            }

            var now = clock.GetUtcNow();
            var description = string.IsNullOrWhiteSpace(command.Description) ? $"Tranche {tranches + 1}" : command.Description.Trim();
            var payment = new Payment(application.Id, scheme.Id, PaymentKind.Tranche, amount, DutchCalendar.LocalDate(now), now, description, actor.Name);
            db.Payments.Add(payment);

            // Two requests at the same moment could each fit on their own and together exceed the grant. Claiming the
            // case version in the same transaction serialises them: the second finds the version moved and gets 409.
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var claimed = await db.Cases.Where(c => c.Id == @case.Id && c.Version == @case.Version && c.State == "uitvoering")
                .ExecuteUpdateAsync(u => u.SetProperty(c => c.Version, c => c.Version + 1), cancellationToken);
            if (claimed == 0)
            {
                throw new ConflictException("De aanvraag is intussen gewijzigd. Laad haar opnieuw en probeer het nog eens.");
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return payment.ToDto();
        }
    }

    /// <summary>Who may ask for a tranche, shared with the case page so it offers the form only to them.</summary>
    internal static bool MayRequest(CaseActor actor) => actor.Roles.Contains(CaseRoles.Initiator) || actor.Roles.Contains(CaseRoles.Behandelaar);

    /// <summary>What advance and tranches may still take from the grant; the rest is for the settlement.</summary>
    internal static decimal Left(decimal? granted, decimal advanceAndTranches) => (granted ?? 0) - advanceAndTranches;
}

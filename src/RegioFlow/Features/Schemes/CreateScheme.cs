using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using RegioFlow.Auth;
using RegioFlow.Common;
using RegioFlow.Data;
using RegioFlow.Domain;
using RegioFlow.Features.Applications;
using RegioFlow.Workflows;

namespace RegioFlow.Features.Schemes;

/// <summary>A fund administrator adds a scheme for their own fund (an organisation they belong to).</summary>
public static class CreateScheme
{
    public sealed record Command(string? Name, string? Kind, string? Funder, int? RegionId, Guid? FundOrganisationId, SchemeTerms? Terms) : ICommand<SchemeDto>;

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator(RegioFlowDbContext db, WorkflowRegistry workflows)
        {
            RuleFor(c => c.Name).NotEmpty().WithMessage("Vul de naam van de regeling in.")
                .MaximumLength(200).WithMessage("De naam mag hoogstens 200 tekens lang zijn.");
            RuleFor(c => c.Kind).Must(k => Enum.TryParse<SchemeKind>(k, ignoreCase: true, out _) && !int.TryParse(k, out _))
                .WithMessage("Kies de soort regeling: Subsidie of Voucher.");
            RuleFor(c => c.Funder).NotEmpty().WithMessage("Vul de financier in.").MaximumLength(200).WithMessage("De financier mag hoogstens 200 tekens lang zijn.");
            RuleFor(c => c.RegionId).MustAsync(async (id, ct) => id is null || await db.Regions.AnyAsync(r => r.Id == id, ct))
                .WithMessage(c => $"Er is geen arbeidsmarktregio met id {c.RegionId}.");
            RuleFor(c => c.FundOrganisationId).NotNull().WithMessage("Kies de organisatie die het fonds beheert.");
            RuleFor(c => c.Terms).NotNull().WithMessage("Vul de voorwaarden van de regeling in.");
            When(c => c.Terms is not null, () =>
            {
                RuleFor(c => c.Terms!.BudgetCeiling).GreaterThan(0).WithMessage("Het budgetplafond moet groter dan € 0 zijn.")
                    .Must(Money.HasAtMostTwoDecimals).WithMessage("Een bedrag heeft hoogstens twee decimalen.");
                RuleFor(c => c.Terms!.MaxAmount).GreaterThan(0).WithMessage("Het maximumbedrag per aanvraag moet groter dan € 0 zijn.")
                    .Must(Money.HasAtMostTwoDecimals).WithMessage("Een bedrag heeft hoogstens twee decimalen.")
                    .Must((c, max) => max <= c.Terms!.BudgetCeiling).WithMessage("Het maximumbedrag per aanvraag mag niet boven het budgetplafond liggen.");
                RuleFor(c => c.Terms!.BudgetPeriodEnd).GreaterThanOrEqualTo(c => c.Terms!.BudgetPeriodStart)
                    .WithMessage("De budgetperiode eindigt vóór ze begint.");
                RuleFor(c => c.Terms!.WindowCloses).GreaterThanOrEqualTo(c => c.Terms!.WindowOpens)
                    .WithMessage("Het aanvraagvenster sluit vóór het opent.");
                RuleFor(c => c.Terms!.MinCoFinancingPercent).InclusiveBetween(0, 100).WithMessage("De minimale cofinanciering is een percentage van 0 tot en met 100.");
                RuleFor(c => c.Terms!.AdvancePercent).InclusiveBetween(0, 100).WithMessage("Het voorschot is een percentage van 0 tot en met 100.");
                RuleFor(c => c.Terms!.Tranches).InclusiveBetween(0, 12).WithMessage("Het aantal tranches ligt tussen 0 en 12.");
                RuleFor(c => c.Terms!.ProgressReportMonths).InclusiveBetween(1, 24).WithMessage("Een voortgangsrapportage is elke 1 tot 24 maanden nodig.");
                RuleFor(c => c.Terms!.FinalReportWeeks).InclusiveBetween(1, 52).WithMessage("De eindverantwoording is binnen 1 tot 52 weken na afloop nodig.");
                RuleFor(c => c.Terms!.Quorum).InclusiveBetween(1, 50).WithMessage("Het quorum ligt tussen 1 en 50 beoordelaars.");
                RuleFor(c => c.Terms!.ChecklistId).NotEmpty().WithMessage("Kies het toetsingskader.");
                RuleFor(c => c.Terms!.WorkflowId).Must(id => id is not null && workflows.All.Any(d => d.Id == id))
                    .WithMessage(c => $"Er is geen workflow '{c.Terms!.WorkflowId}'.");
                RuleFor(c => c.Terms!.AssessingBodyId)
                    .MustAsync(async (id, ct) => id is null || await db.Bodies.AnyAsync(b => b.Id == id && b.Kind == BodyKind.Thematafel, ct))
                    .WithMessage("De beoordelende thematafel bestaat niet.");
                RuleFor(c => c.Terms!.DecisionBodyId)
                    .MustAsync(async (id, ct) => id is null || await db.Bodies.AnyAsync(b => b.Id == id && b.Kind == BodyKind.Besluitorgaan, ct))
                    .WithMessage("Het besluitvormend orgaan bestaat niet.");
            });
        }
    }

    internal sealed class Handler(RegioFlowDbContext db, ApplicationAccess access, CurrentUser user, TimeProvider clock) : ICommandHandler<Command, SchemeDto>
    {
        public async ValueTask<SchemeDto> Handle(Command command, CancellationToken cancellationToken)
        {
            var fund = command.FundOrganisationId!.Value;
            if (!user.IsInRole(Role.Admin) && !(await access.OrganisationsAsync(cancellationToken)).Contains(fund))
            {
                throw new ForbiddenException("U kunt alleen een regeling toevoegen voor een fonds van uw eigen organisatie.");
            }

            var name = command.Name!.Trim();
            if (await db.Schemes.AnyAsync(s => s.Name == name, cancellationToken))
            {
                throw new ConflictException($"Er bestaat al een regeling met de naam '{name}'.");
            }

            var scheme = new Scheme(name, Enum.Parse<SchemeKind>(command.Kind!, ignoreCase: true), command.Funder!.Trim(), command.RegionId, fund, command.Terms!, clock.GetUtcNow());
            db.Schemes.Add(scheme);
            await db.SaveChangesAsync(cancellationToken);
            return scheme.ToDto();
        }
    }
}

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

/// <summary>
/// A fund administrator of the scheme's fund changes its conditions (window, ceiling, maximum, payout, reporting, who
/// assesses and decides). Applications already under way keep their amounts; the ceiling can never drop below what is
/// already committed, also not when a grant lands at the same moment (the database's check constraint decides then).
/// </summary>
public static class UpdateScheme
{
    public sealed record Command(Guid Id, SchemeTerms? Terms, VoucherTerms? VoucherTerms = null) : ICommand<SchemeDto>;

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator(RegioFlowDbContext db, WorkflowRegistry workflows)
        {
            RuleFor(c => c.Terms).NotNull().WithMessage("Vul de voorwaarden van de regeling in.");
            RuleFor(c => c.Terms!).SetValidator(new SchemeTermsValidator(db, workflows)).When(c => c.Terms is not null);
            RuleFor(c => c.VoucherTerms!).SetValidator(new VoucherTermsValidator()).When(c => c.VoucherTerms is not null);
        }
    }

    internal sealed class Handler(RegioFlowDbContext db, ApplicationAccess access, CurrentUser user) : ICommandHandler<Command, SchemeDto>
    {
        public async ValueTask<SchemeDto> Handle(Command command, CancellationToken cancellationToken)
        {
            var scheme = await db.Schemes.SingleOrDefaultAsync(s => s.Id == command.Id, cancellationToken)
                ?? throw new NotFoundException($"Er is geen regeling met id {command.Id}.");
            if (!user.IsInRole(Role.Admin)
                && !(user.IsInRole(Role.FundAdministrator) && (await access.OrganisationsAsync(cancellationToken)).Contains(scheme.FundOrganisationId)))
            {
                throw new ForbiddenException("Alleen een fondsbeheerder van het fonds van deze regeling mag haar voorwaarden wijzigen.");
            }

            if (scheme.Kind == SchemeKind.Voucher && command.VoucherTerms is null)
            {
                throw new ValidationException([new FluentValidation.Results.ValidationFailure("voucherTerms", "Vul de voorwaarden van de voucherregeling in.")]);
            }

            var terms = command.Terms!;
            if (!VoucherSchemeWorkflow.Fits(scheme.Kind == SchemeKind.Voucher, terms.WorkflowId))
            {
                throw new ValidationException([new FluentValidation.Results.ValidationFailure("terms.workflowId", VoucherSchemeWorkflow.Message(scheme.Kind == SchemeKind.Voucher))]);
            }

            if (terms.BudgetCeiling < scheme.Committed)
            {
                throw new ValidationException([new FluentValidation.Results.ValidationFailure("terms.budgetCeiling",
                    $"Het budgetplafond kan niet lager zijn dan wat al is toegekend ({Money.Format(scheme.Committed)}).")]);
            }

            scheme.Apply(terms);
            scheme.SetVoucherTerms(scheme.Kind == SchemeKind.Voucher ? command.VoucherTerms : null);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                throw new ConflictException("Budget ontoereikend: intussen is meer toegekend dan het nieuwe budgetplafond. Laad de regeling opnieuw.");
            }

            return scheme.ToDto();
        }
    }
}

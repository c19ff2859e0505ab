using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using RegioFlow.Auth;
using RegioFlow.Common;
using RegioFlow.Data;
using RegioFlow.Domain;
using RegioFlow.Workflows;

namespace RegioFlow.Features.Applications;

/// <summary>An initiative lead starts a draft application: the initiative, the scheme and the amount; a case in 'concept'.</summary>
public static class CreateApplication
{
    /// <param name="OrganisationId">The applicant organisation; may be left out when the user belongs to one organisation.</param>
    public sealed record Command(Guid? SchemeId, Guid? OrganisationId, decimal? RequestedAmount, InitiativeInput? Initiative) : ICommand<ApplicationDto>;

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator(RegioFlowDbContext db)
        {
            RuleFor(c => c.SchemeId).NotNull().WithMessage("Kies de regeling waarvoor u aanvraagt.")
                .MustAsync(async (id, ct) => id is null || await db.Schemes.AnyAsync(s => s.Id == id && s.Kind == SchemeKind.Subsidie, ct))
                .WithMessage("Er is geen subsidieregeling met dit id.");
            RuleFor(c => c.RequestedAmount).ValidRequestedAmount(db, c => c.SchemeId);
            RuleFor(c => c.Initiative).NotNull().WithMessage("Beschrijf het initiatief.").SetValidator(new InitiativeInputValidator()!);
        }
    }

    internal sealed class Handler(RegioFlowDbContext db, CaseService cases, ApplicationAccess access, WorkflowRegistry registry, CurrentUser user, TimeProvider clock)
        : ICommandHandler<Command, ApplicationDto>
    {
        public async ValueTask<ApplicationDto> Handle(Command command, CancellationToken cancellationToken)
        {
            if (!user.IsInRole(Role.InitiativeLead))
            {
                throw new ForbiddenException("Alleen een initiatiefnemer kan een subsidieaanvraag starten.");
            }

            var organisations = await access.OrganisationsAsync(cancellationToken);
            var organisation = command.OrganisationId ?? (organisations.Count == 1 ? organisations[0]
                : throw new ValidationException([new FluentValidation.Results.ValidationFailure("organisationId",
                    organisations.Count == 0 ? "U hoort bij geen organisatie; vraag de beheerder u aan uw organisatie te koppelen." : "Kies namens welke organisatie u aanvraagt.")]));
            if (!organisations.Contains(organisation))
            {
                throw new ForbiddenException("U kunt alleen aanvragen namens een organisatie waarvan u lid bent.");
            }

            var scheme = await db.Schemes.AsNoTracking().SingleAsync(s => s.Id == command.SchemeId, cancellationToken);
            var now = clock.GetUtcNow();
            var initiative = new Initiative(organisation, command.Initiative!.ToContent(), now);
            var application = new FundingApplication(scheme.Id, initiative.Id, organisation, user.SubjectId!, command.RequestedAmount!.Value, now);
            db.Initiatives.Add(initiative);
            db.FundingApplications.Add(application);
            await cases.StartAsync(scheme.WorkflowId, FundingApplication.SubjectType, application.Id.ToString(), user.SubjectId!, cancellationToken,
                (@case, _) =>
                {
                    application.AttachCase(@case.Id);
                    return Task.CompletedTask;
                });
            return (await ApplicationDtoBuilder.BuildAsync(db, registry, [application], cancellationToken))[0];
        }
    }
}

/// <summary>An amount above € 0, with at most two decimals, and not above the scheme's maximum.</summary>
internal static class RequestedAmountRules
{
    public static void ValidRequestedAmount<T>(this IRuleBuilderInitial<T, decimal?> rule, RegioFlowDbContext db, Func<T, Guid?> schemeId) => rule
        .CustomAsync(async (amount, context, ct) =>
        {
            if (amount is null)
            {
                context.AddFailure("Vul het gevraagde bedrag in.");
                return;
            }

            if (amount <= 0)
            {
                context.AddFailure("Het gevraagde bedrag moet groter dan € 0 zijn.");
                return;
            }

            if (!Money.HasAtMostTwoDecimals(amount.Value))
            {
                context.AddFailure("Een bedrag heeft hoogstens twee decimalen.");
                return;
            }

            var id = schemeId(context.InstanceToValidate);
            var max = await db.Schemes.Where(s => s.Id == id).Select(s => (decimal?)s.MaxAmount).SingleOrDefaultAsync(ct);
            if (max is { } m && amount > m)
            {
                context.AddFailure($"Het gevraagde bedrag is hoger dan het maximum van de regeling ({Money.Format(m)}).");
            }
        });
}

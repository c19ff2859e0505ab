using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using RegioFlow.Common;
using RegioFlow.Data;
using RegioFlow.Workflows;

namespace RegioFlow.Features.Applications;

/// <summary>The initiative lead saves the draft again; only while the case is in 'concept'.</summary>
public static class UpdateApplication
{
    public sealed record Command(Guid Id, decimal? RequestedAmount, InitiativeInput? Initiative) : ICommand<ApplicationDto>;

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator(RegioFlowDbContext db)
        {
            RuleFor(c => c.RequestedAmount).ValidRequestedAmount(db,
                c => db.FundingApplications.Where(a => a.Id == c.Id).Select(a => (Guid?)a.SchemeId).SingleOrDefault());
            RuleFor(c => c.Initiative).NotNull().WithMessage("Beschrijf het initiatief.").SetValidator(new InitiativeInputValidator()!);
        }
    }

    internal sealed class Handler(RegioFlowDbContext db, ApplicationAccess access, WorkflowRegistry registry, TimeProvider clock)
        : ICommandHandler<Command, ApplicationDto>
    {
        public async ValueTask<ApplicationDto> Handle(Command command, CancellationToken cancellationToken)
        {
            var (_, @case, actor) = await access.ActorAsync(command.Id, cancellationToken);
            if (!actor.Roles.Contains(CaseRoles.Initiator))
            {
                throw new ForbiddenException("Alleen een initiatiefnemer van de aanvragende organisatie mag het concept wijzigen.");
            }

            if (@case.State != "concept")
            {
                throw new ConflictException("De aanvraag is al ingediend; een ingediende aanvraag wijzigt u niet meer.");
            }

            var application = await db.FundingApplications.SingleAsync(a => a.Id == command.Id, cancellationToken);
            var initiative = await db.Initiatives.SingleAsync(i => i.Id == application.InitiativeId, cancellationToken);
            var now = clock.GetUtcNow();
            initiative.Update(command.Initiative!.ToContent());
            application.UpdateDraft(command.RequestedAmount!.Value, now);
            await db.SaveChangesAsync(cancellationToken);
            return (await ApplicationDtoBuilder.BuildAsync(db, registry, [application], cancellationToken))[0];
        }
    }
}

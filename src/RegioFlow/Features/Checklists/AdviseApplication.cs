using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using RegioFlow.Data;
using RegioFlow.Domain;
using RegioFlow.Features.Applications;
using RegioFlow.Workflows;

namespace RegioFlow.Features.Checklists;

/// <summary>
/// The chair of the assessing table gives the table's advice to the decision body: positief, negatief or aanhouden,
/// with a motivation. Only once at least the scheme's quorum of members has submitted an assessment, so an advice always
/// rests on the members' answers. The advice is stored on the application and the workflow step advies-uitbrengen is
/// fired in the same SaveChanges; the generic case route refuses that step (<see cref="SubsidyTriggers"/>).
/// </summary>
public static class AdviseApplication
{
    /// <param name="Version">The case version the caller saw; a newer one gives 409.</param>
    public sealed record Command(Guid ApplicationId, string? Advice, string? Motivation, long? Version) : ICommand<Response>;

    public sealed record Response(Guid ApplicationId, Guid CaseId, long CaseVersion, string State, string StateLabel, AdviceDto Advice);

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Advice).Must(a => ChecklistRules.Advices.Contains(a)).WithMessage("Kies het advies: positief, negatief of aanhouden.");
            RuleFor(c => c.Motivation).NotEmpty().WithMessage("Motiveer het advies.")
                .MaximumLength(4000).WithMessage("De motivering mag hoogstens 4000 tekens lang zijn.");
        }
    }

    internal sealed class Handler(RegioFlowDbContext db, ApplicationAccess access, CaseService cases, WorkflowRegistry registry, TimeProvider clock)
        : ICommandHandler<Command, Response>
    {
        public async ValueTask<Response> Handle(Command command, CancellationToken cancellationToken)
        {
            var (_, @case, actor) = await access.ActorAsync(command.ApplicationId, cancellationToken);
            var application = await db.FundingApplications.SingleAsync(a => a.Id == command.ApplicationId, cancellationToken);
            var quorum = await db.Schemes.Where(s => s.Id == application.SchemeId).Select(s => s.Quorum).SingleAsync(cancellationToken);
            var submitted = await db.Assessments.CountAsync(a => a.ApplicationId == application.Id && a.Status == AssessmentStatus.Ingediend, cancellationToken);
            var definition = registry.Get(@case.DefinitionId, @case.DefinitionVersion);
            if (ChecklistRules.CannotAdvise(@case, definition.State(@case.State).Label, actor, submitted, quorum) is { } refused)
            {
                throw refused;
            }

            var motivation = command.Motivation!.Trim();
            application.Advised(command.Advice!, motivation, actor.Name, clock.GetUtcNow());
            var parameters = new Dictionary<string, string> { ["advies"] = command.Advice!, ["motivering"] = motivation };
            await cases.FireAsync(@case.Id, ChecklistRules.AdviceTrigger, parameters, actor, command.Version, cancellationToken);

            var after = await db.Cases.AsNoTracking().SingleAsync(c => c.Id == @case.Id, cancellationToken);
            var chair = await db.Users.AsNoTracking().Where(u => u.ExternalId == actor.Name).Select(u => u.DisplayName).SingleOrDefaultAsync(cancellationToken);
            return new Response(application.Id, after.Id, after.Version, after.State, definition.State(after.State).Label,
                new AdviceDto(application.Advice!, motivation, actor.Name, chair ?? actor.Name, application.AdvisedAt!.Value));
        }
    }
}

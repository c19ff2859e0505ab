using FluentValidation;
using Mediator;
using RegioFlow.Data;
using RegioFlow.Workflows;

namespace RegioFlow.Features.Cases;

/// <summary>Opschorting (Awb 4:15) and its end, on request of the behandelaar.</summary>
public static class SuspendCase
{
    public sealed record Command(Guid CaseId, string? Reason, long? Version) : ICommand<CaseDto>;

    public sealed record ResumeCommand(Guid CaseId, long? Version) : ICommand<CaseDto>;

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Reason)
            .NotEmpty().WithMessage("Geef de reden van de opschorting.")
            .MaximumLength(1000).WithMessage("De reden mag hoogstens 1000 tekens lang zijn.");
    }

    internal sealed class Handler(RegioFlowDbContext db, WorkflowRegistry registry, CaseService cases, CaseRoleResolver access)
        : ICommandHandler<Command, CaseDto>, ICommandHandler<ResumeCommand, CaseDto>
    {
        public async ValueTask<CaseDto> Handle(Command command, CancellationToken cancellationToken)
        {
            var (visible, actor) = await access.VisibleCaseAsync(command.CaseId, cancellationToken);
            var @case = await cases.SuspendAsync(visible.Id, command.Reason!.Trim(), actor, command.Version, cancellationToken);
            return await CaseDtoBuilder.BuildAsync(db, registry, cases, @case, actor, cancellationToken);
        }

        public async ValueTask<CaseDto> Handle(ResumeCommand command, CancellationToken cancellationToken)
        {
            var (visible, actor) = await access.VisibleCaseAsync(command.CaseId, cancellationToken);
            var @case = await cases.ResumeAsync(visible.Id, actor, command.Version, cancellationToken);
            return await CaseDtoBuilder.BuildAsync(db, registry, cases, @case, actor, cancellationToken);
        }
    }
}

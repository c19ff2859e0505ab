using FluentValidation;
using Mediator;
using RegioFlow.Data;
using RegioFlow.Workflows;

namespace RegioFlow.Features.Cases;

/// <summary>Verlenging of the decision term (Awb 4:14): once, within the case type's verlengingstermijn.</summary>
public static class ExtendCase
{
    /// <param name="Duration">ISO 8601 duration, e.g. "P4W".</param>
    public sealed record Command(Guid CaseId, string? Duration, string? Reason, long? Version) : ICommand<CaseDto>;

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Duration)
                .Must(d => IsoDuration.TryParse(d, out _)).WithMessage("Geef de verlenging als ISO 8601-duur, bijvoorbeeld P4W (vier weken).");
            RuleFor(c => c.Reason)
                .NotEmpty().WithMessage("Geef de reden van de verlenging.")
                .MaximumLength(1000).WithMessage("De reden mag hoogstens 1000 tekens lang zijn.");
        }
    }

    internal sealed class Handler(RegioFlowDbContext db, WorkflowRegistry registry, CaseService cases, CaseRoleResolver access) : ICommandHandler<Command, CaseDto>
    {
        public async ValueTask<CaseDto> Handle(Command command, CancellationToken cancellationToken)
        {
            var (visible, actor) = await access.VisibleCaseAsync(command.CaseId, cancellationToken);
            var @case = await cases.ExtendAsync(visible.Id, IsoDuration.Parse(command.Duration!), command.Reason!.Trim(), actor, command.Version, cancellationToken);
            return await CaseDtoBuilder.BuildAsync(db, registry, cases, @case, actor, cancellationToken);
        }
    }
}

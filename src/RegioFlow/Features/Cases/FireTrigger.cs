using FluentValidation;
using Mediator;
using RegioFlow.Common;
using RegioFlow.Data;
using RegioFlow.Domain;
using RegioFlow.Features.Applications;
using RegioFlow.Workflows;

namespace RegioFlow.Features.Cases;

public static class FireTrigger
{
    /// <param name="Version">The case version the caller saw; a newer one gives 409 instead of acting on stale data.</param>
    public sealed record Command(Guid CaseId, string Trigger, IReadOnlyDictionary<string, string>? Parameters, long? Version) : ICommand<CaseDto>;

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Trigger).NotEmpty().MaximumLength(100).WithMessage("Geef de trigger op.");
            RuleForEach(c => c.Parameters).Must(p => p.Key.Length <= 100 && p.Value.Length <= 4000)
                .WithMessage("Een parameter mag hoogstens 4000 tekens lang zijn.");
        }
    }

    internal sealed class Handler(RegioFlowDbContext db, WorkflowRegistry registry, CaseService cases, CaseRoleResolver access) : ICommandHandler<Command, CaseDto>
    {
        public async ValueTask<CaseDto> Handle(Command command, CancellationToken cancellationToken)
        {
            var (visible, actor) = await access.VisibleCaseAsync(command.CaseId, cancellationToken);
            if (FeatureOwnedTriggers.BySubjectType.TryGetValue(visible.SubjectType, out var owned) && owned.TryGetValue(command.Trigger, out var route))
            {
                throw new ConflictException($"'{command.Trigger}' neemt gegevens en controles mee die bij de {SubjectName(visible.SubjectType)} horen; gebruik {route}.");
            }

            var @case = await cases.FireAsync(visible.Id, command.Trigger, command.Parameters ?? new Dictionary<string, string>(), actor, command.Version, cancellationToken);
            return await CaseDtoBuilder.BuildAsync(db, registry, cases, @case, actor, cancellationToken);
        }

        private static string SubjectName(string subjectType) => subjectType == Voucher.SubjectType ? "voucher" : "aanvraag";
    }
}

/// <summary>
/// Steps that carry data or checks of their own go through their feature's API, never through the generic trigger
/// route, per kind of case subject: a grant or an issued voucher cannot skip the budget, a submission its check.
/// </summary>
public static class FeatureOwnedTriggers
{
    public static readonly IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> BySubjectType = new Dictionary<string, IReadOnlyDictionary<string, string>>
    {
        [FundingApplication.SubjectType] = SubsidyTriggers.FeatureOwned,
        [Voucher.SubjectType] = Features.Vouchers.VoucherTriggers.FeatureOwned,
    };
}

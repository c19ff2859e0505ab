using FluentValidation;
using Mediator;
using RegioFlow.Common;
using RegioFlow.Data;
using RegioFlow.Workflows;

namespace RegioFlow.Features.Vouchers;

/// <summary>
/// The fund administrator approves a claim and records it paid (the claim amount is added to the scheme's paid figure,
/// and what the voucher did not use, value − paid, goes back from committed to the budget), or rejects it with a
/// motivation (back to verzilverd: the provider may claim again). Payment, release, voucher and step are one transaction.
/// </summary>
public static class DecideVoucherClaim
{
    public sealed record ApproveCommand(Guid Id, DateOnly? PaidOn, string? Reference) : ICommand<VoucherMoneyDto>;

    public sealed record RejectCommand(Guid Id, string? Motivation) : ICommand<VoucherMoneyDto>;

    internal sealed class ApproveValidator : AbstractValidator<ApproveCommand>
    {
        public ApproveValidator(TimeProvider clock)
        {
            RuleFor(c => c.PaidOn).NotNull().WithMessage("Vul de betaaldatum in.")
                .Must(d => d is null || d <= DutchCalendar.LocalDate(clock.GetUtcNow())).WithMessage("De betaaldatum kan niet in de toekomst liggen.");
            RuleFor(c => c.Reference).NotEmpty().WithMessage("Vul het betalingskenmerk in.")
                .MaximumLength(100).WithMessage("Het betalingskenmerk mag hoogstens 100 tekens lang zijn.");
        }
    }

    internal sealed class RejectValidator : AbstractValidator<RejectCommand>
    {
        public RejectValidator()
        {
            RuleFor(c => c.Motivation).NotEmpty().WithMessage("Motiveer waarom de declaratie wordt afgewezen.")
                .MaximumLength(4000).WithMessage("De motivering mag hoogstens 4000 tekens lang zijn.");
        }
    }

    internal sealed class Handler(RegioFlowDbContext db, CaseService cases, CaseRoleResolver roles, BudgetLedger budget, TimeProvider clock)
        : ICommandHandler<ApproveCommand, VoucherMoneyDto>, ICommandHandler<RejectCommand, VoucherMoneyDto>
    {
        public async ValueTask<VoucherMoneyDto> Handle(ApproveCommand command, CancellationToken cancellationToken)
        {
            var (voucher, @case, actor) = await LoadAsync(command.Id, cancellationToken);
            var paid = voucher.ClaimAmount!.Value;
            var unused = (voucher.Value ?? 0) - paid;
            await cases.FireAsync(@case.Id, "uitbetalen", new Dictionary<string, string> { ["kenmerk"] = command.Reference!.Trim() }, actor, @case.Version, cancellationToken,
                async (c, ct) =>
                {
                    voucher.Paid(paid, command.PaidOn!.Value, command.Reference!.Trim(), clock.GetUtcNow());
                    await budget.PaidAsync(voucher.SchemeId, paid, c.Id, ct);
                    if (unused > 0)
                    {
                        await budget.ReleaseAsync(voucher.SchemeId, unused, c.Id, ct);
                    }
                });
            return await voucher.ToDtoAsync(db, cancellationToken);
        }

        public async ValueTask<VoucherMoneyDto> Handle(RejectCommand command, CancellationToken cancellationToken)
        {
            var (voucher, @case, actor) = await LoadAsync(command.Id, cancellationToken);
            await cases.FireAsync(@case.Id, "declaratie-afwijzen", new Dictionary<string, string> { ["motivering"] = command.Motivation!.Trim() }, actor, @case.Version, cancellationToken);
            return await voucher.ToDtoAsync(db, cancellationToken);
        }

        private async Task<(Domain.Voucher Voucher, Domain.Case Case, CaseActor Actor)> LoadAsync(Guid id, CancellationToken cancellationToken)
        {
            var (voucher, @case, actor) = await VoucherSteps.LoadAsync(db, roles, id, cancellationToken);
            if (!actor.Roles.Contains(CaseRoles.Behandelaar))
            {
                throw new ForbiddenException("Alleen een fondsbeheerder van de regeling mag een declaratie beoordelen.");
            }

            if (@case.State != "gedeclareerd" || voucher.ClaimAmount is null)
            {
                throw new ConflictException(@case.State == "uitbetaald"
                    ? "Deze declaratie is al uitbetaald."
                    : $"Er ligt geen declaratie ter beoordeling: de voucher is '{@case.State}'.");
            }

            return (voucher, @case, actor);
        }
    }
}

using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using RegioFlow.Common;
using RegioFlow.Data;
using RegioFlow.Domain;
using RegioFlow.Workflows;

namespace RegioFlow.Features.Applications;

/// <param name="Description">What it is for, e.g. "Tranche 1" or "Terugvordering na vaststelling".</param>
/// <param name="RequestedBy">The person who asked for a tranche; null when the fund planned the payment.</param>
public sealed record PaymentDto(Guid Id, Guid ApplicationId, Guid SchemeId, string Kind, decimal Amount, string Status, DateOnly PlannedOn, DateOnly? PaidOn, string? Reference, long Version,
    string? Description, string? RequestedBy);

public static class ListPayments
{
    public sealed record Query(Guid ApplicationId) : IQuery<IReadOnlyList<PaymentDto>>;

    internal sealed class Handler(RegioFlowDbContext db, ApplicationAccess access) : IQueryHandler<Query, IReadOnlyList<PaymentDto>>
    {
        public async ValueTask<IReadOnlyList<PaymentDto>> Handle(Query query, CancellationToken cancellationToken)
        {
            await access.VisibleAsync(query.ApplicationId, cancellationToken);
            var payments = await db.Payments.AsNoTracking().Where(p => p.ApplicationId == query.ApplicationId)
                .OrderBy(p => p.PlannedOn).ThenBy(p => p.CreatedAt).ToListAsync(cancellationToken);
            return [.. payments.Select(p => p.ToDto())];
        }
    }

    internal static PaymentDto ToDto(this Payment p) =>
        new(p.Id, p.ApplicationId, p.SchemeId, p.Kind.ToString(), p.Amount, p.Status.ToString(), p.PlannedOn, p.PaidOn, p.Reference, p.Version, p.Description, p.RequestedBy);
}

/// <summary>
/// The scheme's fund administrator moves a payment on: approve (gepland → goedgekeurd), then mark it paid with the date
/// and the bank reference (goedgekeurd → betaald), which adds it to the scheme's paid figure.
/// </summary>
public static class ProcessPayment
{
    public sealed record ApproveCommand(Guid ApplicationId, Guid PaymentId, long? Version) : ICommand<PaymentDto>;

    public sealed record PaidCommand(Guid ApplicationId, Guid PaymentId, DateOnly? PaidOn, string? Reference, long? Version) : ICommand<PaymentDto>;

    internal sealed class PaidValidator : AbstractValidator<PaidCommand>
    {
        public PaidValidator(TimeProvider clock)
        {
            RuleFor(c => c.PaidOn).NotNull().WithMessage("Vul de betaaldatum in.")
                .Must(d => d is null || d <= DutchCalendar.LocalDate(clock.GetUtcNow())).WithMessage("De betaaldatum kan niet in de toekomst liggen.");
            RuleFor(c => c.Reference).NotEmpty().WithMessage("Vul het betalingskenmerk in.")
                .MaximumLength(100).WithMessage("Het betalingskenmerk mag hoogstens 100 tekens lang zijn.");
        }
    }

    internal sealed class Handler(RegioFlowDbContext db, ApplicationAccess access, BudgetLedger budget)
        : ICommandHandler<ApproveCommand, PaymentDto>, ICommandHandler<PaidCommand, PaymentDto>
    {
        public async ValueTask<PaymentDto> Handle(ApproveCommand command, CancellationToken cancellationToken)
        {
            var payment = await LoadAsync(command.ApplicationId, command.PaymentId, command.Version, cancellationToken);
            if (payment.Status != PaymentStatus.Gepland)
            {
                throw new ConflictException($"Deze betaling is al {payment.Status.ToString().ToLowerInvariant()}.");
            }

            payment.Approve();
            await SaveAsync(cancellationToken);
            return payment.ToDto();
        }

        public async ValueTask<PaymentDto> Handle(PaidCommand command, CancellationToken cancellationToken)
        {
            var payment = await LoadAsync(command.ApplicationId, command.PaymentId, command.Version, cancellationToken);
            if (payment.Status != PaymentStatus.Goedgekeurd)
            {
                throw new ConflictException(payment.Status == PaymentStatus.Betaald
                    ? "Deze betaling is al betaald."
                    : "Keur de betaling eerst goed; daarna legt u de betaling vast.");
            }

            payment.MarkPaid(command.PaidOn!.Value, command.Reference!.Trim());
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await budget.PaidAsync(payment.SchemeId, payment.SignedAmount, await CaseIdAsync(command.ApplicationId, cancellationToken), cancellationToken);
            await SaveAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return payment.ToDto();
        }

        private async Task<Payment> LoadAsync(Guid applicationId, Guid paymentId, long? version, CancellationToken cancellationToken)
        {
            var (_, _, actor) = await access.ActorAsync(applicationId, cancellationToken);
            if (!actor.Roles.Contains(CaseRoles.Behandelaar))
            {
                throw new ForbiddenException("Alleen een fondsbeheerder van de regeling mag betalingen verwerken.");
            }

            var payment = await db.Payments.SingleOrDefaultAsync(p => p.Id == paymentId && p.ApplicationId == applicationId, cancellationToken)
                ?? throw new NotFoundException($"Er is geen betaling met id {paymentId} bij deze aanvraag.");
            if (version is { } expected && expected != payment.Version)
            {
                throw new ConflictException("De betaling is intussen gewijzigd. Laad haar opnieuw.");
            }

            return payment;
        }

        private async Task<Guid> CaseIdAsync(Guid applicationId, CancellationToken cancellationToken) =>
            await db.FundingApplications.Where(a => a.Id == applicationId).Select(a => a.CaseId).SingleAsync(cancellationToken);

        private async Task SaveAsync(CancellationToken cancellationToken)
        {
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                throw new ConflictException("Iemand anders heeft deze betaling op hetzelfde moment verwerkt. Laad haar opnieuw.");
            }
        }
    }
}

using FluentValidation;
using RegioFlow.Domain;

namespace RegioFlow.Features.Schemes;

/// <summary>The rules for a voucher scheme's own conditions, the same when the scheme is added and when they change.</summary>
internal sealed class VoucherTermsValidator : AbstractValidator<VoucherTerms>
{
    public VoucherTermsValidator()
    {
        RuleFor(t => t.EmployerSharePercent).InclusiveBetween(0, 100).WithMessage("Het werkgeversdeel is een percentage van 0 tot en met 100.");
        RuleFor(t => t.MinAge).InclusiveBetween(0, 120).WithMessage("De minimumleeftijd ligt tussen 0 en 120 jaar.");
        RuleFor(t => t.MaxAge).InclusiveBetween(0, 120).WithMessage("De maximumleeftijd ligt tussen 0 en 120 jaar.")
            .GreaterThanOrEqualTo(t => t.MinAge).WithMessage("De maximumleeftijd mag niet lager zijn dan de minimumleeftijd.");
        RuleFor(t => t.YearlyTarget).GreaterThanOrEqualTo(0).WithMessage("Het jaardoel (aantal vouchers) mag niet negatief zijn.");
        RuleFor(t => t.ValidityMonths).InclusiveBetween(1, 60).WithMessage("Een voucher is 1 tot en met 60 maanden geldig.");
        RuleFor(t => t.ReminderDaysBeforeExpiry).InclusiveBetween(1, 365).WithMessage("De herinnering gaat 1 tot en met 365 dagen vóór het verlopen.");
        RuleFor(t => t.RetentionMonths).InclusiveBetween(1, 240).WithMessage("De bewaartermijn van persoonsgegevens is 1 tot en met 240 maanden.");
    }
}

using FluentValidation;
using Microsoft.EntityFrameworkCore;
using RegioFlow.Common;
using RegioFlow.Data;
using RegioFlow.Domain;
using RegioFlow.Workflows;

namespace RegioFlow.Features.Schemes;

/// <summary>The rules for a scheme's conditions, the same when a scheme is added and when its conditions change.</summary>
internal sealed class SchemeTermsValidator : AbstractValidator<SchemeTerms>
{
    public SchemeTermsValidator(RegioFlowDbContext db, WorkflowRegistry workflows)
    {
        RuleFor(t => t.BudgetCeiling).GreaterThan(0).WithMessage("Het budgetplafond moet groter dan € 0 zijn.")
            .LessThanOrEqualTo(Money.Largest).WithMessage("Dit budgetplafond is onwaarschijnlijk groot.")
            .Must(Money.HasAtMostTwoDecimals).WithMessage("Een bedrag heeft hoogstens twee decimalen.");
        RuleFor(t => t.MaxAmount).GreaterThan(0).WithMessage("Het maximumbedrag per aanvraag moet groter dan € 0 zijn.")
            .Must(Money.HasAtMostTwoDecimals).WithMessage("Een bedrag heeft hoogstens twee decimalen.")
            .Must((t, max) => max <= t.BudgetCeiling).WithMessage("Het maximumbedrag per aanvraag mag niet boven het budgetplafond liggen.");
        RuleFor(t => t.BudgetPeriodEnd).GreaterThanOrEqualTo(t => t.BudgetPeriodStart)
            .WithMessage("De budgetperiode eindigt vóór ze begint.");
        RuleFor(t => t.WindowCloses).GreaterThanOrEqualTo(t => t.WindowOpens)
            .WithMessage("Het aanvraagvenster sluit vóór het opent.");
        RuleFor(t => t.MinCoFinancingPercent).InclusiveBetween(0, 100).WithMessage("De minimale cofinanciering is een percentage van 0 tot en met 100.");
        RuleFor(t => t.AdvancePercent).InclusiveBetween(0, 100).WithMessage("Het voorschot is een percentage van 0 tot en met 100.");
        RuleFor(t => t.Tranches).InclusiveBetween(0, 12).WithMessage("Het aantal tranches ligt tussen 0 en 12.");
        RuleFor(t => t.ProgressReportMonths).InclusiveBetween(1, 24).WithMessage("Een voortgangsrapportage is elke 1 tot 24 maanden nodig.");
        RuleFor(t => t.FinalReportWeeks).InclusiveBetween(1, 52).WithMessage("De eindverantwoording is binnen 1 tot 52 weken na afloop nodig.");
        // Only a workflow with a checklist state (the subsidy's toetsing) needs a checklist and a quorum; a voucher does not.
        When(t => workflows.All.Any(d => d.Id == t.WorkflowId && d.States.Any(state => state.Checklist is not null)), () =>
        {
            RuleFor(t => t.Quorum).InclusiveBetween(1, 50).WithMessage("Het quorum ligt tussen 1 en 50 beoordelaars.");
            RuleFor(t => t.ChecklistId).NotEmpty().WithMessage("Kies het toetsingskader.")
                .MustAsync(async (t, id, ct) => await db.Checklists.AnyAsync(c => c.Id == id && c.Version == t.ChecklistVersion, ct))
                .WithMessage(t => $"Er is geen toetsingskader '{t.ChecklistId}' versie {t.ChecklistVersion}.");
        });
        RuleFor(t => t.Quorum).InclusiveBetween(0, 50).WithMessage("Het quorum ligt tussen 0 en 50 beoordelaars.");
        RuleFor(t => t.WorkflowId).Must(id => id is not null && workflows.All.Any(d => d.Id == id))
            .WithMessage(t => $"Er is geen workflow '{t.WorkflowId}'.");
        RuleFor(t => t.AssessingBodyId)
            .MustAsync(async (id, ct) => id is null || await db.Bodies.AnyAsync(b => b.Id == id && b.Kind == BodyKind.Thematafel, ct))
            .WithMessage("De beoordelende thematafel bestaat niet.");
        RuleFor(t => t.DecisionBodyId)
            .MustAsync(async (id, ct) => id is null || await db.Bodies.AnyAsync(b => b.Id == id && b.Kind == BodyKind.Besluitorgaan, ct))
            .WithMessage("Het besluitvormend orgaan bestaat niet.");
    }
}

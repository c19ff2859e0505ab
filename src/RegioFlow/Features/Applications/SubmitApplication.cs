using FluentValidation;
using FluentValidation.Results;
using Mediator;
using Microsoft.EntityFrameworkCore;
using RegioFlow.Common;
using RegioFlow.Data;
using RegioFlow.Domain;
using RegioFlow.Workflows;

namespace RegioFlow.Features.Applications;

/// <summary>
/// The initiative lead submits the draft. Only a complete application goes in: problem, goals, period, budget, a
/// borging plan (who carries the result after the funding), co-financing as the scheme requires, an amount within the
/// scheme's maximum, and the application window open. Each missing part is named per field.
/// </summary>
public static class SubmitApplication
{
    public sealed record Command(Guid Id, long? Version) : ICommand<ApplicationDto>;

    internal sealed class Handler(RegioFlowDbContext db, ApplicationAccess access, CaseService cases, WorkflowRegistry registry, TimeProvider clock)
        : ICommandHandler<Command, ApplicationDto>
    {
        public async ValueTask<ApplicationDto> Handle(Command command, CancellationToken cancellationToken)
        {
            var (_, @case, actor) = await access.ActorAsync(command.Id, cancellationToken);
            var application = await db.FundingApplications.SingleAsync(a => a.Id == command.Id, cancellationToken);
            var initiative = await db.Initiatives.SingleAsync(i => i.Id == application.InitiativeId, cancellationToken);
            var scheme = await db.Schemes.AsNoTracking().SingleAsync(s => s.Id == application.SchemeId, cancellationToken);
            var now = clock.GetUtcNow();
            if (@case.State == "concept" && actor.Roles.Contains(CaseRoles.Initiator))
            {
                var failures = Completeness(application, initiative, scheme, DutchCalendar.LocalDate(now)).ToList();
                if (failures.Count > 0)
                {
                    throw new ValidationException(failures);
                }
            }

            application.Submitted(now);
            initiative.Register(now);
            await cases.FireAsync(@case.Id, "indienen", new Dictionary<string, string>(), actor, command.Version, cancellationToken);
            return (await ApplicationDtoBuilder.BuildAsync(db, registry, [application], cancellationToken))[0];
        }

        internal static IEnumerable<ValidationFailure> Completeness(FundingApplication application, Initiative initiative, Scheme scheme, DateOnly today)
        {
            if (!scheme.IsOpenOn(today))
            {
                yield return new("scheme", $"Het aanvraagvenster van '{scheme.Name}' is open van {scheme.WindowOpens:dd-MM-yyyy} tot en met {scheme.WindowCloses:dd-MM-yyyy}; vandaag kan er niet worden ingediend.");
            }

            if (application.RequestedAmount > scheme.MaxAmount)
            {
                yield return new("requestedAmount", $"Het gevraagde bedrag is hoger dan het maximum van de regeling ({Money.Format(scheme.MaxAmount)}).");
            }

            if (string.IsNullOrWhiteSpace(initiative.Problem))
            {
                yield return new("initiative.problem", "Beschrijf welk probleem het initiatief oplost.");
            }

            if (string.IsNullOrWhiteSpace(initiative.Goals))
            {
                yield return new("initiative.goals", "Beschrijf de doelen van het initiatief.");
            }

            if (initiative.StartDate is null || initiative.EndDate is null)
            {
                yield return new("initiative.startDate", "Vul de looptijd (start- en einddatum) van het initiatief in.");
            }

            if (initiative.BudgetLines.Count == 0)
            {
                yield return new("initiative.budgetLines", "Voeg de begroting van het initiatief toe.");
            }
            else if (application.RequestedAmount > initiative.TotalBudget)
            {
                yield return new("requestedAmount", $"Het gevraagde bedrag is hoger dan de begroting ({Money.Format(initiative.TotalBudget)}).");
            }

            var plan = initiative.BorgingPlan;
            if (plan is null || string.IsNullOrWhiteSpace(plan.Owner) || string.IsNullOrWhiteSpace(plan.FundingAfter) || string.IsNullOrWhiteSpace(plan.JoinsServices))
            {
                yield return new("initiative.borgingPlan",
                    "Een borgingsplan is verplicht: wie is eigenaar na de subsidie, hoe wordt het daarna betaald, en bij welke bestaande dienstverlening sluit het aan?");
            }

            if (scheme.MinCoFinancingPercent > 0 && initiative.TotalBudget > 0)
            {
                var other = initiative.FundingLines.Where(f => scheme.InKindAllowed || !f.InKind).Sum(f => f.Amount);
                var needed = decimal.Round(initiative.TotalBudget * scheme.MinCoFinancingPercent / 100m, 2);
                if (other < needed)
                {
                    yield return new("initiative.fundingLines",
                        $"De regeling vraagt minstens {scheme.MinCoFinancingPercent}% cofinanciering ({Money.Format(needed)}){(scheme.InKindAllowed ? "" : ", niet in natura")}; er is {Money.Format(other)} opgegeven.");
                }
            }
        }
    }
}

using FluentValidation;
using FluentValidation.Results;
using Mediator;
using Microsoft.EntityFrameworkCore;
using RegioFlow.Common;
using RegioFlow.Data;
using RegioFlow.Domain;
using RegioFlow.Workflows;

namespace RegioFlow.Features.Applications;

public sealed record KpiActualInput(string? Indicator, decimal? Actual);

public sealed record ReportDto(Guid Id, Guid ApplicationId, string Kind, string Summary, decimal SpentToDate, IReadOnlyList<KpiActual> KpiActuals, bool Late, string SubmittedBy, DateTimeOffset SubmittedAt);

/// <summary>
/// The initiative lead reports during the execution: a progress report (voortgang) re-enters the execution state and so
/// restarts the reporting timer; the final report (eindverantwoording) moves the case to the settlement. A report sent
/// after its reminder had fallen due is marked late, so the table sees which initiatives need chasing. The KPI actuals
/// update the initiative's KPIs.
/// </summary>
public static class SubmitReport
{
    public static readonly IReadOnlyDictionary<string, (ReportKind Kind, string Trigger)> Kinds = new Dictionary<string, (ReportKind, string)>
    {
        ["voortgang"] = (ReportKind.Voortgang, "voortgang-rapporteren"),
        ["eindverantwoording"] = (ReportKind.Eindverantwoording, "eindverantwoording-indienen"),
    };

    /// <summary>The execution state's reminder: once it has fired in the current state entry, a report is late.</summary>
    internal const string ReportingTimer = "voortgangsrapportage";

    public sealed record Command(Guid Id, string? Kind, string? Summary, decimal? SpentToDate, IReadOnlyList<KpiActualInput>? KpiActuals, long? Version) : ICommand<ReportDto>;

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Kind).Must(k => k is not null && Kinds.ContainsKey(k)).WithMessage("Kies het soort rapportage: voortgang of eindverantwoording.");
            RuleFor(c => c.Summary).NotEmpty().WithMessage("Beschrijf wat er is gedaan en bereikt.")
                .MaximumLength(8000).WithMessage("De samenvatting mag hoogstens 8000 tekens lang zijn.");
            RuleFor(c => c.SpentToDate).NotNull().WithMessage("Vul de kosten tot nu toe in.")
                .GreaterThanOrEqualTo(0).WithMessage("De kosten kunnen niet negatief zijn.")
                .LessThanOrEqualTo(Money.Largest).WithMessage("Dit bedrag is onwaarschijnlijk groot.")
                .Must(a => a is null || Money.HasAtMostTwoDecimals(a.Value)).WithMessage("Een bedrag heeft hoogstens twee decimalen.");
            RuleFor(c => c.KpiActuals).Must(k => k is null || k.Count <= 50).WithMessage("Hoogstens 50 KPI-waarden per rapportage.")
                .Must(k => k is null || k.Where(a => a?.Indicator is not null).GroupBy(a => a.Indicator!.Trim(), StringComparer.OrdinalIgnoreCase).All(g => g.Count() == 1))
                .WithMessage("Elke KPI mag maar één keer in de rapportage voorkomen.");
            RuleForEach(c => c.KpiActuals).ChildRules(kpi =>
            {
                kpi.RuleFor(k => k.Indicator).NotEmpty().WithMessage("Noem de KPI (indicator).");
                kpi.RuleFor(k => k.Actual).NotNull().WithMessage("Vul de behaalde waarde in.")
                    .GreaterThanOrEqualTo(0).WithMessage("De behaalde waarde kan niet negatief zijn.")
                    .LessThanOrEqualTo(Money.Largest).WithMessage("Deze waarde is onwaarschijnlijk groot.");
            }).When(c => c.KpiActuals is not null);
        }
    }

    internal sealed class Handler(RegioFlowDbContext db, ApplicationAccess access, CaseService cases, TimeProvider clock) : ICommandHandler<Command, ReportDto>
    {
        public async ValueTask<ReportDto> Handle(Command command, CancellationToken cancellationToken)
        {
            var (application, @case, actor) = await access.ActorAsync(command.Id, cancellationToken);
            if (!actor.Roles.Contains(CaseRoles.Initiator))
            {
                throw new ForbiddenException("Alleen de initiatiefnemer rapporteert over de uitvoering.");
            }

            if (@case.State != "uitvoering")
            {
                throw new ConflictException("Rapporteren kan alleen tijdens de uitvoering (na de bezwaartermijn van de beschikking, tot de eindverantwoording).");
            }

            var actuals = (command.KpiActuals ?? []).Select(k => new KpiActual(k.Indicator!.Trim(), k.Actual!.Value)).ToList();
            var initiative = await db.Initiatives.SingleAsync(i => i.Id == application.InitiativeId, cancellationToken);
            var unknown = initiative.UnknownIndicators(actuals);
            if (unknown.Count > 0)
            {
                throw new ValidationException(actuals.Select((a, index) => (a, index)).Where(x => unknown.Contains(x.a.Indicator)).Select(x =>
                    new ValidationFailure($"kpiActuals[{x.index}].indicator",
                        $"'{x.a.Indicator}' is geen KPI van dit initiatief. De KPI's zijn: {string.Join(", ", initiative.Kpis.Select(k => k.Indicator))}.")));
            }

            var late = await db.CaseDeadlines.AnyAsync(d => d.CaseId == @case.Id && d.StateEntry == @case.StateEntry
                && d.TimerId == ReportingTimer && d.Status == DeadlineStatus.Fired, cancellationToken);
            var (kind, trigger) = Kinds[command.Kind!];
            initiative.RecordKpiActuals(actuals);
            var report = new ProgressReport(application.Id, kind, command.Summary!.Trim(), command.SpentToDate!.Value, actuals, late, actor.Name, clock.GetUtcNow());
            db.Reports.Add(report);
            await cases.FireAsync(@case.Id, trigger, new Dictionary<string, string>(), actor, command.Version, cancellationToken);
            return report.ToDto();
        }
    }

    internal static ReportDto ToDto(this ProgressReport r) =>
        new(r.Id, r.ApplicationId, r.Kind.ToString().ToLowerInvariant(), r.Summary, r.SpentToDate, r.KpiActuals, r.Late, r.SubmittedBy, r.SubmittedAt);
}

/// <summary>The reports of an application, oldest first, for everyone who may see it.</summary>
public static class ListReports
{
    public sealed record Query(Guid ApplicationId) : IQuery<IReadOnlyList<ReportDto>>;

    internal sealed class Handler(RegioFlowDbContext db, ApplicationAccess access) : IQueryHandler<Query, IReadOnlyList<ReportDto>>
    {
        public async ValueTask<IReadOnlyList<ReportDto>> Handle(Query query, CancellationToken cancellationToken)
        {
            await access.VisibleAsync(query.ApplicationId, cancellationToken);
            var reports = await db.Reports.AsNoTracking().Where(r => r.ApplicationId == query.ApplicationId).OrderBy(r => r.SubmittedAt).ThenBy(r => r.Id).ToListAsync(cancellationToken);
            return [.. reports.Select(r => r.ToDto())];
        }
    }
}

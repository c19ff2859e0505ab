using RegioFlow.Domain;

namespace RegioFlow.Features.Schemes;

public sealed record SchemeDto(
    Guid Id,
    string Name,
    string Kind,
    string Funder,
    int? RegionId,
    Guid FundOrganisationId,
    SchemeTerms Terms,
    BudgetDto Budget,
    VoucherTerms? VoucherTerms);

/// <param name="Committed">Granted and not released.</param>
/// <param name="Paid">Paid out minus received back.</param>
/// <param name="Remaining">Ceiling minus committed: what can still be granted.</param>
public sealed record BudgetDto(decimal Ceiling, decimal Committed, decimal Paid, decimal Remaining);

internal static class SchemeProjection
{
    public static SchemeDto ToDto(this Scheme s) => new(
        s.Id,
        s.Name,
        s.Kind.ToString(),
        s.Funder,
        s.RegionId,
        s.FundOrganisationId,
        new SchemeTerms(s.BudgetCeiling, s.BudgetPeriodStart, s.BudgetPeriodEnd, s.WindowOpens, s.WindowCloses, s.MaxAmount,
            s.MinCoFinancingPercent, s.InKindAllowed, s.AdvancePercent, s.Tranches, s.ProgressReportMonths, s.FinalReportWeeks,
            s.ChecklistId, s.ChecklistVersion, s.Quorum, s.AssessingBodyId, s.DecisionBodyId, s.WorkflowId),
        new BudgetDto(s.BudgetCeiling, s.Committed, s.Paid, s.BudgetCeiling - s.Committed),
        s.Kind == SchemeKind.Voucher ? s.VoucherTerms : null);
}

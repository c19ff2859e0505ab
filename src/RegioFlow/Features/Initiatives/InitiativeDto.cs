using RegioFlow.Domain;

namespace RegioFlow.Features.Initiatives;

/// <summary>An initiative with its content and the applications for it that the caller may see.</summary>
public sealed record InitiativeDto(
    Guid Id,
    Guid? OrganisationId,
    string Organisation,
    string Title,
    string Activity,
    string Problem,
    string Goals,
    string? Type,
    string? AgeBand,
    IReadOnlyList<string> Gemeenten,
    string Status,
    DateTimeOffset? RegisteredAt,
    string? Source,
    string? SourceKey,
    IReadOnlyList<string> TargetGroups,
    IReadOnlyList<string> Sectors,
    int? RegionId,
    DateOnly? StartDate,
    DateOnly? EndDate,
    IReadOnlyList<InitiativePartner> Partners,
    IReadOnlyList<BudgetLine> BudgetLines,
    IReadOnlyList<FundingLine> FundingLines,
    IReadOnlyList<Kpi> Kpis,
    BorgingPlan? BorgingPlan,
    decimal TotalBudget,
    DateTimeOffset CreatedAt,
    IReadOnlyList<InitiativeApplicationDto> Applications);

/// <param name="State">The case state of the application.</param>
public sealed record InitiativeApplicationDto(Guid Id, Guid SchemeId, string SchemeName, string State, decimal RequestedAmount, decimal? GrantedAmount);

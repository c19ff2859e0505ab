using FluentValidation;
using RegioFlow.Common;
using RegioFlow.Domain;

namespace RegioFlow.Features.Applications;

/// <summary>The initiative as the application form sends it (and as the API returns it).</summary>
public sealed record InitiativeInput(
    string? Title,
    string? Problem,
    string? Goals,
    IReadOnlyList<string>? TargetGroups,
    IReadOnlyList<string>? Sectors,
    int? RegionId,
    DateOnly? StartDate,
    DateOnly? EndDate,
    IReadOnlyList<InitiativePartner>? Partners,
    IReadOnlyList<BudgetLine>? BudgetLines,
    IReadOnlyList<FundingLine>? FundingLines,
    IReadOnlyList<Kpi>? Kpis,
    BorgingPlan? BorgingPlan)
{
    public static InitiativeInput From(Initiative i) => new(i.Title, i.Problem, i.Goals, i.TargetGroups, i.Sectors, i.RegionId, i.StartDate, i.EndDate,
        i.Partners, i.BudgetLines, i.FundingLines, i.Kpis, i.BorgingPlan);

    public InitiativeContent ToContent() => new(
        Title!.Trim(), Problem?.Trim() ?? "", Goals?.Trim() ?? "", TargetGroups ?? [], Sectors ?? [], RegionId, StartDate, EndDate,
        Partners ?? [], BudgetLines ?? [], FundingLines ?? [], Kpis ?? [], BorgingPlan);
}

/// <summary>
/// What a draft must hold: a title, well-formed lists and amounts. What only a submission needs (problem, goals,
/// period, budget, borging plan) is checked by <see cref="SubmitApplication"/>, so a draft can be saved half-done.
/// </summary>
internal sealed class InitiativeInputValidator : AbstractValidator<InitiativeInput>
{
    public InitiativeInputValidator()
    {
        RuleFor(i => i.Title).NotEmpty().WithMessage("Geef het initiatief een titel.")
            .MaximumLength(300).WithMessage("De titel mag hoogstens 300 tekens lang zijn.");
        RuleFor(i => i.Problem).MaximumLength(4000).WithMessage("De probleemomschrijving mag hoogstens 4000 tekens lang zijn.");
        RuleFor(i => i.Goals).MaximumLength(4000).WithMessage("De doelen mogen hoogstens 4000 tekens lang zijn.");
        RuleFor(i => i.EndDate).GreaterThanOrEqualTo(i => i.StartDate).When(i => i.StartDate is not null && i.EndDate is not null)
            .WithMessage("De einddatum ligt vóór de startdatum.");
        RuleForEach(i => i.TargetGroups).NotEmpty().WithMessage("Een doelgroep is 1 tot 100 tekens lang.").MaximumLength(100).WithMessage("Een doelgroep is 1 tot 100 tekens lang.");
        RuleForEach(i => i.Sectors).NotEmpty().WithMessage("Een sector is 1 tot 100 tekens lang.").MaximumLength(100).WithMessage("Een sector is 1 tot 100 tekens lang.");
        RuleForEach(i => i.Partners).ChildRules(p =>
        {
            p.RuleFor(x => x.Name).NotEmpty().WithMessage("Geef de naam van de partner (hoogstens 200 tekens).").MaximumLength(200).WithMessage("Geef de naam van de partner (hoogstens 200 tekens).");
            p.RuleFor(x => x.Role).IsInEnum().WithMessage("Kies de rol van de partner: Penvoerder, Partner of Cofinancier.");
        });
        // The lists are stored as JSON beside the initiative; these limits keep each one well within its column.
        RuleFor(i => i.Partners).Must(l => l is null || l.Count <= 30).WithMessage("Hoogstens 30 partners.");
        RuleFor(i => i.BudgetLines).Must(l => l is null || l.Count <= 50).WithMessage("Hoogstens 50 begrotingsposten.");
        RuleFor(i => i.FundingLines).Must(l => l is null || l.Count <= 30).WithMessage("Hoogstens 30 financieringsbijdragen.");
        RuleFor(i => i.Kpis).Must(l => l is null || l.Count <= 30).WithMessage("Hoogstens 30 KPI's.");
        RuleFor(i => i.TargetGroups).Must(l => l is null || l.Count <= 20).WithMessage("Hoogstens 20 doelgroepen.");
        RuleFor(i => i.Sectors).Must(l => l is null || l.Count <= 20).WithMessage("Hoogstens 20 sectoren.");
        RuleForEach(i => i.BudgetLines).ChildRules(b =>
        {
            b.RuleFor(x => x.Description).NotEmpty().WithMessage("Omschrijf de begrotingspost (hoogstens 200 tekens).").MaximumLength(200).WithMessage("Omschrijf de begrotingspost (hoogstens 200 tekens).");
            b.RuleFor(x => x.Amount).GreaterThan(0).WithMessage("Een begrotingspost moet groter dan € 0 zijn.")
                .LessThanOrEqualTo(Money.Largest).WithMessage("Dit bedrag is onwaarschijnlijk groot.")
                .Must(Money.HasAtMostTwoDecimals).WithMessage("Een bedrag heeft hoogstens twee decimalen.");
        });
        RuleForEach(i => i.FundingLines).ChildRules(f =>
        {
            f.RuleFor(x => x.Funder).NotEmpty().WithMessage("Geef de financier (hoogstens 200 tekens).").MaximumLength(200).WithMessage("Geef de financier (hoogstens 200 tekens).");
            f.RuleFor(x => x.Amount).GreaterThan(0).WithMessage("Een financieringsbijdrage moet groter dan € 0 zijn.")
                .LessThanOrEqualTo(Money.Largest).WithMessage("Dit bedrag is onwaarschijnlijk groot.")
                .Must(Money.HasAtMostTwoDecimals).WithMessage("Een bedrag heeft hoogstens twee decimalen.");
            f.RuleFor(x => x.Status).IsInEnum().WithMessage("Kies de status: Aangevraagd, Toegezegd of Ontvangen.");
        });
        RuleForEach(i => i.Kpis).ChildRules(k =>
        {
            k.RuleFor(x => x.Indicator).NotEmpty().WithMessage("Omschrijf de indicator (hoogstens 200 tekens).").MaximumLength(200).WithMessage("Omschrijf de indicator (hoogstens 200 tekens).");
            k.RuleFor(x => x.Target).GreaterThanOrEqualTo(0).WithMessage("De streefwaarde kan niet negatief zijn.")
                .LessThanOrEqualTo(Money.Largest).WithMessage("Deze streefwaarde is onwaarschijnlijk groot.");
        });
        When(i => i.BorgingPlan is not null, () =>
        {
            RuleFor(i => i.BorgingPlan!.Owner).MaximumLength(1000).WithMessage("Hoogstens 1000 tekens.");
            RuleFor(i => i.BorgingPlan!.FundingAfter).MaximumLength(1000).WithMessage("Hoogstens 1000 tekens.");
            RuleFor(i => i.BorgingPlan!.JoinsServices).MaximumLength(1000).WithMessage("Hoogstens 1000 tekens.");
        });
    }
}

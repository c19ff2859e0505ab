using System.Globalization;
using Microsoft.EntityFrameworkCore;
using RegioFlow.Domain;
using RegioFlow.Workflows;

namespace RegioFlow.Data;

/// <summary>
/// A few demo applications under the Regio Deal scheme, one in each main stage (concept, ingediend, toetsing,
/// besluitvorming, beschikt), so every demo role finds work on its pages at once. They are moved along by the real
/// workflow engine with explicit case actors (the demo logins), not by setting a state, so journal, deadlines,
/// budget commitment and the advance payment are exactly what the real steps leave behind. Runs only while the
/// scheme has no applications, so a restart adds nothing.
/// </summary>
internal sealed class DemoApplicationSeeder(RegioFlowDbContext db, CaseService cases, BudgetLedger budget, TimeProvider clock)
{
    /// <summary>Stands in for the initiative leads of demo organisations that have no demo user of their own.</summary>
    internal const string OtherApplicant = "demogegevens";

    private static readonly CaseActor Lead = new("initiatiefnemer", new HashSet<string> { CaseRoles.Initiator });
    private static readonly CaseActor OtherLead = new(OtherApplicant, new HashSet<string> { CaseRoles.Initiator });
    private static readonly CaseActor Fund = new("fondsbeheerder", new HashSet<string> { CaseRoles.Behandelaar });
    private static readonly CaseActor Chair = new("tafelvoorzitter", new HashSet<string> { CaseRoles.Voorzitter, CaseRoles.Adviseur });
    private static readonly CaseActor Board = new("beslisser", new HashSet<string> { CaseRoles.Beslisser });

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var scheme = await db.Schemes.AsNoTracking().SingleOrDefaultAsync(s => s.Name == DemoDataSeeder.RegioDealName, cancellationToken);
        if (scheme is null || await db.FundingApplications.AnyAsync(a => a.SchemeId == scheme.Id, cancellationToken))
        {
            return;
        }

        var organisations = await db.Organisations.AsNoTracking().ToDictionaryAsync(o => o.Name, o => o.Id, cancellationToken);
        var today = DutchCalendar.LocalDate(clock.GetUtcNow());

        await CreateAsync(scheme, organisations["Graafschap College"], Lead, 60_000m, Content(
            "Praktijkroute zorg en welzijn", "Zorginstellingen in de Achterhoek kunnen vacatures voor verzorgenden niet vullen.", "",
            ["zij-instromers"], ["zorg en welzijn"], scheme.RegionId, null, null,
            [new("Graafschap College", PartnerRole.Penvoerder)], [new("Opleiding", 80_000m)], [], [], null), cancellationToken);

        var submitted = await CreateAsync(scheme, organisations["Graafschap College"], Lead, 120_000m, Complete(
            "Zij-instroom techniek Achterhoek", scheme.RegionId, today, 240_000m, "Graafschap College (afdeling Techniek)"), cancellationToken);
        await SubmitAsync(submitted, Lead, cancellationToken);

        var assessed = await CreateAsync(scheme, organisations["Opleidingscentrum Techniek Oost"], OtherLead, 90_000m, Complete(
            "Leven lang ontwikkelen in de maakindustrie", scheme.RegionId, today, 180_000m, "Opleidingscentrum Techniek Oost"), cancellationToken);
        await SubmitAsync(assessed, OtherLead, cancellationToken);
        await FireAsync(assessed, "in-behandeling-nemen", Fund, [], cancellationToken);
        await FireAsync(assessed, "volledig", Fund, [], cancellationToken);

        var advised = await CreateAsync(scheme, organisations["Installatiebedrijf Oost BV"], OtherLead, 150_000m, Complete(
            "Leerwerkbedrijf installatietechniek", scheme.RegionId, today, 300_000m, "Installatiebedrijf Oost BV met Metaalunie Oost"), cancellationToken);
        await SubmitAsync(advised, OtherLead, cancellationToken);
        await FireAsync(advised, "in-behandeling-nemen", Fund, [], cancellationToken);
        await FireAsync(advised, "volledig", Fund, [], cancellationToken);
        await AdviseAsync(advised, "positief", "Past bij het thema Leven Lang Ontwikkelen; werkgevers dragen de helft bij.", cancellationToken);

        var granted = await CreateAsync(scheme, organisations["Graafschap College"], Lead, 100_000m, Complete(
            "Hybride docenten techniek", scheme.RegionId, today, 200_000m, "Graafschap College (College van Bestuur)"), cancellationToken);
        await SubmitAsync(granted, Lead, cancellationToken);
        await FireAsync(granted, "in-behandeling-nemen", Fund, [], cancellationToken);
        await FireAsync(granted, "volledig", Fund, [], cancellationToken);
        await AdviseAsync(granted, "positief", "Sterk plan met een duidelijke eigenaar na de subsidie.", cancellationToken);
        await GrantAsync(granted, scheme, 100_000m, "Voortgangsrapportage na zes maanden.", cancellationToken);
    }

    private async Task<FundingApplication> CreateAsync(Scheme scheme, Guid organisationId, CaseActor lead, decimal amount, InitiativeContent content, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var initiative = new Initiative(organisationId, content, now);
        var application = new FundingApplication(scheme.Id, initiative.Id, organisationId, lead.Name, amount, now);
        db.Initiatives.Add(initiative);
        db.FundingApplications.Add(application);
        await cases.StartAsync(scheme.WorkflowId, FundingApplication.SubjectType, application.Id.ToString(), lead.Name, cancellationToken,
            (@case, _) =>
            {
                application.AttachCase(@case.Id);
                return Task.CompletedTask;
            });
        return application;
    }

    private async Task SubmitAsync(FundingApplication application, CaseActor lead, CancellationToken cancellationToken)
    {
        application.Submitted(clock.GetUtcNow());
        (await db.Initiatives.SingleAsync(i => i.Id == application.InitiativeId, cancellationToken)).Register(clock.GetUtcNow());
        await FireAsync(application, "indienen", lead, [], cancellationToken);
    }

    private Task AdviseAsync(FundingApplication application, string advice, string motivation, CancellationToken cancellationToken)
    {
        application.Advised(advice, motivation, Chair.Name, clock.GetUtcNow());
        return FireAsync(application, "advies-uitbrengen", Chair, new() { ["advies"] = advice, ["motivering"] = motivation }, cancellationToken);
    }

    /// <summary>The same writes as <c>DecideApplication</c> for "toekennen": grant, advance payment, budget commitment.</summary>
    private async Task GrantAsync(FundingApplication application, Scheme scheme, decimal amount, string conditions, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        application.Granted(amount, conditions, now);
        (await db.Initiatives.SingleAsync(i => i.Id == application.InitiativeId, cancellationToken)).Advance(InitiativeStatus.Lopend);
        var advance = decimal.Round(amount * scheme.AdvancePercent / 100m, 2);
        if (advance > 0)
        {
            db.Payments.Add(new Payment(application.Id, scheme.Id, PaymentKind.Voorschot, advance, DutchCalendar.LocalDate(now), now));
        }

        await cases.FireAsync(application.CaseId, "toekennen", new Dictionary<string, string> { ["bedrag"] = amount.ToString("0.00", CultureInfo.InvariantCulture) },
            Board, null, cancellationToken, (c, ct) => budget.CommitAsync(scheme.Id, amount, c.Id, ct));
    }

    private Task FireAsync(FundingApplication application, string trigger, CaseActor actor, Dictionary<string, string> parameters, CancellationToken cancellationToken) =>
        cases.FireAsync(application.CaseId, trigger, parameters, actor, null, cancellationToken);

    private static InitiativeContent Content(string title, string problem, string goals, IReadOnlyList<string> targetGroups, IReadOnlyList<string> sectors, int? regionId,
        DateOnly? start, DateOnly? end, IReadOnlyList<InitiativePartner> partners, IReadOnlyList<BudgetLine> budgetLines, IReadOnlyList<FundingLine> fundingLines,
        IReadOnlyList<Kpi> kpis, BorgingPlan? borgingPlan) =>
        new(title, problem, goals, targetGroups, sectors, regionId, start, end, partners, budgetLines, fundingLines, kpis, borgingPlan);

    /// <summary>An initiative that passes the submission check: half of the budget co-financed, a borging plan.</summary>
    private static InitiativeContent Complete(string title, int? regionId, DateOnly today, decimal budget, string owner) => Content(
        title,
        "Werkgevers in de Achterhoek vinden te weinig vakmensen; werkzoekenden en zij-instromers missen de opleiding.",
        "Binnen twee jaar zestig mensen opgeleid en aan het werk in de regio.",
        ["zij-instromers", "werkzoekenden"], ["techniek"], regionId, today.AddMonths(2), today.AddMonths(26),
        [new(owner, PartnerRole.Penvoerder), new("Gemeente Doetinchem", PartnerRole.Partner)],
        [new("Opleiding en begeleiding", decimal.Round(budget * 0.8m, 2)), new("Projectleiding", decimal.Round(budget * 0.2m, 2))],
        [new("Provincie Gelderland", decimal.Round(budget * 0.3m, 2), FundingStatus.Toegezegd, false), new("Werkgevers (uren)", decimal.Round(budget * 0.2m, 2), FundingStatus.Toegezegd, true)],
        [new("deelnemers aan het werk", 60m, null)],
        new BorgingPlan(owner, "Bijdragemodel van de deelnemende werkgevers", "Leerwerkloket Achterhoek"));
}

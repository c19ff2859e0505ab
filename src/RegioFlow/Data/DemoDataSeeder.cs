using Microsoft.EntityFrameworkCore;
using RegioFlow.Domain;
using RegioFlow.Workflows;

namespace RegioFlow.Data;

/// <summary>
/// Demo organisations and one demo user per role, so the embedded default can be tried at once with development
/// sign-in. People are invented; organisations are of the kinds the region reports name. Idempotent.
/// </summary>
internal static class DemoDataSeeder
{
    internal sealed record DemoUser(string Login, string DisplayName, Role[] Roles, string? Organisation, string? Function);

    internal static readonly (string Name, OrganisationKind Kind, string RegionCode)[] Organisations =
    [
        ("Regio Achterhoek", OrganisationKind.Regiobureau, "achterhoek"),
        ("Gemeente Doetinchem", OrganisationKind.Gemeente, "achterhoek"),
        ("Provincie Gelderland", OrganisationKind.Provincie, "achterhoek"),
        ("Graafschap College", OrganisationKind.MboSchool, "achterhoek"),
        ("Installatiebedrijf Oost BV", OrganisationKind.Werkgever, "achterhoek"),
        ("Opleidingscentrum Techniek Oost", OrganisationKind.Opleider, "achterhoek"),
        ("Gemeente Rotterdam", OrganisationKind.Gemeente, "rijnmond"),
        ("UWV Achterhoek", OrganisationKind.Uwv, "achterhoek"),
        ("Metaalunie Oost", OrganisationKind.Brancheorganisatie, "achterhoek"),
    ];

    internal static readonly DemoUser[] Users =
    [
        new("initiatiefnemer", "Sanne de Vries", [Role.InitiativeLead], "Graafschap College", "Projectleider"),
        new("aanvrager", "Mehmet Yilmaz", [Role.VoucherApplicant], null, null),
        new("opleider", "Inge Bakker", [Role.TrainingProvider], "Opleidingscentrum Techniek Oost", "Cursusadministratie"),
        new("tafellid", "Joost Hendriks", [Role.TableMember], "Gemeente Doetinchem", "Wethouder"),
        new("tafellid-uwv", "Anouk Peters", [Role.TableMember], "UWV Achterhoek", "Regiomanager"),
        new("tafellid-werkgevers", "Bram Hoekstra", [Role.TableMember], "Metaalunie Oost", "Bestuurder"),
        new("tafelvoorzitter", "Fatima El Amrani", [Role.TableChair, Role.TableMember], "Provincie Gelderland", "Gedeputeerde"),
        new("beslisser", "Pieter Jansen", [Role.DecisionBodyMember], "Regio Achterhoek", "Lid Achterhoek Board"),
        new("fondsbeheerder", "Linda Visser", [Role.FundAdministrator], "Regio Achterhoek", "Fondsbeheerder"),
        new("toezicht", "Ahmed Bouzid", [Role.Oversight], "Provincie Gelderland", "Beleidsadviseur"),
        new("beheerder", "Eva Smit", [Role.Admin], "Regio Achterhoek", "Applicatiebeheerder"),
    ];

    public static async Task SeedAsync(RegioFlowDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var regions = await db.Regions.ToDictionaryAsync(r => r.Code, r => r.Id, cancellationToken);
        var organisations = await db.Organisations.ToDictionaryAsync(o => o.Name, cancellationToken);
        foreach (var (name, kind, regionCode) in Organisations.Where(o => !organisations.ContainsKey(o.Name)))
        {
            var organisation = new Organisation(name, kind, regions.GetValueOrDefault(regionCode), now);
            organisations[name] = organisation;
            db.Organisations.Add(organisation);
        }

        var logins = Users.Select(u => u.Login).ToList();
        var existing = await db.Users.Where(u => logins.Contains(u.ExternalId)).Select(u => u.ExternalId).ToListAsync(cancellationToken);
        foreach (var demo in Users.Where(u => !existing.Contains(u.Login)))
        {
            var user = new UserAccount(demo.Login, demo.DisplayName, $"{demo.Login}@demo.regioflow.invalid", demo.Roles, isDemo: true, now);
            if (demo.Organisation is not null)
            {
                user.JoinOrganisation(organisations[demo.Organisation], demo.Function);
            }

            db.Users.Add(user);
        }

        await db.SaveChangesAsync(cancellationToken);
        await SeedSubsidiesAsync(db, regions, organisations, now, cancellationToken);
        await SeedVoucherSchemesAsync(db, regions, organisations, now, cancellationToken);
    }

    internal const string TableName = "Thematafel Onderwijs & Arbeidsmarkt";
    internal const string BoardName = "Achterhoek Board";
    internal const string RegioDealName = "Regio Deal Achterhoek – Onderwijs & Arbeidsmarkt";
    internal const string OpijverName = "Opijver – Achterhoeks Fonds voor Talentontwikkeling";
    internal const string RotterdamName = "Rotterdams Scholingsfonds";

    /// <summary>The Achterhoek reference process (DOMAIN.md): its table, its Board and a Regio Deal scheme.</summary>
    private static async Task SeedSubsidiesAsync(RegioFlowDbContext db, Dictionary<string, int> regions, Dictionary<string, Organisation> organisations, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (await db.Schemes.AnyAsync(s => s.Name == RegioDealName, cancellationToken))
        {
            return;
        }

        var achterhoek = regions.GetValueOrDefault("achterhoek");
        var table = new Body(TableName, BodyKind.Thematafel, achterhoek, ["Leven Lang Ontwikkelen", "Regulier Opleiden", "Inclusieve arbeidsmarkt"], now);
        table.AddMember("tafelvoorzitter", BodyRole.Voorzitter);
        table.AddMember("tafellid", BodyRole.Lid);
        table.AddMember("tafellid-uwv", BodyRole.Lid);
        table.AddMember("tafellid-werkgevers", BodyRole.Lid);
        var board = new Body(BoardName, BodyKind.Besluitorgaan, achterhoek, [], now);
        board.AddMember("beslisser", BodyRole.Lid);
        db.Bodies.AddRange(table, board);
        var year = DutchCalendar.LocalDate(now).Year;
        db.Schemes.Add(new Scheme(RegioDealName, SchemeKind.Subsidie, "Rijk (Regio Deal, zes ministeries) en de Achterhoekse gemeenten", achterhoek,
            organisations["Regio Achterhoek"].Id,
            new SchemeTerms(
                BudgetCeiling: 2_000_000m,
                BudgetPeriodStart: new DateOnly(year - 1, 1, 1),
                BudgetPeriodEnd: new DateOnly(year + 3, 12, 31),
                WindowOpens: new DateOnly(year - 1, 1, 1),
                WindowCloses: new DateOnly(year + 1, 12, 31),
                MaxAmount: 250_000m,
                MinCoFinancingPercent: 50,
                InKindAllowed: true,
                AdvancePercent: 40,
                Tranches: 2,
                ProgressReportMonths: 6,
                FinalReportWeeks: 13,
                ChecklistId: "toetsingskader-achterhoek",
                ChecklistVersion: 1,
                Quorum: 3,
                AssessingBodyId: table.Id,
                DecisionBodyId: board.Id,
                WorkflowId: "subsidie-aanvraag"),
            now));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// The two voucher funds of the domain notes (seed 000): Opijver in the Achterhoek (employer pays a third, any
    /// training) and the Rotterdams Scholingsfonds (recognised training only). Each is added only when missing.
    /// </summary>
    private static async Task SeedVoucherSchemesAsync(RegioFlowDbContext db, Dictionary<string, int> regions, Dictionary<string, Organisation> organisations, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var year = DutchCalendar.LocalDate(now).Year;
        var existing = await db.Schemes.Where(s => s.Name == OpijverName || s.Name == RotterdamName).Select(s => s.Name).ToListAsync(cancellationToken);
        SchemeTerms Terms(decimal ceiling) => new(
            BudgetCeiling: ceiling,
            BudgetPeriodStart: new DateOnly(year - 1, 1, 1),
            BudgetPeriodEnd: new DateOnly(year + 2, 12, 31),
            WindowOpens: new DateOnly(year - 1, 1, 1),
            WindowCloses: new DateOnly(year + 2, 12, 31),
            MaxAmount: 2_500m,
            MinCoFinancingPercent: 0,
            InKindAllowed: false,
            AdvancePercent: 0,
            Tranches: 0,
            ProgressReportMonths: 12,
            FinalReportWeeks: 13,
            ChecklistId: "toetsingskader-achterhoek",
            ChecklistVersion: 1,
            Quorum: 1,
            AssessingBodyId: null,
            DecisionBodyId: null,
            WorkflowId: "scholingsvoucher");
        if (!existing.Contains(OpijverName))
        {
            var opijver = new Scheme(OpijverName, SchemeKind.Voucher, "De Achterhoekse gemeenten en de provincie Gelderland", regions.GetValueOrDefault("achterhoek"),
                organisations["Regio Achterhoek"].Id, Terms(750_000m), now);
            opijver.SetVoucherTerms(new VoucherTerms(EmployerSharePercent: 33, MinAge: 18, MaxAge: 67, RecognisedTrainingOnly: false, YearlyTarget: 300,
                ValidityMonths: 6, ReminderDaysBeforeExpiry: 30, RetentionMonths: 24));
            db.Schemes.Add(opijver);
        }

        if (!existing.Contains(RotterdamName))
        {
            var rotterdam = new Scheme(RotterdamName, SchemeKind.Voucher, "Gemeente Rotterdam", regions.GetValueOrDefault("rijnmond"),
                organisations["Gemeente Rotterdam"].Id, Terms(500_000m), now);
            rotterdam.SetVoucherTerms(new VoucherTerms(EmployerSharePercent: 0, MinAge: 18, MaxAge: 67, RecognisedTrainingOnly: true, YearlyTarget: 200,
                ValidityMonths: 6, ReminderDaysBeforeExpiry: 30, RetentionMonths: 24));
            db.Schemes.Add(rotterdam);
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}

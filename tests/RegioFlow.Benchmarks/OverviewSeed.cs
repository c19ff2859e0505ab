using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RegioFlow.Data;
using RegioFlow.Domain;
using RegioFlow.Workflows;

/// <summary>
/// Seeds the regional overview's data on a migrated database with reference and demo data: bench organisations, about
/// ten subsidy schemes (fund organisation Regio Achterhoek, so its fund administrator manages them), the initiatives
/// (titles and activities from the Zuid-Holland inventory, numbered) and one funding application with its case per
/// case. Rows are built with the domain constructors and the engine's own entity methods, then written by EF Core in
/// batches on a context without the audit interceptor: the column formats (ticks, cents, JSON, enums as text) are
/// exactly the app's, and the search keys are what <see cref="Initiative.RefreshSearchKeys"/> computes.
/// </summary>
internal static class OverviewSeed
{
    public const string WorkflowId = "subsidie-aanvraag";
    private const string Actor = "benchmark";
    private const int Batch = 1_000;

    public sealed record Result(List<Guid> InitiativeIds, List<Guid> SchemeIds, List<(Guid Application, Guid Case)> Samples, string HeavyRegion, TimeSpan Elapsed, string Summary);

    private sealed record Step(string Trigger, string Target, int MinDays, int MaxDays);

    public static async Task<Result> SeedAsync(BenchApp app, BenchDatabase database, int initiativeCount, int caseCount)
    {
        var stopwatch = Stopwatch.StartNew();
        var random = new Random(20260105);
        var now = app.Clock.GetUtcNow();
        var definition = app.Services.GetRequiredService<WorkflowRegistry>().ValidOn(WorkflowId, DutchCalendar.LocalDate(now));
        var rows = ReadInventory();

        List<Region> regions;
        Guid fundOrganisationId;
        Guid? tableId, boardId;
        await using (var db = CreateContext(database))
        {
            regions = await db.Regions.Include(r => r.Gemeenten).AsNoTracking().OrderBy(r => r.Id).ToListAsync();
            fundOrganisationId = await db.Organisations.Where(o => o.Name == "Regio Achterhoek").Select(o => o.Id).SingleAsync();
            var scheme = await db.Schemes.AsNoTracking().OrderBy(s => s.CreatedAt).FirstOrDefaultAsync(s => s.Kind == SchemeKind.Subsidie);
            (tableId, boardId) = (scheme?.AssessingBodyId, scheme?.DecisionBodyId);
        }

        var gemeentenOf = regions.ToDictionary(r => r.Id, r => r.Gemeenten.Select(g => g.Name).ToList());

        // One region holds a fifth of the initiatives, so a region filter has a large result.
        var heavy = regions.FirstOrDefault(r => r.Code.Contains("rijnmond", StringComparison.OrdinalIgnoreCase)) ?? regions[0];

        // Organisations (initiative leads) and schemes.
        var kinds = new[] { OrganisationKind.MboSchool, OrganisationKind.HboSchool, OrganisationKind.Werkgever, OrganisationKind.Gemeente, OrganisationKind.Opleider, OrganisationKind.Brancheorganisatie };
        var organisations = Enumerable.Range(0, 300)
            .Select(i => new Organisation($"Benchorganisatie {i + 1:D3}", kinds[i % kinds.Length], regions[i % regions.Count].Id, now.AddYears(-4)))
            .ToList();
        var year = DutchCalendar.LocalDate(now).Year;
        var schemes = Enumerable.Range(0, 10).Select(i => new Scheme(
            $"Benchregeling {i + 1:D2} – {InitiativeCodes.Sectors[i % InitiativeCodes.Sectors.Count]}", SchemeKind.Subsidie, "Rijk en regio (benchmark)",
            i % 3 == 0 ? null : regions[i % regions.Count].Id, fundOrganisationId,
            new SchemeTerms(1_000_000m, new DateOnly(year - 4, 1, 1), new DateOnly(year + 3, 12, 31), new DateOnly(year - 4, 1, 1), new DateOnly(year + 1, 12, 31),
                250_000m, 50, true, 40, 2, 6, 13, "toetsingskader-achterhoek", 1, 3, tableId, boardId, WorkflowId),
            now.AddYears(-4))).ToList();
        await using (var db = CreateContext(database))
        {
            db.Organisations.AddRange(organisations);
            db.Schemes.AddRange(schemes);
            await db.SaveChangesAsync();
        }

        // Initiatives: every 20th imported from an inventory, every 20th (offset 1) a draft outside the register (5 %).
        var initiatives = new List<Initiative>(initiativeCount);
        var partnerNames = new[] { "ROC Mondriaan", "Albeda", "Hogeschool Rotterdam", "UWV", "Techniek Nederland", "Metaalunie", "Gemeente Rotterdam", "Gemeente Den Haag",
            "Zorgbelang", "Stichting Werkplaats", "Haven Rotterdam", "Bouwend Nederland", "Kinderopvang Zuid", "Horeca Nederland", "Topsector Logistiek" };
        var statuses = new[] { InitiativeStatus.Nieuw, InitiativeStatus.Lopend, InitiativeStatus.Lopend, InitiativeStatus.Lopend, InitiativeStatus.Afgerond, InitiativeStatus.Geborgd };
        var types = Enum.GetValues<InitiativeType>();
        var saved = 0;
        for (var i = 0; i < initiativeCount; i++)
        {
            var row = rows[i % rows.Count];
            var region = random.Next(5) == 0 ? heavy : regions[random.Next(regions.Count)];
            var names = gemeentenOf[region.Id];
            var gemeenten = names.Count == 0 ? new List<string>() : Enumerable.Range(0, 1 + random.Next(2)).Select(_ => names[random.Next(names.Count)]).Distinct().ToList();
            var sectors = Pick(random, InitiativeCodes.Sectors, 1 + random.Next(2));
            var targets = Pick(random, InitiativeCodes.TargetGroups, 1 + random.Next(3));
            var place = gemeenten.FirstOrDefault() ?? region.Name;
            var start = DutchCalendar.LocalDate(now).AddDays(-random.Next(1_400));
            var partners = Pick(random, partnerNames, 1 + random.Next(3)).Select((name, n) => new InitiativePartner(name, n == 0 ? PartnerRole.Penvoerder : PartnerRole.Partner)).ToList();
            var budget = 20_000m + random.Next(0, 400) * 1_000m;
            var content = new InitiativeContent(
                $"{row.Name} {i + 1}",
                $"Te weinig instroom in {string.Join(" en ", sectors)} in {place}; {row.Activity.ToLowerInvariant()} helpt {string.Join(", ", targets)}.",
                $"Meer mensen aan het werk in {string.Join(" en ", sectors)} in de regio {region.Name}.",
                targets, sectors, region.Id, start, start.AddMonths(12 + random.Next(36)), partners,
                [new BudgetLine("Personeel", Math.Round(budget * 0.6m, 2)), new BudgetLine("Materiaal en activiteiten", Math.Round(budget * 0.4m, 2))],
                [new FundingLine(place.StartsWith("Gemeente", StringComparison.Ordinal) ? place : $"Gemeente {place}", Math.Round(budget * 0.3m, 2), FundingStatus.Toegezegd, false),
                 new FundingLine("Werkgevers (uren)", Math.Round(budget * 0.2m, 2), FundingStatus.Toegezegd, true)],
                [new Kpi("deelnemers", 20 + random.Next(200), random.Next(3) == 0 ? null : random.Next(200)), new Kpi("plaatsingen", 5 + random.Next(50), null)],
                random.Next(3) == 0 ? null : new BorgingPlan("Werkgevers in de regio", "Bijdrage per deelnemer", "Leerwerkloket"));
            var details = new RegisterDetails(row.Activity, random.Next(10) == 0 ? null : types[random.Next(types.Length)],
                random.Next(4) == 0 ? null : InitiativeCodes.AgeBands[random.Next(InitiativeCodes.AgeBands.Count)], gemeenten, statuses[random.Next(statuses.Length)]);
            var created = now.AddDays(-random.Next(1_400)).AddMinutes(-random.Next(1_440));
            Initiative initiative;
            if (i % 20 == 0)
            {
                initiative = new Initiative("bench-inventaris", (i + 1).ToString(CultureInfo.InvariantCulture), content, details, created);
            }
            else
            {
                initiative = new Initiative(organisations[random.Next(organisations.Count)].Id, content, created);
                initiative.Describe(details);
                if (i % 20 != 1)
                {
                    initiative.Register(created.AddDays(random.Next(30)));
                }
            }

            initiatives.Add(initiative);
            if (initiatives.Count - saved == 5 * Batch || i == initiativeCount - 1)
            {
                await using var db = CreateContext(database);
                db.Initiatives.AddRange(initiatives.Skip(saved));
                await db.SaveChangesAsync();
                saved = initiatives.Count;
            }
        }

        var initiativesDone = stopwatch.Elapsed;
        Console.Error.WriteLine($"[{database.Provider}] {initiativeCount:N0} initiatives in {initiativesDone.TotalSeconds:N1} s");

        // Funding applications, each with its case, journal, open deadlines and payments.
        var committed = new decimal[schemes.Count];
        var paid = new decimal[schemes.Count];
        var stats = new Dictionary<string, int>();
        long journal = 0, deadlines = 0, overdue = 0, payments = 0;
        var samples = new List<(Guid Application, Guid Case)>();
        var withOrganisation = initiatives.Where(x => x.OrganisationId is not null).ToList();
        for (var from = 0; from < caseCount; from += Batch)
        {
            await using var db = CreateContext(database);
            for (var j = from; j < Math.Min(caseCount, from + Batch); j++)
            {
                var initiative = withOrganisation[j % withOrganisation.Count];
                var s = random.Next(schemes.Count);
                var scheme = schemes[s];
                var created = now.AddDays(-random.Next(1_100)).AddMinutes(-random.Next(1_440));
                var application = new FundingApplication(scheme.Id, initiative.Id, initiative.OrganisationId!.Value, "initiatiefnemer", 5_000m + random.Next(0, 240) * 1_000m, created);
                var @case = new Case(definition, FundingApplication.SubjectType, application.Id.ToString(), "initiatiefnemer", created);
                application.AttachCase(@case.Id);
                db.FundingApplications.Add(application);
                db.Cases.Add(@case);
                db.CaseJournal.Add(new CaseJournalEntry(@case, JournalKind.CaseStarted, "initiatiefnemer", created, detail: $"{definition.Id} v{definition.Version}"));
                journal++;
                var at = created;
                Enter(db, @case, definition, definition.InitialState, "initiatiefnemer", at, ref journal);
                var draftOnly = initiative.RegisteredAt is null;
                decimal granted = 0;
                while (!draftOnly && !definition.State(@case.State).Terminal && NextStep(@case.State, random) is { } step)
                {
                    var next = at.AddDays(step.MinDays + random.Next(step.MaxDays - step.MinDays + 1)).AddMinutes(random.Next(600));
                    if (next > now)
                    {
                        break;
                    }

                    at = next;
                    var actor = step.Trigger is "indienen" or "intrekken" ? "initiatiefnemer" : step.Trigger is "bezwaartermijn-verlopen" or "hersteltermijn-verlopen" ? AuditActor.System : "fondsbeheerder";
                    var fromState = @case.State;
                    db.CaseJournal.Add(new CaseJournalEntry(@case, JournalKind.TriggerFired, actor, at, step.Trigger, fromState, step.Target));
                    journal++;
                    if (definition.State(fromState).SuspendsClocks && @case.IsSuspended)
                    {
                        var days = @case.ResumeClocks(at);
                        db.CaseJournal.Add(new CaseJournalEntry(@case, JournalKind.Resumed, actor, at, detail: $"{days} dag(en) opgeschort in '{definition.State(fromState).Label}'"));
                        journal++;
                    }

                    Enter(db, @case, definition, step.Target, actor, at, ref journal);
                    switch (step.Trigger)
                    {
                        case "indienen":
                            application.Submitted(at);
                            break;
                        case "advies-uitbrengen":
                            application.Advised(random.Next(4) == 0 ? "negatief" : "positief", "Past bij de regionale agenda.", "tafelvoorzitter", at);
                            break;
                        case "toekennen":
                            granted = Math.Round(application.RequestedAmount * (0.7m + (decimal)random.NextDouble() * 0.3m), 2);
                            application.Granted(granted, null, at);
                            committed[s] += granted;
                            var advance = Math.Round(granted * scheme.AdvancePercent / 100m, 2);
                            var payment = new Payment(application.Id, scheme.Id, PaymentKind.Voorschot, advance, DutchCalendar.LocalDate(at), at, "Voorschot");
                            payment.Approve();
                            payment.MarkPaid(DutchCalendar.LocalDate(at).AddDays(5), $"BENCH-{j}-V");
                            paid[s] += advance;
                            db.Payments.Add(payment);
                            payments++;
                            break;
                        case "afwijzen":
                            application.Rejected("Past niet binnen de regeling.", at);
                            break;
                        case "vaststellen":
                            var settled = Math.Round(granted * (0.85m + (decimal)random.NextDouble() * 0.15m), 2);
                            application.Settled(settled, null, at);
                            committed[s] -= granted - settled;
                            var rest = settled - Math.Round(granted * scheme.AdvancePercent / 100m, 2);
                            var final = new Payment(application.Id, scheme.Id, PaymentKind.Eindbetaling, rest, DutchCalendar.LocalDate(at), at, "Eindbetaling");
                            if (random.Next(5) > 0)
                            {
                                final.Approve();
                                final.MarkPaid(DutchCalendar.LocalDate(at).AddDays(10), $"BENCH-{j}-E");
                                paid[s] += rest;
                            }

                            db.Payments.Add(final);
                            payments++;
                            break;
                    }
                }

                // The open state's timers are planned deadlines (those before now are overdue).
                foreach (var deadline in Deadlines(@case, definition, @case.StateEnteredAt))
                {
                    db.CaseDeadlines.Add(deadline);
                    db.CaseJournal.Add(new CaseJournalEntry(@case, JournalKind.DeadlineScheduled, AuditActor.System, @case.StateEnteredAt, detail: $"{deadline.TimerId} → {deadline.DueAt:O}"));
                    journal++;
                    deadlines++;
                    overdue += deadline.DueAt < now ? 1 : 0;
                }

                stats[@case.State] = stats.GetValueOrDefault(@case.State) + 1;
                if (j % Math.Max(1, caseCount / 50) == 0)
                {
                    samples.Add((application.Id, @case.Id));
                }
            }

            await db.SaveChangesAsync();
        }

        await using (var db = CreateContext(database))
        {
            for (var s = 0; s < schemes.Count; s++)
            {
                var scheme = await db.Schemes.SingleAsync(x => x.Id == schemes[s].Id);
                // Ceilings above what was granted, one scheme nearly exhausted.
                var ceiling = Math.Ceiling((committed[s] * (s == 0 ? 1.02m : 1.3m)) / 1_000_000m) * 1_000_000m;
                db.Entry(scheme).Property(x => x.BudgetCeiling).CurrentValue = ceiling;
                db.Entry(scheme).Property(x => x.Committed).CurrentValue = committed[s];
                db.Entry(scheme).Property(x => x.Paid).CurrentValue = paid[s];
            }

            await db.SaveChangesAsync();
        }

        stopwatch.Stop();
        var summary = $"{initiativeCount:N0} initiatives ({initiatives.Count(x => x.RegisteredAt is not null):N0} in the register, {initiatives.Count(x => x.RegionId == heavy.Id):N0} in '{heavy.Code}'), "
            + $"{caseCount:N0} applications with cases over {schemes.Count} bench schemes, {journal:N0} journal entries, {deadlines:N0} planned deadlines "
            + $"({overdue:N0} overdue), {payments:N0} payments; states: "
            + string.Join(", ", stats.OrderByDescending(x => x.Value).Select(x => $"{x.Key} {x.Value:N0}"));
        Console.Error.WriteLine($"[{database.Provider}] seeded in {stopwatch.Elapsed.TotalSeconds:N1} s (initiatives {initiativesDone.TotalSeconds:N1} s): {summary}");
        return new Result(
            [.. initiatives.Where(x => x.RegisteredAt is not null).Select(x => x.Id)],
            [.. schemes.Select(x => x.Id)],
            samples,
            heavy.Code,
            stopwatch.Elapsed,
            summary);
    }

    /// <summary>
    /// The seed facts of a database seeded by an earlier run (REGIOFLOW_BENCH_REUSE_*), read back from it: the registered
    /// initiatives, the bench schemes, a sample of applications with their cases and the region with most initiatives.
    /// </summary>
    public static async Task<Result> ReadAsync(BenchDatabase database)
    {
        var stopwatch = Stopwatch.StartNew();
        await using var db = CreateContext(database);
        var initiatives = await db.Initiatives.AsNoTracking().Where(i => i.RegisteredAt != null).Select(i => i.Id).ToListAsync();
        var schemes = await db.Schemes.AsNoTracking().Where(s => s.Name.StartsWith("Benchregeling")).Select(s => s.Id).ToListAsync();
        var applications = await db.FundingApplications.AsNoTracking().Where(a => a.CaseId != Guid.Empty).OrderBy(a => a.Id).Select(a => new { a.Id, a.CaseId }).Take(100_000).ToListAsync();
        var samples = applications.Where((_, n) => n % Math.Max(1, applications.Count / 50) == 0).Select(a => (a.Id, a.CaseId)).ToList();
        var heavy = await db.Initiatives.AsNoTracking().Where(i => i.RegionId != null).GroupBy(i => i.RegionId).Select(g => new { g.Key, Count = g.Count() })
            .OrderByDescending(g => g.Count).FirstAsync();
        var code = await db.Regions.Where(r => r.Id == heavy.Key).Select(r => r.Code).SingleAsync();
        return new Result(initiatives, schemes, samples, code, stopwatch.Elapsed,
            $"reused an earlier seed: {initiatives.Count:N0} initiatives in the register, {applications.Count:N0} applications with cases, heaviest region '{code}' ({heavy.Count:N0})");
    }

    /// <summary>A context on the benchmark database without the audit interceptor (seeding is not a user action).</summary>
    private static RegioFlowDbContext CreateContext(BenchDatabase database)
    {
        RegioFlowDbContext db = database.Provider == "Sqlite"
            ? new SqliteRegioFlowDbContext(new DbContextOptionsBuilder<SqliteRegioFlowDbContext>().UseSqlite(database.ConnectionString).Options)
            : new PostgresRegioFlowDbContext(new DbContextOptionsBuilder<PostgresRegioFlowDbContext>().UseNpgsql(database.ConnectionString).Options);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        return db;
    }

    /// <summary>What the engine does on entering a state (CaseService.Enter), without the timers: those are planned for the last state only.</summary>
    private static void Enter(RegioFlowDbContext db, Case @case, WorkflowDefinition definition, string stateId, string actor, DateTimeOffset at, ref long journal)
    {
        var state = definition.State(stateId);
        @case.EnterState(stateId, state.Terminal, at);
        db.CaseJournal.Add(new CaseJournalEntry(@case, JournalKind.StateEntered, actor, at, toState: stateId));
        journal++;
        if (state.SuspendsClocks && !@case.IsSuspended)
        {
            @case.SuspendClocks($"toestand '{state.Label}'", manually: false, at);
            db.CaseJournal.Add(new CaseJournalEntry(@case, JournalKind.Suspended, actor, at, detail: $"klokken stil in '{state.Label}'"));
            journal++;
        }
    }

    private static IEnumerable<CaseDeadline> Deadlines(Case @case, WorkflowDefinition definition, DateTimeOffset enteredAt)
    {
        foreach (var timer in definition.State(@case.State).Timers)
        {
            var kind = timer.Kind == TimerKind.Timeout ? DeadlineKind.Timeout : DeadlineKind.Reminder;
            yield return new CaseDeadline(@case.Id, @case.StateEntry, @case.State, timer.Id, kind, DutchCalendar.Add(enteredAt, timer.After), timer.Trigger, timer.Notification, timer.RecipientRole);
            if (timer.Escalation is { } escalation)
            {
                yield return new CaseDeadline(@case.Id, @case.StateEntry, @case.State, $"{timer.Id}-escalatie", DeadlineKind.Escalation,
                    DutchCalendar.Add(enteredAt, escalation.After), null, escalation.Notification, escalation.RecipientRole);
            }
        }
    }

    /// <summary>The next step of an application in <paramref name="state"/>: the main line with withdrawals, repairs, rejections and adjournments.</summary>
    private static Step? NextStep(string state, Random random)
    {
        var roll = random.Next(100);
        return state switch
        {
            "concept" => roll < 4 ? new("intrekken", "ingetrokken", 1, 30) : new("indienen", "ingediend", 1, 30),
            "ingediend" => roll < 2 ? new("intrekken", "ingetrokken", 1, 10) : new("in-behandeling-nemen", "ontvankelijkheid", 1, 8),
            "ontvankelijkheid" => roll < 15 ? new("onvolledig", "wacht-op-aanvulling", 2, 15) : roll < 17 ? new("intrekken", "ingetrokken", 1, 10) : new("volledig", "toetsing", 2, 20),
            "wacht-op-aanvulling" => roll < 70 ? new("aanvullen", "ontvankelijkheid", 3, 40) : roll < 95 ? new("hersteltermijn-verlopen", "buiten-behandeling", 42, 42) : new("intrekken", "ingetrokken", 1, 30),
            "toetsing" => roll < 2 ? new("intrekken", "ingetrokken", 1, 20) : new("advies-uitbrengen", "besluitvorming", 10, 45),
            "besluitvorming" => roll < 22 ? new("afwijzen", "afgewezen", 7, 40) : roll < 32 ? new("aanhouden", "aangehouden", 7, 40) : new("toekennen", "beschikt", 7, 40),
            "aangehouden" => roll < 10 ? new("intrekken", "ingetrokken", 5, 30) : new("opnieuw-agenderen", "besluitvorming", 20, 60),
            "beschikt" => new("bezwaartermijn-verlopen", "uitvoering", 42, 42),
            "uitvoering" => new("eindverantwoording-indienen", "eindverantwoording", 180, 500),
            "eindverantwoording" => new("vaststellen", "borging-zes-maanden", 10, 70),
            "borging-zes-maanden" => new("borging-vastleggen", "borging-twaalf-maanden", 175, 200),
            "borging-twaalf-maanden" => new("borging-vastleggen", "afgesloten", 175, 200),
            _ => null,
        };
    }

    private static List<string> Pick(Random random, IReadOnlyList<string> values, int count) =>
        [.. Enumerable.Range(0, count).Select(_ => values[random.Next(values.Count)]).Distinct()];

    private sealed record InventoryRow(string Name, string Activity);

    /// <summary>The 236 real initiatives of the Zuid-Holland inventory (2022): name and activity.</summary>
    private static List<InventoryRow> ReadInventory()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Data", "initiatives-zuid-holland-2022.csv");
        var rows = new List<InventoryRow>();
        foreach (var line in File.ReadLines(path).Skip(1))
        {
            var fields = ParseCsvLine(line);
            if (fields.Count >= 3 && fields[1].Length > 0)
            {
                rows.Add(new InventoryRow(fields[1].Trim(), fields[2].Trim()));
            }
        }

        return rows;
    }

    private static List<string> ParseCsvLine(string line)
    {
        var fields = new List<string>();
        var current = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    current.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    current.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }

        fields.Add(current.ToString());
        return fields;
    }
}

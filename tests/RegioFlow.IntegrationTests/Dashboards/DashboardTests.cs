using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using RegioFlow.Common;
using RegioFlow.Domain;
using RegioFlow.IntegrationTests.Infrastructure;
using RegioFlow.IntegrationTests.Vouchers;
using RegioFlow.Workflows;

namespace RegioFlow.IntegrationTests.Dashboards;

/// <summary>
/// The dashboards against figures the test computes itself from the stored rows: a subsidy scheme with a granted and
/// paid, an advised and a just-submitted application; a voucher scheme with issued vouchers; register initiatives of
/// every status and type in several regions, sectors and tables, with KPIs.
/// </summary>
public sealed class DashboardTests(AppFixture app) : VoucherTest(app)
{
    [Fact]
    public async Task The_scheme_dashboard_shows_budget_cases_per_state_and_step_medians_as_stored()
    {
        var (granted, advised, submitted) = await SubsidySituationAsync();
        var schemeId = await SchemeIdAsync();

        var dashboard = await GetAsync(await App.ClientAsAsync("fondsbeheerder"), $"/api/dashboards/schemes/{schemeId}");

        // Budget: committed is what was granted, paid what was paid out, remaining the ceiling minus committed.
        var scheme = await SchemeAsync();
        var grantedSum = await App.QueryAsync(db => db.FundingApplications.Where(a => a.SchemeId == schemeId && a.GrantedAmount != null)
            .Select(a => a.GrantedAmount!.Value).ToListAsync(Cancellation));
        var paidSum = await App.QueryAsync(db => db.Payments.Where(p => p.SchemeId == schemeId && p.Status == PaymentStatus.Betaald).ToListAsync(Cancellation));
        Assert.Equal(80_000m, grantedSum.Sum());
        Assert.Equal(scheme.BudgetCeiling, dashboard.GetProperty("ceiling").GetDecimal());
        Assert.Equal(grantedSum.Sum(), dashboard.GetProperty("committed").GetDecimal());
        Assert.Equal(paidSum.Sum(p => p.SignedAmount), dashboard.GetProperty("paid").GetDecimal());
        Assert.Equal(32_000m, dashboard.GetProperty("paid").GetDecimal());
        Assert.Equal(scheme.BudgetCeiling - grantedSum.Sum(), dashboard.GetProperty("remaining").GetDecimal());

        // Cases per state, from the cases behind the scheme's applications, with the workflow's labels.
        var states = await App.QueryAsync(db => db.FundingApplications.Where(a => a.SchemeId == schemeId)
            .Join(db.Cases, a => a.CaseId, c => c.Id, (a, c) => c.State).ToListAsync(Cancellation));
        var shown = dashboard.GetProperty("states").EnumerateArray()
            .ToDictionary(s => s.GetProperty("state").GetString()!, s => (Label: s.GetProperty("label").GetString(), Count: s.GetProperty("count").GetInt32()));
        Assert.Equal(3, states.Count);
        Assert.Equal(["besluitvorming", "ingediend", "uitvoering"], states.Order(StringComparer.Ordinal));
        foreach (var group in states.GroupBy(s => s))
        {
            Assert.Equal(group.Count(), shown[group.Key].Count);
        }

        Assert.Equal(states.Count, shown.Values.Sum(s => s.Count));
        Assert.Equal(states.Count, dashboard.GetProperty("cases").GetInt32());
        Assert.Equal("Toetsing door de thematafel", shown["toetsing"].Label);
        Assert.Equal(0, shown["toetsing"].Count);

        // Median days per step, from consecutive state entries in each case's journal.
        var caseIds = await App.QueryAsync(db => db.FundingApplications.Where(a => a.SchemeId == schemeId).Select(a => a.CaseId).ToListAsync(Cancellation));
        var journal = await App.QueryAsync(db => db.CaseJournal.Where(j => caseIds.Contains(j.CaseId) && j.Kind == JournalKind.StateEntered).ToListAsync(Cancellation));
        var expectedSteps = journal.GroupBy(j => j.CaseId)
            .SelectMany(c => c.OrderBy(j => j.Sequence).Zip(c.OrderBy(j => j.Sequence).Skip(1), (a, b) => (State: a.ToState!, Days: (b.At - a.At).TotalDays)))
            .GroupBy(s => s.State).ToDictionary(g => g.Key, g => (Median: MedianOf([.. g.Select(s => s.Days)]), Count: g.Count()));
        var steps = dashboard.GetProperty("steps").EnumerateArray().ToDictionary(s => s.GetProperty("state").GetString()!);
        Assert.Equal(expectedSteps.Keys.Order(StringComparer.Ordinal), steps.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("beschikt", steps.Keys); // the bezwaartermijn of the granted application, six weeks
        foreach (var (state, expected) in expectedSteps)
        {
            Assert.Equal(expected.Count, steps[state].GetProperty("steps").GetInt32());
            Assert.Equal(expected.Median, steps[state].GetProperty("medianDays").GetDouble(), 1);
            Assert.Equal(expected.Median > 56, steps[state].GetProperty("overNorm").GetBoolean());
        }

        Assert.True(steps["beschikt"].GetProperty("medianDays").GetDouble() >= 42);
        Assert.Equal(56, dashboard.GetProperty("servicenormDays").GetDouble()); // P8W

        // Submission to decision: only the granted application is decided.
        var decided = await App.QueryAsync(db => db.FundingApplications.Where(a => a.SchemeId == schemeId && a.DecidedAt != null).ToListAsync(Cancellation));
        var decision = dashboard.GetProperty("decision");
        Assert.Equal(decided.Count, decision.GetProperty("cases").GetInt32());
        Assert.Equal(MedianOf([.. decided.Select(a => (a.DecidedAt!.Value - a.SubmittedAt!.Value).TotalDays)]), decision.GetProperty("medianDays").GetDouble(), 1);
        Assert.Equal(granted, Assert.Single(decided).Id);
        Assert.Equal(JsonValueKind.Null, dashboard.GetProperty("vouchers").ValueKind);
        Assert.NotEqual(advised, submitted);
    }

    [Fact]
    public async Task Overdue_deadlines_appear_once_the_clock_passes_them_with_a_link_to_the_application()
    {
        await SubsidySituationAsync();
        var schemeId = await SchemeIdAsync();
        var fund = await App.ClientAsAsync("fondsbeheerder");

        var before = await GetAsync(fund, $"/api/dashboards/schemes/{schemeId}");
        Assert.Equal((await ExpectedOverdueAsync(schemeId)).Count, before.GetProperty("overdueCount").GetInt32());

        App.Clock.Advance(TimeSpan.FromDays(200));
        var after = await GetAsync(fund, $"/api/dashboards/schemes/{schemeId}");
        var expected = await ExpectedOverdueAsync(schemeId);

        Assert.True(expected.Count > before.GetProperty("overdueCount").GetInt32(), "200 days later more deadlines have passed");
        Assert.Equal(expected.Count, after.GetProperty("overdueCount").GetInt32());
        var listed = after.GetProperty("overdue").EnumerateArray().ToList();
        Assert.Equal(expected.Take(20).Select(d => d.Id), listed.Select(d => d.GetProperty("deadlineId").GetGuid()));
        var first = listed[0];
        var application = await App.QueryAsync(db => db.FundingApplications.SingleAsync(a => a.CaseId == first.GetProperty("caseId").GetGuid(), Cancellation));
        Assert.Equal($"/aanvragen/{application.Id}", first.GetProperty("link").GetString());
        Assert.Equal(expected[0].TimerId, first.GetProperty("timerId").GetString());
        Assert.Equal(DutchCalendar.LocalDate(App.Clock.GetUtcNow()).DayNumber - DutchCalendar.LocalDate(expected[0].DueAt).DayNumber,
            first.GetProperty("daysOverdue").GetInt32());
    }

    [Fact]
    public async Task A_voucher_scheme_dashboard_counts_the_vouchers_issued_this_year_against_the_yearly_target()
    {
        var vouchers = new IssuedVouchers(App);
        var schemeId = await vouchers.SchemeAsync(ceiling: 20_000m);
        await vouchers.IssueAsync(schemeId, 2_000m, person: "Jan Jansen");
        await vouchers.IssueAsync(schemeId, 1_500m, person: "Els de Vries");
        await vouchers.RequestAsync(schemeId, person: "Piet Bakker");

        var dashboard = await GetAsync(await App.ClientAsAsync("fondsbeheerder"), $"/api/dashboards/schemes/{schemeId}");

        var stored = await App.QueryAsync(db => db.Vouchers.Where(v => v.SchemeId == schemeId)
            .Join(db.Cases, v => v.CaseId, c => c.Id, (v, c) => new { v.IssuedAt, c.State }).ToListAsync(Cancellation));
        var scheme = await App.QueryAsync(db => db.Schemes.AsNoTracking().SingleAsync(s => s.Id == schemeId, Cancellation));
        var target = dashboard.GetProperty("vouchers");
        Assert.Equal(2026, target.GetProperty("year").GetInt32());
        Assert.Equal(stored.Count(v => v.IssuedAt is { } at && DutchCalendar.LocalDate(at).Year == 2026), target.GetProperty("issuedThisYear").GetInt32());
        Assert.Equal(2, target.GetProperty("issuedThisYear").GetInt32());
        Assert.Equal(300, target.GetProperty("yearlyTarget").GetInt32());
        Assert.Equal(scheme.Committed, dashboard.GetProperty("committed").GetDecimal());
        Assert.Equal(3_500m, dashboard.GetProperty("committed").GetDecimal());
        var counts = dashboard.GetProperty("states").EnumerateArray().ToDictionary(s => s.GetProperty("state").GetString()!, s => s.GetProperty("count").GetInt32());
        Assert.Equal(stored.Count(v => v.State == "uitgegeven"), counts["uitgegeven"]);
        Assert.Equal(stored.Count(v => v.State == "aangevraagd"), counts["aangevraagd"]);
        Assert.Equal(stored.Count, counts.Values.Sum());

        // The dashboard was read (and kept); issuing one more voucher shows at once, to anyone who may see it.
        await vouchers.IssueAsync(schemeId, 1_000m, person: "Kees Smit");
        var again = await GetAsync(await App.ClientAsAsync("toezicht"), $"/api/dashboards/schemes/{schemeId}");
        Assert.Equal(3, again.GetProperty("vouchers").GetProperty("issuedThisYear").GetInt32());
        Assert.Equal(4_500m, again.GetProperty("committed").GetDecimal());
        var listed = (await GetListAsync(await App.ClientAsAsync("fondsbeheerder"), "/api/dashboards/schemes"))
            .Single(d => d.GetProperty("schemeId").GetGuid() == schemeId);
        Assert.Equal(3, listed.GetProperty("vouchers").GetProperty("issuedThisYear").GetInt32());

        // A year later none of them was issued "this year".
        App.Clock.Set(new DateTimeOffset(2027, 1, 4, 9, 0, 0, TimeSpan.Zero));
        var nextYear = (await GetAsync(await App.ClientAsAsync("toezicht"), $"/api/dashboards/schemes/{schemeId}")).GetProperty("vouchers");
        Assert.Equal((2027, 0), (nextYear.GetProperty("year").GetInt32(), nextYear.GetProperty("issuedThisYear").GetInt32()));
    }

    [Fact]
    public async Task Scheme_dashboards_are_for_the_fund_the_decision_body_oversight_and_admins_only()
    {
        await AddUserAsync("fondsbeheerder-elders", Role.FundAdministrator, "Graafschap College");
        var regioDeal = await SchemeIdAsync();
        var otherFundScheme = await App.QueryAsync(async db =>
        {
            var fund = await db.Organisations.SingleAsync(o => o.Name == "Graafschap College", Cancellation);
            var scheme = new Scheme("Praktijkfonds (test)", SchemeKind.Subsidie, "Graafschap College", null, fund.Id,
                new SchemeTerms(50_000m, new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), 10_000m,
                    0, false, 0, 1, 0, 0, "", 0, 0, null, null, "subsidie-aanvraag"), App.Clock.GetUtcNow());
            db.Schemes.Add(scheme);
            await db.SaveChangesAsync(Cancellation);
            return scheme.Id;
        });
        var allSchemes = await App.QueryAsync(db => db.Schemes.Select(s => s.Id).ToListAsync(Cancellation));

        async Task<List<Guid>> ListAsync(string login) =>
            [.. (await GetAsync(await App.ClientAsAsync(login), "/api/dashboards/schemes")).EnumerateArray().Select(s => s.GetProperty("schemeId").GetGuid())];

        // The other fund's administrator sees only that fund's scheme; this fund's administrator not that one.
        Assert.Equal([otherFundScheme], await ListAsync("fondsbeheerder-elders"));
        var fund = await ListAsync("fondsbeheerder");
        Assert.Contains(regioDeal, fund);
        Assert.DoesNotContain(otherFundScheme, fund);
        var forbidden = await (await App.ClientAsAsync("fondsbeheerder-elders")).GetAsync($"/api/dashboards/schemes/{regioDeal}", Cancellation);
        var problem = await forbidden.AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Contains("fondsbeheerders van het fonds", problem.GetProperty("detail").GetString());

        // The Board member sees the schemes the Board decides on.
        var boardSchemes = await App.QueryAsync(db => db.Schemes.Where(s => s.DecisionBodyId != null
            && db.BodyMembers.Any(m => m.BodyId == s.DecisionBodyId && m.UserExternalId == "beslisser")).Select(s => s.Id).ToListAsync(Cancellation));
        Assert.Contains(regioDeal, boardSchemes);
        Assert.Equal(boardSchemes.Order(), (await ListAsync("beslisser")).Order());

        // Oversight and admins see every scheme.
        Assert.Equal(allSchemes.Order(), (await ListAsync("toezicht")).Order());
        Assert.Equal(allSchemes.Order(), (await ListAsync("beheerder")).Order());

        // Initiative leads, voucher applicants, training providers and table members: 403 in Dutch.
        foreach (var login in new[] { "initiatiefnemer", "aanvrager", "opleider", "tafellid", "tafelvoorzitter" })
        {
            var client = await App.ClientAsAsync(login);
            var list = await (await client.GetAsync("/api/dashboards/schemes", Cancellation)).AssertProblemAsync(HttpStatusCode.Forbidden);
            Assert.Contains("Alleen fondsbeheerders", list.GetProperty("detail").GetString());
            await (await client.GetAsync($"/api/dashboards/schemes/{regioDeal}", Cancellation)).AssertProblemAsync(HttpStatusCode.Forbidden);
        }

        var missing = await (await App.ClientAsAsync("toezicht")).GetAsync($"/api/dashboards/schemes/{Guid.NewGuid()}", Cancellation);
        await missing.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("region")]
    [InlineData("table")]
    [InlineData("sector")]
    public async Task The_register_dashboard_counts_initiatives_per_group_by_status_and_type_and_sums_kpis(string groupBy)
    {
        await RegisterSituationAsync();

        var dashboard = await GetAsync(await App.ClientAsAsync("toezicht"), $"/api/dashboards/initiatives?groupBy={groupBy}");

        var expected = await ExpectedGroupsAsync(groupBy, _ => true);
        Assert.Equal(await App.QueryAsync(db => db.Initiatives.CountAsync(Cancellation)), dashboard.GetProperty("total").GetInt32());
        AssertGroups(expected, dashboard);
        Assert.False(dashboard.GetProperty("kpisTruncated").GetBoolean());
    }

    [Fact]
    public async Task The_register_dashboard_applies_the_register_filters_and_counts_a_two_sector_initiative_in_both()
    {
        await RegisterSituationAsync();
        var toezicht = await App.ClientAsAsync("toezicht");

        var lopend = await GetAsync(toezicht, "/api/dashboards/initiatives?groupBy=sector&status=lopend");
        AssertGroups(await ExpectedGroupsAsync("sector", i => i.Status == InitiativeStatus.Lopend), lopend);

        var techniekInAchterhoek = await GetAsync(toezicht, "/api/dashboards/initiatives?groupBy=sector&region=achterhoek&sector=techniek&type=zij-instroom");
        var expected = await ExpectedGroupsAsync("sector", i => i.RegionId != null && i.Sectors.Contains("techniek") && i.Type == InitiativeType.ZijInstroom
            && i.RegionId == AchterhoekId);
        AssertGroups(expected, techniekInAchterhoek);
        // The imported initiative in techniek and ICT is in both sector groups, once in the total.
        Assert.Equal(1, techniekInAchterhoek.GetProperty("total").GetInt32());
        Assert.Equal(["ict", "techniek"], techniekInAchterhoek.GetProperty("groups").EnumerateArray().Select(g => g.GetProperty("key").GetString()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task An_initiative_lead_sees_the_register_dashboard_over_the_initiatives_they_may_see()
    {
        await RegisterSituationAsync();
        await App.QueryAsync(async db =>
        {
            var draftOrganisation = await db.Organisations.SingleAsync(o => o.Name == "Regio Achterhoek", Cancellation);
            db.Initiatives.Add(new Initiative(draftOrganisation.Id, Content("Concept van een ander", ["kinderopvang"], AchterhoekId, []), App.Clock.GetUtcNow()));
            return await db.SaveChangesAsync(Cancellation);
        });

        var lead = await GetAsync(await App.ClientAsAsync("initiatiefnemer"), "/api/dashboards/initiatives?groupBy=sector");
        var all = await GetAsync(await App.ClientAsAsync("toezicht"), "/api/dashboards/initiatives?groupBy=sector");

        Assert.Equal(all.GetProperty("total").GetInt32() - 1, lead.GetProperty("total").GetInt32());
        Assert.DoesNotContain("kinderopvang", lead.GetProperty("groups").EnumerateArray().Select(g => g.GetProperty("key").GetString()));
        Assert.Contains("kinderopvang", all.GetProperty("groups").EnumerateArray().Select(g => g.GetProperty("key").GetString()));

        // Both figures were read (and kept); a new initiative of the lead's own organisation counts for both at once.
        await App.QueryAsync(async db =>
        {
            var own = await db.Organisations.SingleAsync(o => o.Name == "Graafschap College", Cancellation);
            db.Initiatives.Add(new Initiative(own.Id, Content("Eigen concept", ["onderwijs"], AchterhoekId, []), App.Clock.GetUtcNow()));
            return await db.SaveChangesAsync(Cancellation);
        });
        var leadAfter = await GetAsync(await App.ClientAsAsync("initiatiefnemer"), "/api/dashboards/initiatives?groupBy=sector");
        var allAfter = await GetAsync(await App.ClientAsAsync("toezicht"), "/api/dashboards/initiatives?groupBy=sector");
        Assert.Equal(lead.GetProperty("total").GetInt32() + 1, leadAfter.GetProperty("total").GetInt32());
        Assert.Equal(all.GetProperty("total").GetInt32() + 1, allAfter.GetProperty("total").GetInt32());
    }

    [Theory]
    [InlineData("groupBy=gemeente", "groupBy", "Onbekende groepering 'gemeente'")]
    [InlineData("groupBy=region&status=bezig", "status", "Onbekende status 'bezig'")]
    [InlineData("groupBy=table&type=opleiding", "type", "Onbekend type 'opleiding'")]
    [InlineData("groupBy=sector&region=atlantis", "region", "Onbekende regio 'atlantis'")]
    [InlineData("sector=a|b", "sector", "geen geldige waarde voor de sector")]
    public async Task Bad_register_dashboard_parameters_are_answered_with_400_in_Dutch(string query, string field, string message)
    {
        var response = await (await App.ClientAsAsync("toezicht")).GetAsync($"/api/dashboards/initiatives?{query}", Cancellation);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors").GetProperty(field).EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Contains(errors, e => e!.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_bad_scheme_id_in_the_dashboard_route_is_not_found()
    {
        var response = await (await App.ClientAsAsync("toezicht")).GetAsync("/api/dashboards/schemes/geen-guid", Cancellation);
        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_dashboard_page_draws_accessible_charts_with_the_same_numbers_in_tables()
    {
        await RegisterSituationAsync();
        var scheme = await SchemeAsync();
        var session = new PageSession(App.Factory);
        await session.SignInAsync("fondsbeheerder");

        var (response, html) = await session.GetAsync("/dashboard?groupBy=sector");
        var text = WebUtility.HtmlDecode(html);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<svg", html);
        Assert.Contains("role=\"img\"", html);
        Assert.Contains($"<title id=\"budget-{scheme.Id}-title\">", html);
        Assert.Contains($"Budget van {scheme.Name}", text);
        Assert.Contains(Money.Format(scheme.Committed), text);
        Assert.Contains(Money.Format(scheme.Paid), text);
        Assert.Contains(Money.Format(scheme.BudgetCeiling - scheme.Committed), text);
        Assert.Contains("<caption", html);
        Assert.Contains("scope=\"col\"", html);
        Assert.Contains("data-testid=\"state-uitvoering\">1<", html);
        Assert.Contains("data-testid=\"state-besluitvorming\">1<", html);
        // The register part: the sector techniek with its count, in the chart's text alternative and in the table.
        var techniek = await App.QueryAsync(db => db.Initiatives.Where(i => i.SectorKeys.Contains("|techniek|")).CountAsync(Cancellation));
        Assert.Contains($"data-testid=\"group-techniek\">{techniek}<", html);
        Assert.Contains($"techniek: {techniek} initiatieven", text);

        // An initiative lead sees only the register part.
        var lead = new PageSession(App.Factory);
        await lead.SignInAsync("initiatiefnemer");
        var (leadResponse, leadHtml) = await lead.GetAsync("/dashboard");
        Assert.Equal(HttpStatusCode.OK, leadResponse.StatusCode);
        Assert.DoesNotContain(scheme.Name, WebUtility.HtmlDecode(leadHtml));
        Assert.Contains("Initiatieven in het register", WebUtility.HtmlDecode(leadHtml));

        var (bad, badHtml) = await lead.GetAsync("/dashboard?groupBy=gemeente");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("Onbekende groepering", WebUtility.HtmlDecode(badHtml));
    }

    // ----- the situations -----

    /// <summary>Granted (80,000) with the advance paid and past the bezwaartermijn; advised and awaiting the decision; just submitted.</summary>
    private async Task<(Guid Granted, Guid Advised, Guid Submitted)> SubsidySituationAsync()
    {
        var granted = await InExecutionAsync(100_000m, 80_000m);
        var advance = Assert.Single(await PaymentsAsync(granted));
        await ApproveAndPayAsync(granted, advance.GetProperty("id").GetGuid(), "BETAAL-2026-0001");
        App.Clock.Advance(TimeSpan.FromDays(3));
        var advised = await ReadyForDecisionAsync(40_000m);
        var lead = await App.ClientAsAsync("initiatiefnemer");
        var submitted = Id(await CreateAsync(lead, 20_000m));
        await SendAsync(lead, $"/api/applications/{submitted}/submit", new { });
        return (granted, advised, submitted);
    }

    private int AchterhoekId { get; set; }

    /// <summary>The three initiatives behind the subsidy applications, classified, plus imported ones in other regions and sectors.</summary>
    private async Task RegisterSituationAsync()
    {
        var (granted, advised, _) = await SubsidySituationAsync();
        AchterhoekId = await App.QueryAsync(db => db.Regions.Where(r => r.Code == "achterhoek").Select(r => r.Id).SingleAsync(Cancellation));
        var otherRegion = await App.QueryAsync(db => db.Regions.Where(r => r.Code != "achterhoek").OrderBy(r => r.Code).Select(r => r.Id).FirstAsync(Cancellation));
        await App.QueryAsync(async db =>
        {
            var applications = await db.FundingApplications.ToListAsync(Cancellation);
            var initiatives = await db.Initiatives.Where(i => applications.Select(a => a.InitiativeId).Contains(i.Id)).ToListAsync(Cancellation);
            var grantedInitiative = initiatives.Single(i => i.Id == applications.Single(a => a.Id == granted).InitiativeId);
            grantedInitiative.Describe(new RegisterDetails("Opleiden tot monteur", InitiativeType.ZijInstroom, "23+ (volwassenen)", ["Doetinchem"], InitiativeStatus.Lopend));
            grantedInitiative.RecordKpiActuals([new KpiActual("zij-instromers in dienst", 12m)]);
            initiatives.Single(i => i.Id == applications.Single(a => a.Id == advised).InitiativeId)
                .Describe(new RegisterDetails("Monteurs werven", InitiativeType.Werkgeversperspectief, null, [], InitiativeStatus.Nieuw));

            var now = App.Clock.GetUtcNow();
            db.Initiatives.AddRange(
                new Initiative("inventaris-test", "1", Content("Techniek en ICT voor zij-instromers", ["techniek", "ICT"], AchterhoekId,
                        [new Kpi("zij-instromers in dienst", 30m, 25m), new Kpi("Deelnemers", 100m, 80m)]),
                    new RegisterDetails("Omscholing", InitiativeType.ZijInstroom, "23+ (volwassenen)", ["Winterswijk"], InitiativeStatus.Lopend), now),
                new Initiative("inventaris-test", "2", Content("Techniekdag basisscholen", ["techniek"], otherRegion, [new Kpi("deelnemers", 500m, null)]),
                    new RegisterDetails("Techniekdag", InitiativeType.Techniekpromotie, "4-12 (basisonderwijs)", [], InitiativeStatus.Afgerond), now),
                new Initiative("inventaris-test", "3", Content("Zorgbanen", ["zorg en welzijn"], otherRegion, []),
                    new RegisterDetails("Leerwerkplekken", InitiativeType.Instrumentarium, null, [], InitiativeStatus.Geborgd), now),
                new Initiative("inventaris-test", "4", Content("Zonder indeling", [], null, []),
                    new RegisterDetails("Overig", null, null, [], InitiativeStatus.Lopend), now));
            return await db.SaveChangesAsync(Cancellation);
        });
    }

    private static InitiativeContent Content(string title, IReadOnlyList<string> sectors, int? regionId, IReadOnlyList<Kpi> kpis) =>
        new(title, "Probleem", "Doelen", ["werkzoekenden"], sectors, regionId, null, null, [], [], [], kpis, null);

    // ----- independent expectations -----

    private sealed record ExpectedGroup(string Key, int Count, Dictionary<string, int> ByStatus, Dictionary<string, int> ByType, int KpisReported,
        Dictionary<string, (int Initiatives, decimal Target, decimal Actual)> Kpis);

    /// <summary>The groups computed here from all stored initiatives, applications, schemes and regions.</summary>
    private async Task<List<ExpectedGroup>> ExpectedGroupsAsync(string groupBy, Func<Initiative, bool> filter)
    {
        var initiatives = (await App.QueryAsync(db => db.Initiatives.AsNoTracking().ToListAsync(Cancellation))).Where(filter).ToList();
        var applications = await App.QueryAsync(db => db.FundingApplications.AsNoTracking().ToListAsync(Cancellation));
        var schemes = await App.QueryAsync(db => db.Schemes.AsNoTracking().ToDictionaryAsync(s => s.Id, Cancellation));
        var regions = await App.QueryAsync(db => db.Regions.AsNoTracking().ToDictionaryAsync(r => r.Id, r => r.Code, Cancellation));

        IEnumerable<string> KeysOf(Initiative i) => groupBy switch
        {
            "region" => [i.RegionId is { } r ? regions[r] : "geen"],
            "sector" => i.Sectors.Count > 0 ? i.Sectors.Select(s => s.ToLowerInvariant()).Distinct() : ["geen"],
            _ => applications.Where(a => a.InitiativeId == i.Id).Select(a => schemes[a.SchemeId].AssessingBodyId).OfType<Guid>().Distinct().Select(b => b.ToString())
                .DefaultIfEmpty("geen"),
        };

        return [.. initiatives.SelectMany(i => KeysOf(i).Select(k => (Key: k, Initiative: i))).GroupBy(p => p.Key).Select(g =>
        {
            var members = g.Select(p => p.Initiative).ToList();
            var kpis = members.SelectMany(i => i.Kpis).GroupBy(k => k.Indicator.ToLowerInvariant())
                .ToDictionary(k => k.Key, k => (k.Count(), k.Sum(x => x.Target), k.Sum(x => x.Actual ?? 0)));
            return new ExpectedGroup(g.Key, members.Count,
                Enum.GetValues<InitiativeStatus>().ToDictionary(s => s.Label(), s => members.Count(i => i.Status == s)),
                Enum.GetValues<InitiativeType>().Select(t => (Key: t.Label(), Type: (InitiativeType?)t)).Append((Key: "geen", Type: (InitiativeType?)null))
                    .ToDictionary(t => t.Key, t => members.Count(i => i.Type == t.Type)),
                members.Count(i => i.Kpis.Any(k => k.Actual != null)),
                kpis);
        })];
    }

    private static void AssertGroups(List<ExpectedGroup> expected, JsonElement dashboard)
    {
        var groups = dashboard.GetProperty("groups").EnumerateArray().ToDictionary(g => g.GetProperty("key").GetString()!);
        Assert.Equal(expected.Select(e => e.Key).Order(StringComparer.Ordinal), groups.Keys.Order(StringComparer.Ordinal));
        Assert.NotEmpty(expected);
        foreach (var group in expected)
        {
            var shown = groups[group.Key];
            Assert.Equal(group.Count, shown.GetProperty("count").GetInt32());
            Assert.Equal(group.ByStatus, shown.GetProperty("byStatus").EnumerateArray().ToDictionary(s => s.GetProperty("key").GetString()!, s => s.GetProperty("count").GetInt32()));
            Assert.Equal(group.ByType, shown.GetProperty("byType").EnumerateArray().ToDictionary(s => s.GetProperty("key").GetString()!, s => s.GetProperty("count").GetInt32()));
            Assert.Equal(group.KpisReported, shown.GetProperty("kpisReported").GetInt32());
            Assert.Equal(group.Kpis, shown.GetProperty("kpis").EnumerateArray().ToDictionary(
                k => k.GetProperty("indicator").GetString()!.ToLowerInvariant(),
                k => (k.GetProperty("initiatives").GetInt32(), k.GetProperty("target").GetDecimal(), k.GetProperty("actual").GetDecimal())));
        }
    }

    private async Task<List<CaseDeadline>> ExpectedOverdueAsync(Guid schemeId)
    {
        var now = App.Clock.GetUtcNow();
        var caseIds = await App.QueryAsync(db => db.FundingApplications.Where(a => a.SchemeId == schemeId).Select(a => a.CaseId).ToListAsync(Cancellation));
        var deadlines = await App.QueryAsync(db => db.CaseDeadlines.AsNoTracking().Where(d => caseIds.Contains(d.CaseId)).ToListAsync(Cancellation));
        return [.. deadlines.Where(d => d.Status == DeadlineStatus.Planned && d.DueAt < now).OrderBy(d => d.DueAt)];
    }

    private static double MedianOf(IReadOnlyList<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private async Task<List<JsonElement>> GetListAsync(HttpClient client, string url) => [.. (await GetAsync(client, url)).EnumerateArray()];

    private async Task<JsonElement> GetAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url, Cancellation);
        var text = await response.Content.ReadAsStringAsync(Cancellation);
        Assert.True(response.IsSuccessStatusCode, $"GET {url}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement;
    }
}

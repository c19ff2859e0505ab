using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using RegioFlow.Auth;
using RegioFlow.Domain;
using RegioFlow.IntegrationTests.Infrastructure;

namespace RegioFlow.IntegrationTests.Applications;

/// <summary>Subsidy applications through the API, on the seeded Regio Deal scheme of the Achterhoek (demo data).</summary>
public sealed class SubsidyApplicationTests(AppFixture app) : SubsidyTest(app)
{
    [Fact]
    public async Task A_complete_application_is_submitted_completed_assessed_advised_granted_and_its_advance_paid()
    {
        var lead = await App.ClientAsAsync("initiatiefnemer");
        var fund = await App.ClientAsAsync("fondsbeheerder");
        var board = await App.ClientAsAsync("beslisser");
        var application = await CreateAsync(lead, 100_000m);
        var caseId = application.GetProperty("caseId").GetGuid();
        Assert.Equal("concept", application.GetProperty("state").GetString());

        await SendAsync(lead, $"/api/applications/{Id(application)}/submit", new { });
        await SendAsync(fund, $"/api/cases/{caseId}/triggers/in-behandeling-nemen", new { });
        await SendAsync(fund, $"/api/cases/{caseId}/triggers/onvolledig", new { parameters = new { toelichting = "De begroting per partner ontbreekt." } });
        App.Clock.Advance(TimeSpan.FromDays(9));
        await SendAsync(lead, $"/api/cases/{caseId}/triggers/aanvullen", new { });
        var afterCompletion = await lead.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}", Cancellation);
        // Monday 5 January 2026 + 13 weeks = Monday 6 April (Easter Monday: next working day 7 April); 9 days suspended → 15 April.
        Assert.Equal("2026-04-15", afterCompletion.GetProperty("clocks").GetProperty("legalDeadline").GetString());
        await SendAsync(fund, $"/api/cases/{caseId}/triggers/volledig", new { });
        await AssessAndAdviseAsync(Id(application));

        var granted = await SendAsync(board, $"/api/applications/{Id(application)}/decision",
            new { decision = "toekennen", amount = 80_000m, conditions = "Halfjaarlijkse voortgangsrapportage." });

        Assert.Equal("beschikt", granted.GetProperty("state").GetString());
        Assert.Equal(80_000m, granted.GetProperty("grantedAmount").GetDecimal());
        var scheme = await SchemeAsync();
        Assert.Equal((80_000m, 0m), (scheme.Committed, scheme.Paid));
        var payments = await fund.GetFromJsonAsync<JsonElement>($"/api/applications/{Id(application)}/payments", Cancellation);
        var advance = payments.EnumerateArray().Single();
        Assert.Equal(("Voorschot", 32_000m, "Gepland"), (advance.GetProperty("kind").GetString(), advance.GetProperty("amount").GetDecimal(), advance.GetProperty("status").GetString()));
        var paymentUrl = $"/api/applications/{Id(application)}/payments/{advance.GetProperty("id").GetGuid()}";
        await SendAsync(fund, $"{paymentUrl}/approve", new { });
        var paid = await SendAsync(fund, $"{paymentUrl}/paid", new { paidOn = "2026-01-14", reference = "BETAAL-2026-0001" });
        Assert.Equal("Betaald", paid.GetProperty("status").GetString());
        Assert.Equal(32_000m, (await SchemeAsync()).Paid);
    }

    [Fact]
    public async Task Two_grants_that_together_exceed_the_remaining_budget_give_one_success_and_409_budget_ontoereikend()
    {
        await App.QueryAsync(db => db.Schemes.ExecuteUpdateAsync(u => u.SetProperty(s => s.BudgetCeiling, 150_000m), Cancellation));
        var board = await App.ClientAsAsync("beslisser");
        var first = await ReadyForDecisionAsync(100_000m);
        var second = await ReadyForDecisionAsync(100_000m);

        var responses = await Task.WhenAll(
            board.PostAsJsonAsync($"/api/applications/{first}/decision", new { decision = "toekennen", amount = 100_000m }, Cancellation),
            board.PostAsJsonAsync($"/api/applications/{second}/decision", new { decision = "toekennen", amount = 100_000m }, Cancellation));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        var refused = responses.Single(r => r.StatusCode != HttpStatusCode.OK);
        var problem = await refused.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("Budget ontoereikend", problem.GetProperty("detail").GetString());
        var scheme = await SchemeAsync();
        Assert.Equal(100_000m, scheme.Committed);
        var granted = await App.QueryAsync(db => db.FundingApplications.Where(a => a.GrantedAmount != null).SumAsync(a => a.GrantedAmount!.Value, Cancellation));
        Assert.Equal(scheme.Committed, granted);
        var states = await App.QueryAsync(db => db.Cases.Where(c => c.SubjectType == FundingApplication.SubjectType).Select(c => c.State).ToListAsync(Cancellation));
        Assert.Equal(["beschikt", "besluitvorming"], states.Order(StringComparer.Ordinal));
        Assert.Equal(1, await App.QueryAsync(db => db.Payments.CountAsync(Cancellation)));
    }

    [Fact]
    public async Task Absurd_amounts_and_overlong_lists_are_400_per_field_and_nothing_is_stored()
    {
        var lead = await App.ClientAsAsync("initiatiefnemer");
        const decimal absurd = 70_000_000_000_000_000_000_000_000_000m;
        var draft = new
        {
            schemeId = await SchemeIdAsync(),
            requestedAmount = 50_000m,
            initiative = new
            {
                title = "Te groot",
                budgetLines = new[] { new { description = "Alles", amount = absurd } },
                kpis = Enumerable.Range(1, 31).Select(n => new { indicator = $"KPI {n}", target = 1m, actual = (decimal?)null }).ToArray(),
            },
        };

        var response = await lead.PostAsJsonAsync("/api/applications", draft, Cancellation);

        var errors = (await response.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.Equal("Dit bedrag is onwaarschijnlijk groot.", errors.GetProperty("initiative.budgetLines[0].amount")[0].GetString());
        Assert.Equal("Hoogstens 30 KPI's.", errors.GetProperty("initiative.kpis")[0].GetString());
        Assert.Equal(0, await App.QueryAsync(db => db.Initiatives.CountAsync(Cancellation)));
    }

    [Theory]
    [InlineData(0, "groter dan € 0")]
    [InlineData(-5, "groter dan € 0")]
    [InlineData(250_000.01, "hoger dan het maximum")]
    [InlineData(12.345, "twee decimalen")]
    public async Task A_bad_amount_is_400_naming_the_field_and_nothing_is_stored(decimal amount, string message)
    {
        var lead = await App.ClientAsAsync("initiatiefnemer");

        var response = await lead.PostAsJsonAsync("/api/applications", Draft(await SchemeIdAsync(), amount), Cancellation);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains(message, problem.GetProperty("errors").GetProperty("requestedAmount")[0].GetString());
        Assert.Equal(0, await App.QueryAsync(db => db.FundingApplications.CountAsync(Cancellation)));
        Assert.Equal(0, await App.QueryAsync(db => db.Initiatives.CountAsync(Cancellation)));
    }

    [Fact]
    public async Task Submitting_without_a_borging_plan_is_400_and_the_application_stays_a_draft()
    {
        var lead = await App.ClientAsAsync("initiatiefnemer");
        var application = await CreateAsync(lead, 50_000m, withBorgingPlan: false);

        var response = await lead.PostAsJsonAsync($"/api/applications/{Id(application)}/submit", new { }, Cancellation);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("borgingsplan is verplicht", problem.GetProperty("errors").GetProperty("initiative.borgingPlan")[0].GetString());
        var stored = await lead.GetFromJsonAsync<JsonElement>($"/api/applications/{Id(application)}", Cancellation);
        Assert.Equal("concept", stored.GetProperty("state").GetString());
        Assert.Equal(JsonValueKind.Null, stored.GetProperty("submittedAt").ValueKind);
    }

    [Fact]
    public async Task Submitting_when_the_window_is_closed_is_400_naming_the_window()
    {
        var lead = await App.ClientAsAsync("initiatiefnemer");
        var application = await CreateAsync(lead, 50_000m);
        await App.QueryAsync(db => db.Schemes.ExecuteUpdateAsync(u => u.SetProperty(s => s.WindowCloses, new DateOnly(2026, 1, 4)), Cancellation));

        var response = await lead.PostAsJsonAsync($"/api/applications/{Id(application)}/submit", new { }, Cancellation);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("aanvraagvenster", problem.GetProperty("errors").GetProperty("scheme")[0].GetString());
        Assert.Equal("concept", (await lead.GetFromJsonAsync<JsonElement>($"/api/applications/{Id(application)}", Cancellation)).GetProperty("state").GetString());
    }

    [Fact]
    public async Task Granting_through_the_generic_trigger_route_is_refused_so_the_budget_cannot_be_skipped()
    {
        var board = await App.ClientAsAsync("beslisser");
        var id = await ReadyForDecisionAsync(50_000m);
        var caseId = await App.QueryAsync(db => db.FundingApplications.Where(a => a.Id == id).Select(a => a.CaseId).SingleAsync(Cancellation));

        var response = await board.PostAsJsonAsync($"/api/cases/{caseId}/triggers/toekennen", new { parameters = new { bedrag = "50000" } }, Cancellation);

        var problem = await response.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("/api/applications/{id}/decision", problem.GetProperty("detail").GetString());
        Assert.Equal(0m, (await SchemeAsync()).Committed);
    }

    [Fact]
    public async Task An_initiative_lead_of_another_organisation_neither_sees_nor_changes_the_application()
    {
        var lead = await App.ClientAsAsync("initiatiefnemer");
        var application = await CreateAsync(lead, 50_000m);
        var stranger = App.ClientWithClaims([new Claim(RegioFlowClaims.Subject, "andere-initiatiefnemer"), new Claim(RegioFlowClaims.Role, nameof(Role.InitiativeLead))]);

        Assert.Empty((await stranger.GetFromJsonAsync<JsonElement>("/api/applications", Cancellation)).EnumerateArray());
        await (await stranger.GetAsync($"/api/applications/{Id(application)}", Cancellation)).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await stranger.PostAsJsonAsync($"/api/applications/{Id(application)}/submit", new { }, Cancellation)).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await stranger.GetAsync($"/api/cases/{application.GetProperty("caseId").GetGuid()}", Cancellation)).AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Single((await lead.GetFromJsonAsync<JsonElement>("/api/applications", Cancellation)).EnumerateArray());
    }

    [Fact]
    public async Task A_table_member_sees_an_application_only_once_it_reaches_the_table()
    {
        var lead = await App.ClientAsAsync("initiatiefnemer");
        var member = await App.ClientAsAsync("tafellid");
        var application = await CreateAsync(lead, 50_000m);
        await SendAsync(lead, $"/api/applications/{Id(application)}/submit", new { });
        await (await member.GetAsync($"/api/applications/{Id(application)}", Cancellation)).AssertProblemAsync(HttpStatusCode.Forbidden);

        var fund = await App.ClientAsAsync("fondsbeheerder");
        var caseId = application.GetProperty("caseId").GetGuid();
        await SendAsync(fund, $"/api/cases/{caseId}/triggers/in-behandeling-nemen", new { });
        await SendAsync(fund, $"/api/cases/{caseId}/triggers/volledig", new { });

        Assert.Equal("toetsing", (await member.GetFromJsonAsync<JsonElement>($"/api/applications/{Id(application)}", Cancellation)).GetProperty("state").GetString());
    }
}

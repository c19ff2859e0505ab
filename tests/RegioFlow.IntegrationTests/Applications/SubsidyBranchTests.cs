using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RegioFlow.Domain;
using RegioFlow.IntegrationTests.Infrastructure;
using RegioFlow.Jobs;

namespace RegioFlow.IntegrationTests.Applications;

/// <summary>The branches off the main path: afwijzen, aanhouden, intrekken and buiten behandeling na de hersteltermijn.</summary>
public sealed class SubsidyBranchTests(AppFixture app) : SubsidyTest(app)
{
    [Fact]
    public async Task A_rejection_needs_a_motivation_closes_the_case_and_commits_no_budget()
    {
        var board = await App.ClientAsAsync("beslisser");
        var id = await ReadyForDecisionAsync(60_000m);

        var bare = await board.PostAsJsonAsync($"/api/applications/{id}/decision", new { decision = "afwijzen" }, Cancellation);
        var problem = await bare.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("Motiveer", problem.GetProperty("errors").GetProperty("motivation")[0].GetString());
        var rejected = await SendAsync(board, $"/api/applications/{id}/decision", new { decision = "afwijzen", motivation = "Overlapt met een lopend initiatief." });

        Assert.Equal(("afgewezen", "Overlapt met een lopend initiatief."), (rejected.GetProperty("state").GetString(), rejected.GetProperty("decisionMotivation").GetString()));
        Assert.NotNull(await App.QueryAsync(db => db.Cases.Where(c => c.SubjectId == id.ToString()).Select(c => c.ClosedAt).SingleAsync(Cancellation)));
        Assert.Equal(0m, (await SchemeAsync()).Committed);
        Assert.Equal(0, await App.QueryAsync(db => db.Payments.CountAsync(Cancellation)));
    }

    [Fact]
    public async Task A_decision_held_over_returns_to_the_board_and_can_then_be_granted()
    {
        var board = await App.ClientAsAsync("beslisser");
        var id = await ReadyForDecisionAsync(60_000m);
        var caseId = await CaseIdAsync(id);

        var held = await SendAsync(board, $"/api/applications/{id}/decision", new { decision = "aanhouden", motivation = "Eerst de cofinanciering van de provincie zeker." });
        Assert.Equal("aangehouden", held.GetProperty("state").GetString());
        await SendAsync(board, $"/api/cases/{caseId}/triggers/opnieuw-agenderen", new { });
        var granted = await SendAsync(board, $"/api/applications/{id}/decision", new { decision = "toekennen", amount = 60_000m });

        Assert.Equal("beschikt", granted.GetProperty("state").GetString());
        Assert.Equal(60_000m, (await SchemeAsync()).Committed);
    }

    [Fact]
    public async Task The_applicant_can_withdraw_until_the_decision_and_then_nothing_can_be_decided()
    {
        var lead = await App.ClientAsAsync("initiatiefnemer");
        var board = await App.ClientAsAsync("beslisser");
        var id = await ReadyForDecisionAsync(60_000m);

        await SendAsync(lead, $"/api/cases/{await CaseIdAsync(id)}/triggers/intrekken", new { });
        var decision = await board.PostAsJsonAsync($"/api/applications/{id}/decision", new { decision = "toekennen", amount = 60_000m }, Cancellation);

        var own = await lead.GetFromJsonAsync<JsonElement>($"/api/applications/{id}", Cancellation);
        Assert.Equal("ingetrokken", own.GetProperty("state").GetString());
        // The Board no longer sees a withdrawn application (it never reached a decision), so it cannot decide it.
        Assert.Equal(HttpStatusCode.Forbidden, decision.StatusCode);
        Assert.Equal(0m, (await SchemeAsync()).Committed);
    }

    [Fact]
    public async Task An_application_not_completed_within_the_hersteltermijn_is_reminded_and_then_set_aside()
    {
        var lead = await App.ClientAsAsync("initiatiefnemer");
        var fund = await App.ClientAsAsync("fondsbeheerder");
        var application = await CreateAsync(lead, 60_000m);
        var caseId = application.GetProperty("caseId").GetGuid();
        await SendAsync(lead, $"/api/applications/{Id(application)}/submit", new { });
        await SendAsync(fund, $"/api/cases/{caseId}/triggers/in-behandeling-nemen", new { });
        await SendAsync(fund, $"/api/cases/{caseId}/triggers/onvolledig", new { parameters = new { toelichting = "Handtekening van de penvoerder ontbreekt." } });
        var deadlines = await App.QueryAsync(db => db.CaseDeadlines.Where(d => d.CaseId == caseId && d.State == "wacht-op-aanvulling").ToListAsync(Cancellation));

        App.Clock.Advance(TimeSpan.FromDays(10));
        await RunDeadlineAsync(deadlines.Single(d => d.TimerId == "herinnering-aanvulling").Id);
        App.Clock.Advance(TimeSpan.FromDays(4));
        await RunDeadlineAsync(deadlines.Single(d => d.TimerId == "hersteltermijn").Id);

        var journal = await App.QueryAsync(db => db.CaseJournal.Where(j => j.CaseId == caseId).ToListAsync(Cancellation));
        Assert.Single(journal, j => j.Kind == JournalKind.ReminderSent && j.Detail == "herinnering-aanvulling → initiator");
        Assert.Single(journal, j => j.Kind == JournalKind.TriggerFired && j.Trigger == "hersteltermijn-verlopen" && j.Actor == "systeem");
        Assert.Equal("buiten-behandeling", (await lead.GetFromJsonAsync<JsonElement>($"/api/applications/{Id(application)}", Cancellation)).GetProperty("state").GetString());
    }

    private Task<Guid> CaseIdAsync(Guid applicationId) =>
        App.QueryAsync(db => db.FundingApplications.Where(a => a.Id == applicationId).Select(a => a.CaseId).SingleAsync(Cancellation));

    private async Task RunDeadlineAsync(Guid deadlineId)
    {
        await using var scope = App.Factory.Services.CreateAsyncScope();
        await ActivatorUtilities.CreateInstance<FireDeadlineJob>(scope.ServiceProvider).RunAsync(deadlineId, null, Cancellation);
    }
}

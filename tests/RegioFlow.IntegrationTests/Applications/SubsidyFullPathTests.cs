using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using RegioFlow.Domain;
using RegioFlow.IntegrationTests.Infrastructure;

namespace RegioFlow.IntegrationTests.Applications;

/// <summary>
/// One subsidy from the first draft to the closed case on the test clock: completion under a suspended clock, advice,
/// grant and advance, the bezwaartermijn, a late progress report with its reminder and escalation, a tranche, the final
/// report, a settlement below what was paid (reclaim), and the two borging checks.
/// </summary>
public sealed class SubsidyFullPathTests(AppFixture app) : ExecutionTest(app)
{
    [Fact]
    public async Task An_application_goes_from_draft_to_closed_with_a_late_report_a_tranche_a_reclaim_and_borging()
    {
        // Another initiative lead of the applicant organisation, and a fund administrator of another fund.
        await AddUserAsync("projectleider-2", Role.InitiativeLead, "Graafschap College");
        await AddUserAsync("fondsbeheerder-elders", Role.FundAdministrator, "Graafschap College");
        var lead = await App.ClientAsAsync("initiatiefnemer");
        var fund = await App.ClientAsAsync("fondsbeheerder");
        var board = await App.ClientAsAsync("beslisser");

        // Incomplete, then completed after 9 days: the legal term moves by the days suspended.
        var application = await CreateAsync(lead, 100_000m);
        var id = Id(application);
        var caseId = application.GetProperty("caseId").GetGuid();
        await SendAsync(lead, $"/api/applications/{id}/submit", new { });
        await SendAsync(fund, $"/api/cases/{caseId}/triggers/in-behandeling-nemen", new { });
        // Monday 5 January 2026 + 13 weeks = Easter Monday 6 April → Tuesday 7 April.
        Assert.Equal("2026-04-07", await LegalDeadlineAsync(lead, caseId));
        await SendAsync(fund, $"/api/cases/{caseId}/triggers/onvolledig", new { parameters = new { toelichting = "De begroting per partner ontbreekt." } });
        App.Clock.Advance(TimeSpan.FromDays(9));
        await SendAsync(lead, $"/api/cases/{caseId}/triggers/aanvullen", new { });
        Assert.Equal("2026-04-15", await LegalDeadlineAsync(lead, caseId)); // 6 April + 9 days
        await SendAsync(fund, $"/api/cases/{caseId}/triggers/volledig", new { });

        // The table advises, the Board grants 80,000 and the 40 % advance is paid.
        await AssessAndAdviseAsync(id);
        var granted = await SendAsync(board, $"/api/applications/{id}/decision", new { decision = "toekennen", amount = 80_000m, conditions = "Halfjaarlijks rapporteren." });
        Assert.Equal("beschikt", granted.GetProperty("state").GetString());
        var advance = Assert.Single(await PaymentsAsync(id));
        Assert.Equal(("Voorschot", 32_000m), (advance.GetProperty("kind").GetString(), advance.GetProperty("amount").GetDecimal()));
        await ApproveAndPayAsync(id, advance.GetProperty("id").GetGuid(), "BETAAL-2026-0001");

        // Six weeks without objection: uitvoering.
        await PassBezwaartermijnAsync(id);
        Assert.Equal("uitvoering", await StateAsync(id));

        // No report after six months: the reminder goes to the organisation's initiative leads, two weeks later the
        // escalation to the fund administrators of this scheme's fund, in the inbox and by e-mail.
        var timers = await App.QueryAsync(db => db.CaseDeadlines.Where(d => d.CaseId == caseId && d.State == "uitvoering").ToListAsync(Cancellation));
        var reminder = timers.Single(d => d.TimerId == "voortgangsrapportage");
        var escalation = timers.Single(d => d.TimerId == "voortgangsrapportage-escalatie");
        App.Clock.Set(escalation.DueAt.AddHours(1));
        await RunDeadlineAsync(reminder.Id);
        await RunDeadlineAsync(escalation.Id);
        await DeliverNotificationsAsync();

        var mail = App.Smtp.Messages.ToList();
        Assert.Equal(["fondsbeheerder@demo.regioflow.invalid", "initiatiefnemer@demo.regioflow.invalid", "projectleider-2@test.regioflow.invalid"],
            mail.Select(m => m.To).Order(StringComparer.Ordinal));
        Assert.Contains("Herinnering: een voortgangsrapportage is nodig", mail.Single(m => m.To.StartsWith("initiatiefnemer", StringComparison.Ordinal)).Data);
        Assert.Contains("Escalatie: een termijn is verlopen zonder actie", mail.Single(m => m.To.StartsWith("fondsbeheerder", StringComparison.Ordinal)).Data);
        Assert.Equal(["herinnering-rapportage"], await InboxAsync(lead));
        Assert.Equal(["escalatie-termijn"], await InboxAsync(fund));
        Assert.Empty(await InboxAsync(await App.ClientAsAsync("fondsbeheerder-elders")));

        // The late progress report: marked late, KPI actual on the initiative, reporting timer started again.
        var report = await SendAsync(lead, $"/api/applications/{id}/reports", new
        {
            kind = "voortgang",
            summary = "Eerste groep van 15 zij-instromers gestart; 12 in dienst.",
            spentToDate = 70_000m,
            kpiActuals = new[] { new { indicator = "zij-instromers in dienst", actual = 12m } },
        });
        Assert.True(report.GetProperty("late").GetBoolean());
        var afterReport = await lead.GetFromJsonAsync<JsonElement>($"/api/applications/{id}", Cancellation);
        Assert.Equal("uitvoering", afterReport.GetProperty("state").GetString());
        Assert.Equal(12m, afterReport.GetProperty("initiative").GetProperty("kpis")[0].GetProperty("actual").GetDecimal());
        var nextReminder = await App.QueryAsync(db => db.CaseDeadlines.SingleAsync(d => d.CaseId == caseId && d.TimerId == "voortgangsrapportage" && d.Status == DeadlineStatus.Planned, Cancellation));
        Assert.True(nextReminder.DueAt > App.Clock.GetUtcNow().AddMonths(5));

        // A tranche of 24,000, requested by the initiative lead and paid by the fund.
        var tranche = await SendAsync(lead, $"/api/applications/{id}/payments", new { amount = 24_000m, description = "Tranche 1: tweede groep" });
        Assert.Equal(("Tranche", "Gepland"), (tranche.GetProperty("kind").GetString(), tranche.GetProperty("status").GetString()));
        Assert.Equal(("initiatiefnemer", "Tranche 1: tweede groep"), (tranche.GetProperty("requestedBy").GetString(), tranche.GetProperty("description").GetString()));
        await ApproveAndPayAsync(id, tranche.GetProperty("id").GetGuid(), "BETAAL-2026-0002");

        // The final report, on time, then the settlement at 50,000: 56,000 was paid, so 6,000 is reclaimed.
        App.Clock.Advance(TimeSpan.FromDays(30));
        var final = await SendAsync(lead, $"/api/applications/{id}/reports", FinalReport(52_000m));
        Assert.False(final.GetProperty("late").GetBoolean());
        Assert.Equal("eindverantwoording", await StateAsync(id));
        var settlement = await SendAsync(fund, $"/api/applications/{id}/settlement", new { amount = 50_000m, motivation = "Projectleiding deels niet subsidiabel." });
        Assert.Equal((56_000m, 30_000m), (settlement.GetProperty("paidSoFar").GetDecimal(), settlement.GetProperty("released").GetDecimal()));
        Assert.Equal(50_000m, settlement.GetProperty("application").GetProperty("settledAmount").GetDecimal());
        var reclaim = settlement.GetProperty("payment");
        Assert.Equal(("Terugvordering", 6_000m), (reclaim.GetProperty("kind").GetString(), reclaim.GetProperty("amount").GetDecimal()));
        await ApproveAndPayAsync(id, reclaim.GetProperty("id").GetGuid(), "ONTV-2026-0001");

        // The figures add up: committed = settled; paid = 32,000 + 24,000 − 6,000.
        var scheme = await SchemeAsync();
        Assert.Equal((50_000m, 50_000m), (scheme.Committed, scheme.Paid));
        Assert.Equal(["Voorschot:32000.00:Betaald", "Tranche:24000.00:Betaald", "Terugvordering:6000.00:Betaald"],
            (await PaymentsAsync(id)).Select(p => $"{p.GetProperty("kind").GetString()}:{p.GetProperty("amount").GetDecimal():0.00}:{p.GetProperty("status").GetString()}"));

        // Borging after 6 and 12 months; the second check closes the case.
        Assert.Equal("borging-zes-maanden", await StateAsync(id));
        App.Clock.Advance(TimeSpan.FromDays(183));
        await SendAsync(fund, $"/api/applications/{id}/borging", new { outcome = "Bijdragemodel", notes = "De werkgevers betalen per deelnemer." });
        Assert.Equal("borging-twaalf-maanden", await StateAsync(id));
        App.Clock.Advance(TimeSpan.FromDays(183));
        await SendAsync(fund, $"/api/applications/{id}/borging", new { outcome = "OnderdeelVanSchool", notes = "Opgenomen in de afdeling Techniek." });

        Assert.Equal("afgesloten", await StateAsync(id));
        Assert.NotNull(await App.QueryAsync(db => db.Cases.Where(c => c.Id == caseId).Select(c => c.ClosedAt).SingleAsync(Cancellation)));
        var checks = await lead.GetFromJsonAsync<JsonElement>($"/api/applications/{id}/borging", Cancellation);
        Assert.Equal(["6:Bijdragemodel", "12:OnderdeelVanSchool"], checks.EnumerateArray().Select(c => $"{c.GetProperty("months").GetInt32()}:{c.GetProperty("outcome").GetString()}"));
        var reports = await fund.GetFromJsonAsync<JsonElement>($"/api/applications/{id}/reports", Cancellation);
        Assert.Equal(["voortgang:True", "eindverantwoording:False"], reports.EnumerateArray().Select(r => $"{r.GetProperty("kind").GetString()}:{r.GetProperty("late").GetBoolean()}"));
    }

    private async Task<string?> LegalDeadlineAsync(HttpClient client, Guid caseId) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}", Cancellation)).GetProperty("clocks").GetProperty("legalDeadline").GetString();

    private async Task<List<string?>> InboxAsync(HttpClient client) =>
        [.. (await client.GetFromJsonAsync<JsonElement>("/api/me/notifications", Cancellation)).EnumerateArray().Select(n => n.GetProperty("notification").GetString())];
}

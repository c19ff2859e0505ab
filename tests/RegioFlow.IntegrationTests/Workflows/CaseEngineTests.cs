using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RegioFlow.Domain;
using RegioFlow.IntegrationTests.Infrastructure;
using RegioFlow.Jobs;
using RegioFlow.Workflows;

namespace RegioFlow.IntegrationTests.Workflows;

/// <summary>The generic case API over the test definition test-zaak (tests/…/Workflows/Definitions), on the test clock.</summary>
public sealed class CaseEngineTests(AppFixture app) : IntegrationTest(app)
{
    [Fact]
    public async Task A_new_case_starts_in_the_initial_state_with_both_clocks()
    {
        var id = await StartCaseAsync();
        var behandelaar = await App.ClientAsAsync("fondsbeheerder");

        var json = await behandelaar.GetFromJsonAsync<JsonElement>($"/api/cases/{id}", Cancellation);

        Assert.Equal("ontvangen", json.GetProperty("state").GetProperty("id").GetString());
        // Monday 5 January 2026 + 8 weeks = Monday 2 March; + 6 weeks = 16 February.
        Assert.Equal("2026-03-02", json.GetProperty("clocks").GetProperty("legalDeadline").GetString());
        Assert.Equal("2026-02-16", json.GetProperty("clocks").GetProperty("serviceDeadline").GetString());
        var trigger = json.GetProperty("triggers").EnumerateArray().Single(t => t.GetProperty("trigger").GetString() == "in-behandeling-nemen");
        Assert.True(trigger.GetProperty("allowed").GetBoolean());
        var withdraw = json.GetProperty("triggers").EnumerateArray().Single(t => t.GetProperty("trigger").GetString() == "intrekken");
        Assert.False(withdraw.GetProperty("allowed").GetBoolean());
        Assert.Contains("initiator", withdraw.GetProperty("reasons")[0].GetString());
    }

    [Fact]
    public async Task Firing_a_trigger_moves_the_case_and_writes_journal_and_audit()
    {
        var id = await StartCaseAsync();
        var behandelaar = await App.ClientAsAsync("fondsbeheerder");

        var response = await behandelaar.PostAsJsonAsync($"/api/cases/{id}/triggers/in-behandeling-nemen", new { }, Cancellation);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("in-behandeling", (await response.Content.ReadFromJsonAsync<JsonElement>(Cancellation)).GetProperty("state").GetProperty("id").GetString());
        var journal = await behandelaar.GetFromJsonAsync<JsonElement>($"/api/cases/{id}/journal", Cancellation);
        var fired = journal.EnumerateArray().Single(j => j.GetProperty("kind").GetString() == "TriggerFired");
        Assert.Equal(("fondsbeheerder", "ontvangen", "in-behandeling"), (fired.GetProperty("actor").GetString(), fired.GetProperty("fromState").GetString(), fired.GetProperty("toState").GetString()));
        var audit = await behandelaar.GetFromJsonAsync<JsonElement>($"/api/cases/{id}/audit", Cancellation);
        var change = audit.EnumerateArray().Last(a => a.GetProperty("entity").GetString() == "Case" && a.GetProperty("action").GetString() == "Modified");
        Assert.Equal("fondsbeheerder", change.GetProperty("actor").GetString());
        var state = JsonDocument.Parse(change.GetProperty("changes").GetString()!).RootElement.GetProperty("State");
        Assert.Equal(("ontvangen", "in-behandeling"), (state.GetProperty("old").GetString(), state.GetProperty("new").GetString()));
    }

    [Fact]
    public async Task A_role_that_may_not_fire_gets_403_naming_the_role_and_nothing_changes()
    {
        var id = await StartCaseAsync();
        var initiator = await App.ClientAsAsync("initiatiefnemer");

        var response = await initiator.PostAsJsonAsync($"/api/cases/{id}/triggers/in-behandeling-nemen", new { }, Cancellation);

        var problem = await response.AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Contains("behandelaar", problem.GetProperty("detail").GetString());
        Assert.Equal("ontvangen", await StateAsync(id));
    }

    [Fact]
    public async Task A_trigger_that_does_not_exist_in_the_state_is_409()
    {
        var id = await StartCaseAsync();
        var behandelaar = await App.ClientAsAsync("fondsbeheerder");

        var problem = await (await behandelaar.PostAsJsonAsync($"/api/cases/{id}/triggers/besluiten", new { }, Cancellation)).AssertProblemAsync(HttpStatusCode.Conflict);

        Assert.Contains("Ontvangen", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_missing_parameter_is_400_with_the_parameter_named()
    {
        var id = await StartCaseAsync();
        var behandelaar = await App.ClientAsAsync("fondsbeheerder");
        await FireAsync(behandelaar, id, "in-behandeling-nemen");

        var response = await behandelaar.PostAsJsonAsync($"/api/cases/{id}/triggers/besluiten", new { parameters = new { besluit = " " } }, Cancellation);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("parameters.besluit", out _));
        Assert.Equal("in-behandeling", await StateAsync(id));
    }

    [Fact]
    public async Task An_unmet_guard_is_409_with_the_guard_description()
    {
        var id = await StartCaseAsync();
        var behandelaar = await App.ClientAsAsync("fondsbeheerder");
        await FireAsync(behandelaar, id, "in-behandeling-nemen");
        Assert.Equal(HttpStatusCode.OK, (await behandelaar.PostAsJsonAsync($"/api/cases/{id}/suspend", new { reason = "Advies van de thematafel afwachten" }, Cancellation)).StatusCode);

        var response = await behandelaar.PostAsJsonAsync($"/api/cases/{id}/triggers/besluiten", new { parameters = new { besluit = "toekennen" } }, Cancellation);

        var problem = await response.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("niet opgeschort", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_stale_version_is_409_and_nothing_changes()
    {
        var id = await StartCaseAsync();
        var behandelaar = await App.ClientAsAsync("fondsbeheerder");
        var version = (await behandelaar.GetFromJsonAsync<JsonElement>($"/api/cases/{id}", Cancellation)).GetProperty("version").GetInt64();

        var response = await behandelaar.PostAsJsonAsync($"/api/cases/{id}/triggers/in-behandeling-nemen", new { version = version - 1 }, Cancellation);

        await response.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("ontvangen", await StateAsync(id));
    }

    [Fact]
    public async Task Twenty_simultaneous_requests_for_one_trigger_give_one_success_and_409s()
    {
        var id = await StartCaseAsync();
        var clients = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => App.ClientAsAsync("fondsbeheerder")));

        var responses = await Task.WhenAll(clients.Select(c => c.PostAsJsonAsync($"/api/cases/{id}/triggers/in-behandeling-nemen", new { }, Cancellation)));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.OK), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        Assert.Equal(1, await App.QueryAsync(db => db.CaseJournal.CountAsync(j => j.CaseId == id && j.Kind == JournalKind.TriggerFired)));
    }

    [Fact]
    public async Task Waiting_for_completion_holds_the_clocks_and_its_timers_are_cancelled_when_completed()
    {
        var id = await StartCaseAsync();
        var behandelaar = await App.ClientAsAsync("fondsbeheerder");
        await FireAsync(behandelaar, id, "in-behandeling-nemen");
        await FireAsync(behandelaar, id, "aanvulling-vragen", new { toelichting = "Begroting ontbreekt" });
        Assert.Equal(3, await App.QueryAsync(db => db.CaseDeadlines.CountAsync(d => d.CaseId == id && d.Status == DeadlineStatus.Planned)));

        App.Clock.Advance(TimeSpan.FromDays(12)); // Saturday 17 January
        var after = await FireAsync(behandelaar, id, "aanvullen");

        Assert.Equal(3, await App.QueryAsync(db => db.CaseDeadlines.CountAsync(d => d.CaseId == id && d.Status == DeadlineStatus.Cancelled)));
        var clocks = after.GetProperty("clocks");
        Assert.Equal(12, clocks.GetProperty("suspendedDays").GetInt32());
        // 2 March + 12 days = Saturday 14 March → Monday 16 March (Algemene termijnenwet).
        Assert.Equal("2026-03-16", clocks.GetProperty("legalDeadline").GetString());
        Assert.Equal("2026-02-28", clocks.GetProperty("serviceDeadline").GetString());
    }

    [Fact]
    public async Task A_due_timeout_fires_once_through_the_job_as_the_system()
    {
        var id = await StartCaseAsync();
        var behandelaar = await App.ClientAsAsync("fondsbeheerder");
        await FireAsync(behandelaar, id, "in-behandeling-nemen");
        await FireAsync(behandelaar, id, "aanvulling-vragen", new { toelichting = "Begroting ontbreekt" });
        var timeout = await App.QueryAsync(db => db.CaseDeadlines.SingleAsync(d => d.CaseId == id && d.TimerId == "hersteltermijn"));

        await RunJobAsync(timeout.Id); // not yet due on the test clock: nothing happens
        Assert.Equal("wacht-op-aanvulling", await StateAsync(id));
        App.Clock.Advance(TimeSpan.FromSeconds(5));
        await RunJobAsync(timeout.Id);
        await RunJobAsync(timeout.Id); // a duplicate job finds the row fired

        Assert.Equal("buiten-behandeling", await StateAsync(id));
        var journal = await App.QueryAsync(db => db.CaseJournal.Where(j => j.CaseId == id).ToListAsync());
        Assert.Single(journal, j => j.Kind == JournalKind.DeadlineFired);
        Assert.Equal("systeem", journal.Single(j => j.Kind == JournalKind.TriggerFired && j.Trigger == "hersteltermijn-verlopen").Actor);
        Assert.Equal(DeadlineStatus.Fired, (await App.QueryAsync(db => db.CaseDeadlines.SingleAsync(d => d.Id == timeout.Id))).Status);
    }

    [Fact]
    public async Task Opschorting_pauses_timers_and_shifts_the_clocks_on_resume()
    {
        var id = await StartCaseAsync();
        var behandelaar = await App.ClientAsAsync("fondsbeheerder");
        await FireAsync(behandelaar, id, "in-behandeling-nemen");
        await FireAsync(behandelaar, id, "aanvulling-vragen", new { toelichting = "Begroting ontbreekt" });
        await FireAsync(behandelaar, id, "aanvullen");
        var suspended = await PostOkAsync(behandelaar, $"/api/cases/{id}/suspend", new { reason = "Zienswijze van een derde gevraagd" });
        Assert.True(suspended.GetProperty("clocks").GetProperty("suspended").GetBoolean());

        App.Clock.Advance(TimeSpan.FromDays(20));
        var resumed = await PostOkAsync(behandelaar, $"/api/cases/{id}/resume", new { });

        Assert.False(resumed.GetProperty("clocks").GetProperty("suspended").GetBoolean());
        Assert.Equal(20, resumed.GetProperty("clocks").GetProperty("suspendedDays").GetInt32());
        // 2 March + 20 days = Sunday 22 March → Monday 23 March.
        Assert.Equal("2026-03-23", resumed.GetProperty("clocks").GetProperty("legalDeadline").GetString());
        var again = await behandelaar.PostAsJsonAsync($"/api/cases/{id}/resume", new { }, Cancellation);
        await again.AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Verlenging_moves_the_legal_term_once_and_within_the_allowed_term()
    {
        var id = await StartCaseAsync();
        var behandelaar = await App.ClientAsAsync("fondsbeheerder");

        var tooLong = await behandelaar.PostAsJsonAsync($"/api/cases/{id}/extend", new { duration = "P9W", reason = "Complexe aanvraag" }, Cancellation);
        var noReason = await behandelaar.PostAsJsonAsync($"/api/cases/{id}/extend", new { duration = "P4W" }, Cancellation);
        var extended = await PostOkAsync(behandelaar, $"/api/cases/{id}/extend", new { duration = "P4W", reason = "Advies van de thematafel nodig" });
        var twice = await behandelaar.PostAsJsonAsync($"/api/cases/{id}/extend", new { duration = "P1W", reason = "Nog eens" }, Cancellation);

        await tooLong.AssertProblemAsync(HttpStatusCode.BadRequest);
        await noReason.AssertProblemAsync(HttpStatusCode.BadRequest);
        // 2 March + 4 weeks = Monday 30 March; the service term does not move.
        Assert.Equal("2026-03-30", extended.GetProperty("clocks").GetProperty("legalDeadline").GetString());
        Assert.Equal("2026-02-16", extended.GetProperty("clocks").GetProperty("serviceDeadline").GetString());
        await twice.AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task The_reconciler_schedules_again_a_due_deadline_whose_job_is_missing()
    {
        var id = await StartCaseAsync();
        var behandelaar = await App.ClientAsAsync("fondsbeheerder");
        await FireAsync(behandelaar, id, "in-behandeling-nemen");
        await FireAsync(behandelaar, id, "aanvulling-vragen", new { toelichting = "Begroting ontbreekt" });
        var jobIds = await App.QueryAsync(db => db.CaseDeadlines.Where(d => d.CaseId == id).Select(d => d.JobId).ToListAsync());
        Assert.All(jobIds, Assert.NotNull);
        foreach (var jobId in jobIds)
        {
            App.Factory.Services.GetRequiredService<IBackgroundJobClient>().Delete(jobId!);
        }

        await using var scope = App.Factory.Services.CreateAsyncScope();
        var rescheduled = await ActivatorUtilities.CreateInstance<ReconcileDeadlinesJob>(scope.ServiceProvider).RunAsync(Cancellation);

        Assert.Equal(3, rescheduled);
        var after = await App.QueryAsync(db => db.CaseDeadlines.Where(d => d.CaseId == id).Select(d => d.JobId).ToListAsync());
        Assert.Empty(after.Intersect(jobIds));
    }

    [Fact]
    public async Task Journal_and_audit_cannot_be_changed_through_the_api()
    {
        var id = await StartCaseAsync();
        var admin = await App.ClientAsAsync("beheerder");

        var responses = new[]
        {
            await admin.DeleteAsync($"/api/cases/{id}/journal", Cancellation),
            await admin.PutAsJsonAsync($"/api/cases/{id}/audit", new { }, Cancellation),
            await admin.PostAsJsonAsync($"/api/cases/{id}/journal", new { }, Cancellation),
        };

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.MethodNotAllowed, r.StatusCode));
    }

    [Fact]
    public async Task A_user_without_a_role_on_the_case_cannot_see_it()
    {
        var id = await StartCaseAsync();
        var other = await App.ClientAsAsync("aanvrager");

        await (await other.GetAsync($"/api/cases/{id}", Cancellation)).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await other.GetAsync($"/api/cases/{Guid.NewGuid()}", Cancellation)).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    private async Task<Guid> StartCaseAsync(string initiator = "initiatiefnemer")
    {
        await using var scope = App.Factory.Services.CreateAsyncScope();
        var @case = await scope.ServiceProvider.GetRequiredService<CaseService>().StartAsync("test-zaak", "test", Guid.NewGuid().ToString(), initiator, Cancellation);
        return @case.Id;
    }

    private async Task RunJobAsync(Guid deadlineId)
    {
        await using var scope = App.Factory.Services.CreateAsyncScope();
        try
        {
            await ActivatorUtilities.CreateInstance<FireDeadlineJob>(scope.ServiceProvider).RunAsync(deadlineId, null, Cancellation);
        }
        catch (RegioFlow.Common.ConflictException)
        {
            // Hangfire would retry; the retry finds the row fired.
        }
    }

    private Task<string> StateAsync(Guid id) => App.QueryAsync(db => db.Cases.Where(c => c.Id == id).Select(c => c.State).SingleAsync());

    private async Task<JsonElement> FireAsync(HttpClient client, Guid id, string trigger, object? parameters = null) =>
        await PostOkAsync(client, $"/api/cases/{id}/triggers/{trigger}", new { parameters });

    private async Task<JsonElement> PostOkAsync(HttpClient client, string url, object body)
    {
        var response = await client.PostAsJsonAsync(url, body, Cancellation);
        var text = await response.Content.ReadAsStringAsync(Cancellation);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement;
    }
}

/// <summary>Reminders reach people: the outbox delivers an in-app notification and an e-mail over real SMTP.</summary>
public sealed class ReminderDeliveryTests(AppFixture app) : IntegrationTest(app)
{
    [Fact]
    public async Task A_due_reminder_lands_in_the_initiators_inbox_and_mailbox_exactly_once()
    {
        Guid caseId;
        await using (var scope = App.Factory.Services.CreateAsyncScope())
        {
            var engine = scope.ServiceProvider.GetRequiredService<CaseService>();
            var @case = await engine.StartAsync("test-zaak", "test", "aanvraag-1", "initiatiefnemer", Cancellation);
            var behandelaar = new CaseActor("fondsbeheerder", new HashSet<string> { CaseRoles.Behandelaar });
            await engine.FireAsync(@case.Id, "in-behandeling-nemen", new Dictionary<string, string>(), behandelaar, null, Cancellation);
            await engine.FireAsync(@case.Id, "aanvulling-vragen", new Dictionary<string, string> { ["toelichting"] = "Begroting ontbreekt" }, behandelaar, null, Cancellation);
            caseId = @case.Id;
        }

        var reminder = await App.QueryAsync(db => db.CaseDeadlines.SingleAsync(d => d.CaseId == caseId && d.TimerId == "herinnering"));
        App.Clock.Advance(TimeSpan.FromSeconds(2));
        await RunAsync<FireDeadlineJob>(job => job.RunAsync(reminder.Id, null, Cancellation));
        await RunAsync<DeliverNotificationsJob>(job => job.RunAsync(Cancellation));
        await RunAsync<DeliverNotificationsJob>(job => job.RunAsync(Cancellation)); // a second run delivers nothing again

        var mail = Assert.Single(App.Smtp.Messages);
        Assert.Equal("initiatiefnemer@demo.regioflow.invalid", mail.To);
        Assert.Contains("Herinnering: vul uw aanvraag aan", mail.Data);
        var inbox = await (await App.ClientAsAsync("initiatiefnemer")).GetFromJsonAsync<JsonElement>("/api/me/notifications", Cancellation);
        var notification = Assert.Single(inbox.EnumerateArray());
        Assert.Equal(caseId.ToString(), notification.GetProperty("caseId").GetString());
        Assert.Empty((await (await App.ClientAsAsync("beheerder")).GetFromJsonAsync<JsonElement>("/api/me/notifications", Cancellation)).EnumerateArray());
    }

    private async Task RunAsync<TJob>(Func<TJob, Task> run)
        where TJob : class
    {
        await using var scope = App.Factory.Services.CreateAsyncScope();
        await run(ActivatorUtilities.CreateInstance<TJob>(scope.ServiceProvider));
    }
}

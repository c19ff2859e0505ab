using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hangfire;
using Hangfire.Common;
using Hangfire.Server;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RegioFlow.Common;
using RegioFlow.Domain;
using RegioFlow.IntegrationTests.Infrastructure;
using RegioFlow.Jobs;
using RegioFlow.Workflows;

namespace RegioFlow.IntegrationTests.Workflows;

/// <summary>A deadline job that still fails on its last retry becomes an incident that an administrator can retry.</summary>
public sealed class IncidentTests(AppFixture app) : IntegrationTest(app)
{
    [Fact]
    public async Task A_failure_on_the_last_retry_becomes_an_incident_an_admin_can_retry_once()
    {
        var (caseId, deadline) = await BlockedDeadlineAsync();

        await Assert.ThrowsAsync<ConflictException>(() => RunJobAsync(deadline, retryCount: FireDeadlineJob.Retries));

        var admin = await App.ClientAsAsync("beheerder");
        var incidents = await admin.GetFromJsonAsync<JsonElement>("/api/incidents", Cancellation);
        var incident = Assert.Single(incidents.EnumerateArray());
        Assert.Equal(caseId.ToString(), incident.GetProperty("caseId").GetString());
        Assert.Contains("beslistermijn", incident.GetProperty("error").GetString());
        Assert.Single(await App.QueryAsync(db => db.CaseJournal.Where(j => j.CaseId == caseId && j.Kind == JournalKind.Incident).ToListAsync()));

        var retried = await admin.PostAsync($"/api/incidents/{incident.GetProperty("id").GetString()}/retry", null, Cancellation);
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        Assert.Equal("beheerder", (await retried.Content.ReadFromJsonAsync<JsonElement>(Cancellation)).GetProperty("retriedBy").GetString());
        Assert.NotEqual(deadline.JobId, (await App.QueryAsync(db => db.CaseDeadlines.SingleAsync(d => d.Id == deadline.Id))).JobId);
        await (await admin.PostAsync($"/api/incidents/{incident.GetProperty("id").GetString()}/retry", null, Cancellation)).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Empty((await admin.GetFromJsonAsync<JsonElement>("/api/incidents", Cancellation)).EnumerateArray());
    }

    [Fact]
    public async Task A_failure_with_retries_left_is_not_an_incident_yet()
    {
        var (_, deadline) = await BlockedDeadlineAsync();

        await Assert.ThrowsAsync<ConflictException>(() => RunJobAsync(deadline, retryCount: 2));

        Assert.Equal(0, await App.QueryAsync(db => db.Incidents.CountAsync()));
    }

    [Fact]
    public async Task Only_an_admin_sees_incidents()
    {
        var response = await (await App.ClientAsAsync("fondsbeheerder")).GetAsync("/api/incidents", Cancellation);

        await response.AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    /// <summary>A case of test-incident whose timeout (after two weeks) is due on the test clock but blocked by its guard.</summary>
    private async Task<(Guid CaseId, CaseDeadline Deadline)> BlockedDeadlineAsync()
    {
        Guid caseId;
        await using (var scope = App.Factory.Services.CreateAsyncScope())
        {
            caseId = (await scope.ServiceProvider.GetRequiredService<CaseService>().StartAsync("test-incident", "test", "1", "initiatiefnemer", Cancellation)).Id;
        }

        App.Clock.Advance(TimeSpan.FromDays(15));
        return (caseId, await App.QueryAsync(db => db.CaseDeadlines.SingleAsync(d => d.CaseId == caseId)));
    }

    /// <summary>Runs the job as Hangfire would, with a real PerformContext whose RetryCount says how many retries were used.</summary>
    private async Task RunJobAsync(CaseDeadline deadline, int retryCount)
    {
        var storage = App.Factory.Services.GetRequiredService<JobStorage>();
        using var connection = storage.GetConnection();
        connection.SetJobParameter(deadline.JobId!, "RetryCount", SerializationHelper.Serialize(retryCount));
        var data = connection.GetJobData(deadline.JobId!)!;
        var context = new PerformContext(storage, connection, new BackgroundJob(deadline.JobId!, data.Job, data.CreatedAt), new JobCancellationToken(false));
        await using var scope = App.Factory.Services.CreateAsyncScope();
        await ActivatorUtilities.CreateInstance<FireDeadlineJob>(scope.ServiceProvider).RunAsync(deadline.Id, context, Cancellation);
    }
}

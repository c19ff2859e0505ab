using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RegioFlow.Domain;
using RegioFlow.IntegrationTests.Infrastructure;
using RegioFlow.Jobs;
using RegioFlow.Workflows;

namespace RegioFlow.IntegrationTests.Applications;

/// <summary>Steps of the execution half of a subsidy case (after the grant), shared by its tests.</summary>
public abstract class ExecutionTest(AppFixture app) : SubsidyTest(app)
{
    /// <summary>Granted by the Board, then the bezwaartermijn runs out on the test clock: the case is in uitvoering.</summary>
    protected async Task<Guid> InExecutionAsync(decimal requested, decimal granted)
    {
        var board = await App.ClientAsAsync("beslisser");
        var id = await ReadyForDecisionAsync(requested);
        await SendAsync(board, $"/api/applications/{id}/decision", new { decision = "toekennen", amount = granted });
        await PassBezwaartermijnAsync(id);
        return id;
    }

    /// <summary>In uitvoering, and the final report sent: the case waits for the settlement.</summary>
    protected async Task<Guid> AwaitingSettlementAsync(decimal requested, decimal granted)
    {
        var id = await InExecutionAsync(requested, granted);
        await SendAsync(await App.ClientAsAsync("initiatiefnemer"), $"/api/applications/{id}/reports", FinalReport(granted));
        return id;
    }

    protected async Task PassBezwaartermijnAsync(Guid applicationId)
    {
        var caseId = await CaseIdAsync(applicationId);
        var deadline = await App.QueryAsync(db => db.CaseDeadlines.SingleAsync(d => d.CaseId == caseId && d.TimerId == "bezwaartermijn", Cancellation));
        App.Clock.Set(deadline.DueAt.AddMinutes(1));
        await RunDeadlineAsync(deadline.Id);
    }

    /// <summary>The shared draft, for tests that run an app of their own (e.g. on Kestrel).</summary>
    internal static object DraftFor(Guid schemeId, decimal amount) => Draft(schemeId, amount);

    protected static object FinalReport(decimal spent) => new
    {
        kind = "eindverantwoording",
        summary = "Project afgerond: 58 zij-instromers in dienst.",
        spentToDate = spent,
        kpiActuals = new[] { new { indicator = "zij-instromers in dienst", actual = 58m } },
    };

    protected Task<Guid> CaseIdAsync(Guid applicationId) =>
        App.QueryAsync(db => db.FundingApplications.Where(a => a.Id == applicationId).Select(a => a.CaseId).SingleAsync(Cancellation));

    protected Task<string> StateAsync(Guid applicationId) =>
        App.QueryAsync(db => db.Cases.Where(c => c.SubjectId == applicationId.ToString()).Select(c => c.State).SingleAsync(Cancellation));

    protected async Task<List<JsonElement>> PaymentsAsync(Guid applicationId) =>
        [.. (await (await App.ClientAsAsync("fondsbeheerder")).GetFromJsonAsync<JsonElement>($"/api/applications/{applicationId}/payments", Cancellation)).EnumerateArray()];

    /// <summary>The fund administrator approves a payment and records it paid today.</summary>
    protected async Task<JsonElement> ApproveAndPayAsync(Guid applicationId, Guid paymentId, string reference)
    {
        var fund = await App.ClientAsAsync("fondsbeheerder");
        var url = $"/api/applications/{applicationId}/payments/{paymentId}";
        await SendAsync(fund, $"{url}/approve", new { });
        return await SendAsync(fund, $"{url}/paid", new { paidOn = DutchCalendar.LocalDate(App.Clock.GetUtcNow()).ToString("yyyy-MM-dd"), reference });
    }

    protected async Task RunDeadlineAsync(Guid deadlineId)
    {
        await using var scope = App.Factory.Services.CreateAsyncScope();
        await ActivatorUtilities.CreateInstance<FireDeadlineJob>(scope.ServiceProvider).RunAsync(deadlineId, null, Cancellation);
    }

    protected async Task DeliverNotificationsAsync()
    {
        await using var scope = App.Factory.Services.CreateAsyncScope();
        await ActivatorUtilities.CreateInstance<DeliverNotificationsJob>(scope.ServiceProvider).RunAsync(Cancellation);
    }

    /// <summary>A person who signs in but is not among the seeded demo users, e.g. a second initiative lead.</summary>
    protected async Task AddUserAsync(string login, Role role, string organisation)
    {
        await App.QueryAsync(async db =>
        {
            var user = new UserAccount(login, $"Test {login}", $"{login}@test.regioflow.invalid", [role], isDemo: false, App.Clock.GetUtcNow());
            user.JoinOrganisation(await db.Organisations.SingleAsync(o => o.Name == organisation, Cancellation), "Testgebruiker");
            db.Users.Add(user);
            return await db.SaveChangesAsync(Cancellation);
        });
    }
}

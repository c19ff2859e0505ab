using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using RegioFlow.Data;
using RegioFlow.Domain;
using RegioFlow.IntegrationTests.Infrastructure;
using RegioFlow.Workflows;

namespace RegioFlow.IntegrationTests.Workflows;

/// <summary>
/// Timers on real Hangfire and the real clock (the test definition's timers are seconds): a deadline that falls due while
/// the app is down fires exactly once after a restart, and two instances on one PostgreSQL database fire 500 due
/// deadlines exactly once each.
/// </summary>
public sealed class DeadlineDurabilityTests
{
    private static readonly Dictionary<string, string?> WithServer = new() { ["Jobs:RunServer"] = "true", ["Jobs:PollIntervalSeconds"] = "1", ["Jobs:WorkerCount"] = "4" };

    [Fact]
    public async Task A_deadline_that_falls_due_while_the_app_is_down_fires_exactly_once_after_a_restart()
    {
        await using var database = await TestDatabase.CreateAsync();
        Guid caseId;
        await using (var before = new RegioFlowAppFactory(database))
        {
            caseId = await StartWaitingCaseAsync(before.Services);
        }

        await Task.Delay(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken); // all three timers fall due while down

        await using var after = new RegioFlowAppFactory(database, WithServer);
        _ = after.Server;
        await WaitUntilAsync(after.Services, async db => await db.Cases.AnyAsync(c => c.Id == caseId && c.State == "buiten-behandeling")
            && !await db.CaseDeadlines.AnyAsync(d => d.CaseId == caseId && d.Status == DeadlineStatus.Planned));
        await Task.Delay(TimeSpan.FromSeconds(3), TestContext.Current.CancellationToken); // room for a duplicate to show

        await using var scope = after.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RegioFlowDbContext>();
        var journal = await db.CaseJournal.Where(j => j.CaseId == caseId).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Single(journal, j => j.Kind == JournalKind.DeadlineFired);
        Assert.Single(journal, j => j.Kind == JournalKind.TriggerFired && j.Trigger == "hersteltermijn-verlopen");
        await AssertEachDeadlineEndedOnceAsync(db, journal);
    }

    [Fact]
    public async Task Two_instances_on_one_postgres_database_fire_500_due_deadlines_exactly_once_each()
    {
        var server = TestEnvironment.RequirePostgresConnection();
        await using var database = await TestDatabase.CreatePostgresAsync(server);
        const int cases = 500;
        await using (var setup = new RegioFlowAppFactory(database))
        {
            _ = setup.Server; // start (and migrate) once, before the parallel work touches the services
            await Parallel.ForAsync(0, cases, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (_, ct) => await StartWaitingCaseAsync(setup.Services));
        }

        // Lose every job id: both instances' reconcilers schedule again, next to the jobs already in Hangfire's storage.
        await using (var connection = new NpgsqlConnection(database.ConnectionString))
        {
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            await using var forget = new NpgsqlCommand("UPDATE case_deadlines SET \"JobId\" = NULL", connection);
            await forget.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        await Task.Delay(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
        await using var first = new RegioFlowAppFactory(database, WithServer);
        await using var second = new RegioFlowAppFactory(database, WithServer);
        _ = first.Server;
        _ = second.Server;
        await WaitUntilAsync(first.Services, async db => await db.Cases.CountAsync(c => c.State == "buiten-behandeling") == cases, TimeSpan.FromMinutes(4));
        await Task.Delay(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);

        await using var scope = first.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RegioFlowDbContext>();
        var fired = await db.CaseJournal.Where(j => j.Kind == JournalKind.DeadlineFired).GroupBy(j => j.CaseId).Select(g => g.Count()).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(cases, fired.Count);
        Assert.All(fired, count => Assert.Equal(1, count));
        await AssertEachDeadlineEndedOnceAsync(db, await db.CaseJournal.ToListAsync(TestContext.Current.CancellationToken));
    }

    /// <summary>
    /// Every deadline ended exactly one way: fired once, or cancelled because the timeout moved the case on first (all
    /// three timers are overdue at once after a restart, so their order is free). Never both, never twice.
    /// </summary>
    private static async Task AssertEachDeadlineEndedOnceAsync(RegioFlowDbContext db, List<CaseJournalEntry> journal)
    {
        var deadlines = await db.CaseDeadlines.ToListAsync(TestContext.Current.CancellationToken);
        Assert.All(deadlines, d => Assert.True(d.Status is DeadlineStatus.Fired or DeadlineStatus.Cancelled, $"{d.TimerId} is {d.Status}"));
        var sent = journal.Where(j => j.Kind == JournalKind.ReminderSent).GroupBy(j => j.CaseId).ToDictionary(g => g.Key, g => g.Count());
        var firedReminders = deadlines.Where(d => d.Kind != DeadlineKind.Timeout && d.Status == DeadlineStatus.Fired).GroupBy(d => d.CaseId).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(firedReminders.OrderBy(p => p.Key), sent.OrderBy(p => p.Key));
        Assert.All(deadlines.Where(d => d.Kind == DeadlineKind.Timeout), d => Assert.Equal(DeadlineStatus.Fired, d.Status));
    }

    /// <summary>A case of test-zaak waiting for completion: three timers (2 s, 3 s, 4 s) start now.</summary>
    private static async Task<Guid> StartWaitingCaseAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var engine = scope.ServiceProvider.GetRequiredService<CaseService>();
        var @case = await engine.StartAsync("test-zaak", "test", Guid.NewGuid().ToString(), "initiatiefnemer", CancellationToken.None);
        var behandelaar = new CaseActor("fondsbeheerder", new HashSet<string> { CaseRoles.Behandelaar });
        await engine.FireAsync(@case.Id, "in-behandeling-nemen", new Dictionary<string, string>(), behandelaar, null, CancellationToken.None);
        await engine.FireAsync(@case.Id, "aanvulling-vragen", new Dictionary<string, string> { ["toelichting"] = "Begroting ontbreekt" }, behandelaar, null, CancellationToken.None);
        return @case.Id;
    }

    private static async Task WaitUntilAsync(IServiceProvider services, Func<RegioFlowDbContext, Task<bool>> condition, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(60));
        while (DateTime.UtcNow < deadline)
        {
            await using var scope = services.CreateAsyncScope();
            if (await condition(scope.ServiceProvider.GetRequiredService<RegioFlowDbContext>()))
            {
                return;
            }

            await Task.Delay(500);
        }

        Assert.Fail("The deadlines did not fire in time.");
    }
}

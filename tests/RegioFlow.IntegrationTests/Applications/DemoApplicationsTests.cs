using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RegioFlow.Data;
using RegioFlow.Domain;
using RegioFlow.IntegrationTests.Infrastructure;

namespace RegioFlow.IntegrationTests.Applications;

/// <summary>Seed:DemoApplications on a fresh database: one application per main stage, moved there by the engine.</summary>
public sealed class DemoApplicationsTests
{
    [Fact]
    public async Task The_demo_applications_stand_in_each_main_stage_with_the_traces_of_the_real_steps_and_are_seeded_once()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync();
        await using var factory = new RegioFlowAppFactory(database, new Dictionary<string, string?> { ["Seed:DemoApplications"] = "true" });
        _ = factory.Server;

        async Task<T> QueryAsync<T>(Func<RegioFlowDbContext, Task<T>> query)
        {
            await using var scope = factory.Services.CreateAsyncScope();
            return await query(scope.ServiceProvider.GetRequiredService<RegioFlowDbContext>());
        }

        var states = await QueryAsync(db => db.FundingApplications
            .Join(db.Cases, a => a.CaseId, c => c.Id, (a, c) => c.State).ToListAsync(cancellation));
        Assert.Equal(["beschikt", "besluitvorming", "concept", "ingediend", "toetsing"], states.Order(StringComparer.Ordinal));

        var graafschap = await QueryAsync(db => db.FundingApplications.CountAsync(a => db.Organisations.Any(o => o.Id == a.OrganisationId && o.Name == "Graafschap College"), cancellation));
        Assert.Equal(3, graafschap);
        var granted = await QueryAsync(db => db.FundingApplications.AsNoTracking().SingleAsync(a => a.GrantedAmount != null, cancellation));
        var advance = await QueryAsync(db => db.Payments.AsNoTracking().SingleAsync(cancellation));
        var scheme = await QueryAsync(db => db.Schemes.AsNoTracking().SingleAsync(s => s.Name == RegioFlow.Data.DemoDataSeeder.RegioDealName, cancellation));
        Assert.Equal((PaymentKind.Voorschot, 40_000m, PaymentStatus.Gepland, granted.Id), (advance.Kind, advance.Amount, advance.Status, advance.ApplicationId));
        Assert.Equal(granted.GrantedAmount, scheme.Committed);
        Assert.Equal(2, await QueryAsync(db => db.FundingApplications.CountAsync(a => a.Advice == "positief", cancellation)));
        var fired = await QueryAsync(db => db.CaseJournal.Where(j => j.Kind == JournalKind.TriggerFired).Select(j => j.Trigger!).ToListAsync(cancellation));
        Assert.Equal(4, fired.Count(t => t == "indienen"));
        Assert.Contains("toekennen", fired);

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitialiseAsync(cancellation);
        }

        Assert.Equal(5, await QueryAsync(db => db.FundingApplications.CountAsync(cancellation)));
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RegioFlow.Data;
using RegioFlow.Domain;
using RegioFlow.IntegrationTests.Infrastructure;

namespace RegioFlow.IntegrationTests.Initiatives;

/// <summary>Seed:DemoInventory on a fresh database: the Zuid-Holland inventory is in the register once, through the import.</summary>
public sealed class DemoInventoryTests
{
    [Fact]
    public async Task The_demo_register_holds_the_236_inventory_initiatives_once_even_after_another_start()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync();
        await using var factory = new RegioFlowAppFactory(database, new Dictionary<string, string?> { ["Seed:DemoInventory"] = "true" });
        _ = factory.Server;

        async Task<T> QueryAsync<T>(Func<RegioFlowDbContext, Task<T>> query)
        {
            await using var scope = factory.Services.CreateAsyncScope();
            return await query(scope.ServiceProvider.GetRequiredService<RegioFlowDbContext>());
        }

        const string source = "Inventarisatie Zuid-Holland 2022";
        Assert.Equal(236, await QueryAsync(db => db.Initiatives.CountAsync(i => i.Source == source && i.RegisteredAt != null && i.Status == InitiativeStatus.Lopend && i.SectorKeys == "|techniek|", cancellation)));
        var rijnmondBouw = await QueryAsync(db => db.Initiatives.AsNoTracking().SingleAsync(i => i.Source == source && i.SourceKey == "74", cancellation));
        Assert.Equal(("Rijnmond Bouw", "Bedrijfstakschool Bouwtechnische opleidingen", InitiativeType.ZijInstroom), (rijnmondBouw.Title, rijnmondBouw.Activity, rijnmondBouw.Type));

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitialiseAsync(cancellation);
        }

        Assert.Equal(236, await QueryAsync(db => db.Initiatives.CountAsync(cancellation)));
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace RegioFlow.Data;

/// <summary>Runs at startup: migrate (when configured), then make sure reference and demo data are present.</summary>
internal sealed class DatabaseInitializer(
    RegioFlowDbContext db,
    IOptions<DatabaseOptions> databaseOptions,
    IOptions<SeedOptions> seedOptions,
    IServiceProvider services,
    TimeProvider clock,
    ILogger<DatabaseInitializer> logger)
{
    public async Task InitialiseAsync(CancellationToken cancellationToken)
    {
        var options = databaseOptions.Value;
        if (options.Provider == DatabaseProvider.Sqlite)
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(options.SqlitePath));
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
            }
        }

        if (options.MigrateOnStartup)
        {
            await db.Database.MigrateAsync(cancellationToken);
            if (options.Provider == DatabaseProvider.Sqlite)
            {
                // WAL lets readers continue while one writer commits; it is a property of the file, set once.
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            }
        }

        var pending = await db.Database.GetPendingMigrationsAsync(cancellationToken);
        if (pending.Any())
        {
            logger.LogWarning("De database heeft nog {Count} openstaande migraties; referentiegegevens worden niet geladen.", pending.Count());
            return;
        }

        await ReferenceDataSeeder.SeedAsync(db, cancellationToken);
        await ChecklistSeeder.SeedAsync(db, clock, cancellationToken);
        await BackfillSearchKeysAsync(cancellationToken);
        if (seedOptions.Value.DemoData)
        {
            await DemoDataSeeder.SeedAsync(db, clock, cancellationToken);
            if (seedOptions.Value.DemoInventory)
            {
                await DemoInventorySeeder.SeedAsync(db, clock, cancellationToken);
            }

            if (seedOptions.Value.DemoApplications)
            {
                // Resolved only here: it brings the workflow engine, which plain reference seeding does not need.
                await services.GetRequiredService<DemoApplicationSeeder>().SeedAsync(cancellationToken);
            }
        }
    }

    /// <summary>Initiatives stored before the register had search keys get them once (the migration cannot parse the JSON lists on both databases).</summary>
    private async Task BackfillSearchKeysAsync(CancellationToken cancellationToken)
    {
        var stale = await db.Initiatives.Where(i => i.SearchText == "" && i.Title != "").Take(10_000).ToListAsync(cancellationToken);
        if (stale.Count == 0)
        {
            return;
        }

        stale.ForEach(i => i.RefreshSearchKeys());
        await db.SaveChangesAsync(cancellationToken);
    }
}

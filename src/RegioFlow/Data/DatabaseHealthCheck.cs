using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace RegioFlow.Data;

/// <summary>Ready means: the database answers and every migration of this build has been applied.</summary>
internal sealed class DatabaseHealthCheck(RegioFlowDbContext db, IOptions<DatabaseOptions> options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object> { ["provider"] = options.Value.Provider.ToString() };
        try
        {
            if (!await db.Database.CanConnectAsync(cancellationToken))
            {
                return HealthCheckResult.Unhealthy("De database is niet bereikbaar.", data: data);
            }

            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            data["pendingMigrations"] = pending.Count;
            return pending.Count == 0
                ? HealthCheckResult.Healthy("De database is bereikbaar en bijgewerkt.", data)
                : HealthCheckResult.Unhealthy($"{pending.Count} migratie(s) zijn nog niet toegepast.", data: data);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("De database is niet bereikbaar.", exception, data);
        }
    }
}

using Hangfire;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using RegioFlow.Auth;
using RegioFlow.Data;

namespace RegioFlow.Jobs;

public sealed class JobsOptions
{
    public const string SectionName = "Jobs";

    /// <summary>Run a Hangfire server in this process. Switch off for a web-only instance (or in tests).</summary>
    public bool RunServer { get; set; } = true;

    public int WorkerCount { get; set; } = 2;

    /// <summary>How often servers look for due scheduled jobs and (PostgreSQL) new queued jobs; Hangfire's default is 15 s,
    /// too coarse for deadlines of seconds.</summary>
    public int PollIntervalSeconds { get; set; } = 2;
}

public static class JobsSetup
{
    public const string DashboardPath = "/jobs";

    /// <summary>
    /// In-memory storage with SQLite (no SQLite storage exists in the registry; deadline rows in the database are the
    /// truth, so nothing is lost on restart), Hangfire.PostgreSql with PostgreSQL (durable, shared by instances).
    /// </summary>
    public static IServiceCollection AddRegioFlowJobs(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<JobsOptions>().BindConfiguration(JobsOptions.SectionName);
        services.AddOptions<MailOptions>().BindConfiguration(MailOptions.SectionName);
        services.AddSingleton<MailSender>();
        var database = configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var jobs = configuration.GetSection(JobsOptions.SectionName).Get<JobsOptions>() ?? new JobsOptions();

        // Each app instance owns its storage through DI instead of Hangfire's process-wide JobStorage.Current, so
        // several instances in one process (tests, the two-instance deadline test) never share or dispose another's.
        services.AddSingleton<JobStorage>(_ =>
        {
            if (database.Provider != DatabaseProvider.Postgres)
            {
                return new InMemoryStorage();
            }

            var options = new PostgreSqlStorageOptions
            {
                SchemaName = "hangfire",
                PrepareSchemaIfNecessary = true,
                QueuePollInterval = TimeSpan.FromSeconds(Math.Max(1, jobs.PollIntervalSeconds)),
            };
            var connectionString = configuration.GetConnectionString(DatabaseSetup.ConnectionStringName);
            return new PostgreSqlStorage(new NpgsqlConnectionFactory(connectionString, options), options);
        });
        services.AddPerInstanceJobActivator();
        services.AddHangfire((provider, config) => config
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseLogProvider(new DisposalTolerantLogProvider(provider.GetRequiredService<ILoggerFactory>()))
            .UseStorage(provider.GetRequiredService<JobStorage>()));

        if (jobs.RunServer)
        {
            services.AddHangfireServer(o =>
            {
                o.WorkerCount = Math.Max(1, jobs.WorkerCount);
                o.SchedulePollingInterval = TimeSpan.FromSeconds(Math.Max(1, jobs.PollIntervalSeconds));
            });
        }

        return services;
    }

    /// <summary>The Hangfire dashboard for administrators only; the standard authorization pipeline decides.</summary>
    public static IEndpointRouteBuilder MapJobsDashboard(this IEndpointRouteBuilder app)
    {
        app.MapHangfireDashboardWithAuthorizationPolicy(Policies.Admin, DashboardPath, new DashboardOptions
        {
            Authorization = [],
            AsyncAuthorization = [],
            DashboardTitle = "RegioFlow – achtergrondtaken",
            AppPath = "/",
        });
        return app;
    }
}

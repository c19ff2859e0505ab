using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using RegioFlow.Features.Initiatives;

namespace RegioFlow.Data;

public static class DatabaseSetup
{
    public const string ConnectionStringName = "RegioFlow";

    public static IServiceCollection AddRegioFlowDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.SectionName);
        services.AddOptions<SeedOptions>().BindConfiguration(SeedOptions.SectionName);
        services.AddScoped<DatabaseInitializer>();
        services.AddScoped<DemoApplicationSeeder>();
        services.AddScoped<AuditActor>();
        services.AddScoped<AuditInterceptor>();

        // The similar-initiatives index lives as long as the process; every DbContext tells it what a save changed.
        services.AddSingleton<InitiativeSimilarityIndex>();
        services.AddScoped<InitiativeIndexInterceptor>();
        services.AddHostedService<InitiativeSimilarityWarmUp>();

        var options = configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>() ?? new DatabaseOptions();
        if (options.Provider == DatabaseProvider.Postgres)
        {
            var connectionString = configuration.GetConnectionString(ConnectionStringName);
            services.AddDbContext<RegioFlowDbContext, PostgresRegioFlowDbContext>((provider, db) =>
                db.UseNpgsql(connectionString).AddInterceptors(provider.GetRequiredService<AuditInterceptor>(), provider.GetRequiredService<InitiativeIndexInterceptor>()));
        }
        else
        {
            var connectionString = SqliteConnectionString(options.SqlitePath);
            services.AddDbContext<RegioFlowDbContext, SqliteRegioFlowDbContext>((provider, db) =>
                db.UseSqlite(connectionString).AddInterceptors(provider.GetRequiredService<AuditInterceptor>(), provider.GetRequiredService<InitiativeIndexInterceptor>()));
        }

        return services;
    }

    /// <summary>Problems that make the database settings unusable, in words an operator can act on.</summary>
    public static IEnumerable<string> FindConfigurationProblems(IConfiguration configuration)
    {
        var section = configuration.GetSection(DatabaseOptions.SectionName);
        var provider = section["Provider"];
        if (!string.IsNullOrWhiteSpace(provider) && !Enum.TryParse<DatabaseProvider>(provider, ignoreCase: true, out _))
        {
            yield return $"Database:Provider '{provider}' is onbekend; kies 'Sqlite' (standaard) of 'Postgres'.";
            yield break;
        }

        var options = section.Get<DatabaseOptions>() ?? new DatabaseOptions();
        if (options.Provider == DatabaseProvider.Postgres && string.IsNullOrWhiteSpace(configuration.GetConnectionString(ConnectionStringName)))
        {
            yield return "Database:Provider is 'Postgres' maar ConnectionStrings:RegioFlow is leeg; stel de verbinding in "
                + "(bijvoorbeeld ConnectionStrings__RegioFlow=\"Host=...;Database=regioflow;Username=...;Password=...\").";
        }

        if (options.Provider == DatabaseProvider.Sqlite && string.IsNullOrWhiteSpace(options.SqlitePath))
        {
            yield return "Database:SqlitePath is leeg; geef het pad van het SQLite-bestand op (standaard data/regioflow.db).";
        }
    }

    public static string SqliteConnectionString(string path) => new SqliteConnectionStringBuilder
    {
        DataSource = path,
        Pooling = true,
        // Microsoft.Data.Sqlite retries a busy database until the command timeout; writers queue instead of failing.
        DefaultTimeout = 30,
    }.ToString();
}

public sealed class SeedOptions
{
    public const string SectionName = "Seed";

    /// <summary>Seed the demo organisations and one demo user per role (development and the embedded default).</summary>
    public bool DemoData { get; set; }

    /// <summary>
    /// Also seed a few demo applications in different stages (needs <see cref="DemoData"/>). Off in the integration
    /// tests, which start from an empty application list.
    /// </summary>
    public bool DemoApplications { get; set; }

    /// <summary>
    /// Also import the Zuid-Holland inventory (236 initiatives) into the register (needs <see cref="DemoData"/>; on by
    /// default). Off in the integration tests, which reset the database before every test and import it where they need it.
    /// </summary>
    public bool DemoInventory { get; set; } = true;
}

/// <summary>Used by `dotnet ef` to add SQLite migrations without starting the app.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteRegioFlowDbContext>
{
    public SqliteRegioFlowDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteRegioFlowDbContext>().UseSqlite("Data Source=design-time.db").Options);
}

/// <summary>Used by `dotnet ef` to add PostgreSQL migrations; no server is contacted for that.</summary>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresRegioFlowDbContext>
{
    public PostgresRegioFlowDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresRegioFlowDbContext>().UseNpgsql("Host=localhost;Database=regioflow_design").Options);
}

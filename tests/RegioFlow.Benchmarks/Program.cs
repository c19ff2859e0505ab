using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NpgsqlTypes;
using RegioFlow.Data;
using RegioFlow.Jobs;
using RegioFlow.Workflows;

/// <summary>
/// Workflow engine benchmark: runs the real app (WebApplicationFactory, no Hangfire server) on SQLite and, when
/// REGIOFLOW_BENCH_POSTGRES or REGIOFLOW_TEST_POSTGRES holds a connection string, on PostgreSQL, and prints a markdown
/// table. Sizes: REGIOFLOW_BENCH_CASES (10000), REGIOFLOW_BENCH_PLANNED (1000000). REGIOFLOW_BENCH=overview runs the
/// regional overview benchmark instead (OverviewBenchmark.cs), REGIOFLOW_BENCH=all both.
/// </summary>
internal static class BenchmarkMain
{
    public static async Task<int> Main()
    {
        // REGIOFLOW_BENCH: engine (default), overview (OverviewBenchmark.cs) or all.
        var bench = Environment.GetEnvironmentVariable("REGIOFLOW_BENCH") is { Length: > 0 } name ? name.Trim().ToLowerInvariant() : "engine";
        if (bench is not ("engine" or "overview" or "all"))
        {
            Console.Error.WriteLine($"REGIOFLOW_BENCH '{bench}' is unknown: use engine, overview or all.");
            return 2;
        }

        var postgres = Environment.GetEnvironmentVariable("REGIOFLOW_BENCH_POSTGRES") is { Length: > 0 } pg ? pg : Environment.GetEnvironmentVariable("REGIOFLOW_TEST_POSTGRES");
        if (bench is "engine" or "all")
        {
            await EngineAsync(postgres);
        }

        if (bench is "overview" or "all")
        {
            await OverviewBenchmark.RunAsync(postgres);
        }

        return 0;
    }

    private static async Task EngineAsync(string? postgres)
    {
        var cases = EnvInt("REGIOFLOW_BENCH_CASES", 10_000);
        var planned = EnvInt("REGIOFLOW_BENCH_PLANNED", 1_000_000);
        const int Due = 1_000;

        Console.WriteLine($"# RegioFlow workflow engine benchmark ({DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, .NET {Environment.Version})");
        Console.WriteLine($"cases per run: {cases:N0}; planned deadlines for the reconciler: {planned:N0} of which {Due:N0} due");
        Console.WriteLine();
        var rows = new List<string>();
        foreach (var provider in postgres is null ? ["Sqlite"] : new[] { "Sqlite", "Postgres" })
        {
            await using var database = await BenchDatabase.CreateAsync(provider, postgres);
            await using var app = new BenchApp(database);
            _ = app.Server;
            Console.Error.WriteLine($"[{provider}] app started");

            foreach (var clients in new[] { 1, 8 })
            {
                var engineIds = await StartCasesAsync(app, cases);
                var engine = await TimeAsync(engineIds, clients, async id =>
                {
                    await using var scope = app.Services.CreateAsyncScope();
                    await scope.ServiceProvider.GetRequiredService<CaseService>()
                        .FireAsync(id, "beoordelen", new Dictionary<string, string>(), Bench.Behandelaar, null, CancellationToken.None);
                });
                var rawIds = await RawWrites.SeedCasesAsync(database, cases);
                var raw = await TimeAsync(rawIds, clients, id => RawWrites.FireAsync(database, id));
                rows.Add($"| {provider} | trigger throughput, {clients} client(s) | {cases / engine.TotalSeconds:N0} /s | {cases / raw.TotalSeconds:N0} /s | {raw.TotalSeconds / engine.TotalSeconds:P0} |");
                Console.Error.WriteLine(rows[^1]);

                if (clients == 1)
                {
                    // The cases just fired wait in 'in-beoordeling' with a timeout of one second: fire all of them.
                    app.Clock.Advance(TimeSpan.FromSeconds(2));
                    var deadlineIds = await QueryAsync(app, db => db.CaseDeadlines
                        .Where(d => d.Status == RegioFlow.Domain.DeadlineStatus.Planned && db.Cases.Any(c => c.Id == d.CaseId && c.SubjectType == "bench"))
                        .Select(d => d.Id).ToListAsync());
                    var firing = await TimeAsync(deadlineIds, 4, async id =>
                    {
                        await using var scope = app.Services.CreateAsyncScope();
                        await scope.ServiceProvider.GetRequiredService<CaseService>().FireDeadlineAsync(id, CancellationToken.None);
                    });
                    rows.Add($"| {provider} | deadlines fired ({deadlineIds.Count:N0} due, 4 workers) | {deadlineIds.Count / firing.TotalSeconds:N0} /s | | |");
                    Console.Error.WriteLine(rows[^1]);
                }
            }

            // The reconciler pass sees exactly the seeded rows: deadlines left by the throughput runs are set aside.
            await RawWrites.ExecuteAsync(database, "UPDATE case_deadlines SET \"Status\" = 'Cancelled' WHERE \"Status\" = 'Planned'");
            await RawWrites.SeedPlannedDeadlinesAsync(database, planned, Due, app.Clock.GetUtcNow());
            var total = await QueryAsync(app, db => db.CaseDeadlines.CountAsync(d => d.Status == RegioFlow.Domain.DeadlineStatus.Planned));
            var reconcile = Stopwatch.StartNew();
            int rescheduled;
            await using (var scope = app.Services.CreateAsyncScope())
            {
                rescheduled = await ActivatorUtilities.CreateInstance<ReconcileDeadlinesJob>(scope.ServiceProvider).RunAsync(CancellationToken.None);
            }

            reconcile.Stop();
            rows.Add($"| {provider} | reconciler pass over {total:N0} planned deadlines, {rescheduled:N0} due and scheduled | {reconcile.Elapsed.TotalMilliseconds:N0} ms | | |");
            Console.Error.WriteLine(rows[^1]);
        }

        Console.WriteLine("| Database | Measure | Engine | Raw ADO.NET (same writes) | Engine / raw |");
        Console.WriteLine("| --- | --- | ---: | ---: | ---: |");
        rows.ForEach(Console.WriteLine);
        Console.WriteLine();

        static int EnvInt(string name, int fallback) =>
            int.TryParse(Environment.GetEnvironmentVariable(name), out var value) && value > 0 ? value : fallback;

        static async Task<TimeSpan> TimeAsync<T>(IReadOnlyList<T> items, int clients, Func<T, Task> work)
        {
            var stopwatch = Stopwatch.StartNew();
            await Parallel.ForEachAsync(items, new ParallelOptions { MaxDegreeOfParallelism = clients }, async (item, _) => await work(item));
            return stopwatch.Elapsed;
        }

        static async Task<List<Guid>> StartCasesAsync(BenchApp app, int count)
        {
            var ids = new System.Collections.Concurrent.ConcurrentBag<Guid>();
            await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (i, _) =>
            {
                await using var scope = app.Services.CreateAsyncScope();
                var @case = await scope.ServiceProvider.GetRequiredService<CaseService>().StartAsync("bench-zaak", "bench", i.ToString(CultureInfo.InvariantCulture), "benchmark", CancellationToken.None);
                ids.Add(@case.Id);
            });
            return [.. ids];
        }

        static async Task<T> QueryAsync<T>(BenchApp app, Func<RegioFlowDbContext, Task<T>> query)
        {
            await using var scope = app.Services.CreateAsyncScope();
            return await query(scope.ServiceProvider.GetRequiredService<RegioFlowDbContext>());
        }
    }
}

internal static class Bench
{
    public static readonly CaseActor Behandelaar = new("benchmark", new HashSet<string> { CaseRoles.Behandelaar });

    public static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "RegioFlow.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("RegioFlow.sln not found");
    }
}

/// <summary>The benchmark's clock: only moved forward by the benchmark, so deadlines fall due on demand.</summary>
internal sealed class BenchClock : TimeProvider
{
    private DateTimeOffset _now = DateTimeOffset.UtcNow;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}

/// <summary>
/// The real app on the benchmark database: no Hangfire server, the benchmark definition; no demo data, or with
/// <paramref name="demoUsers"/> the demo organisations, users and schemes without demo applications.
/// </summary>
internal sealed class BenchApp(BenchDatabase database, bool demoUsers = false) : WebApplicationFactory<Program>
{
    public BenchClock Clock { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseContentRoot(Bench.RepositoryRoot());
        var settings = new Dictionary<string, string?>
        {
            ["Auth:Mode"] = "Development",
            ["Jobs:RunServer"] = "false",
            ["Seed:DemoData"] = demoUsers ? "true" : "false",
            ["Seed:DemoApplications"] = "false",
            ["Seed:DemoInventory"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
            // Logs go to stderr, so stdout holds only the markdown report.
            ["Logging:Console:LogToStandardErrorThreshold"] = "Trace",
            ["Logging:LogLevel:RegioFlow.Workflows.CaseService"] = "Error",
            ["Workflows:AdditionalPaths:0"] = Path.Combine(AppContext.BaseDirectory, "Workflows"),
            ["Database:Provider"] = database.Provider,
            ["Database:SqlitePath"] = database.Provider == "Sqlite" ? database.SqlitePath : "",
            ["ConnectionStrings:RegioFlow"] = database.Provider == "Postgres" ? database.ConnectionString : "",
        };
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}

/// <summary>A fresh database per provider: a temporary SQLite file, or a new PostgreSQL database dropped afterwards.</summary>
internal sealed class BenchDatabase : IAsyncDisposable
{
    private string? _admin;
    private string? _name;

    public string Provider { get; private init; } = "";

    public string SqlitePath { get; private init; } = "";

    public string ConnectionString { get; private init; } = "";

    public static async Task<BenchDatabase> CreateAsync(string provider, string? postgres)
    {
        if (provider == "Sqlite")
        {
            var path = Path.Combine(Path.GetTempPath(), $"regioflow-bench-{Guid.NewGuid():N}.db");
            return new BenchDatabase { Provider = provider, SqlitePath = path, ConnectionString = DatabaseSetup.SqliteConnectionString(path) };
        }

        var name = $"regioflow_bench_{Guid.NewGuid():N}"[..40];
        await using (var connection = new NpgsqlConnection(postgres))
        {
            await connection.OpenAsync();
            await new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection).ExecuteNonQueryAsync();
        }

        var builder = new NpgsqlConnectionStringBuilder(postgres) { Database = name, MaxPoolSize = 50 };
        return new BenchDatabase { Provider = provider, ConnectionString = builder.ConnectionString, _admin = postgres, _name = name };
    }

    /// <summary>Where the database lives, for the log: the SQLite file or the PostgreSQL database name.</summary>
    public string Location => Provider == "Sqlite" ? SqlitePath : _name ?? "";

    /// <summary>A database kept by an earlier run: a SQLite file path or a PostgreSQL database name on the server of <paramref name="postgres"/>.</summary>
    public static BenchDatabase Existing(string provider, string? postgres, string location)
    {
        if (provider == "Sqlite")
        {
            return new BenchDatabase { Provider = provider, SqlitePath = location, ConnectionString = DatabaseSetup.SqliteConnectionString(location) };
        }

        var builder = new NpgsqlConnectionStringBuilder(postgres) { Database = location, MaxPoolSize = 50 };
        return new BenchDatabase { Provider = provider, ConnectionString = builder.ConnectionString, _admin = postgres, _name = location };
    }

    public async Task<DbConnection> OpenAsync()
    {
        DbConnection connection = Provider == "Sqlite" ? new SqliteConnection(ConnectionString) : new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    public async ValueTask DisposeAsync()
    {
        if (Provider == "Sqlite")
        {
            SqliteConnection.ClearAllPools();
            foreach (var file in new[] { SqlitePath, SqlitePath + "-wal", SqlitePath + "-shm" })
            {
                File.Delete(file);
            }

            return;
        }

        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_admin);
        await connection.OpenAsync();
        await new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)", connection).ExecuteNonQueryAsync();
    }
}

/// <summary>
/// The raw limit: the same rows the engine writes for one trigger, in plain ADO.NET on the same database and durability
/// settings. Per trigger: read the case and its open deadlines; update the case under its version; insert three journal
/// rows, one deadline row and two audit rows; commit; then set the deadline's job id with one audit row; commit.
/// </summary>
internal static class RawWrites
{
    public static async Task<List<Guid>> SeedCasesAsync(BenchDatabase database, int count)
    {
        var ids = Enumerable.Range(0, count).Select(_ => Guid.CreateVersion7()).ToList();
        await using var connection = await database.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using var insert = Command(connection, transaction,
            "INSERT INTO cases (\"Id\",\"DefinitionId\",\"DefinitionVersion\",\"SubjectType\",\"SubjectId\",\"Initiator\",\"CreatedAt\",\"StartDate\",\"State\",\"StateEntry\",\"StateEnteredAt\",\"SuspendedDays\",\"SuspendedManually\",\"JournalCount\",\"Version\") "
            + "VALUES (@id,'bench-zaak',1,'raw',@id2,'benchmark',@now,@date,'ontvangen',1,@now,0,false,2,3)");
        var now = DateTimeOffset.UtcNow;
        foreach (var id in ids)
        {
            Set(insert, database, ("id", Id(database, id)), ("id2", id.ToString()), ("now", Time(database, now)), ("date", Date(database, DateOnly.FromDateTime(now.UtcDateTime))));
            await insert.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
        return ids;
    }

    public static async Task FireAsync(BenchDatabase database, Guid caseId)
    {
        var now = DateTimeOffset.UtcNow;
        var deadlineId = Guid.CreateVersion7();
        await using var connection = await database.OpenAsync();
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await using var read = Command(connection, transaction, "SELECT \"Version\",\"StateEntry\",\"JournalCount\" FROM cases WHERE \"Id\" = @id");
            Set(read, database, ("id", Id(database, caseId)));
            long version;
            int entry, journal;
            await using (var reader = await read.ExecuteReaderAsync())
            {
                await reader.ReadAsync();
                (version, entry, journal) = (reader.GetInt64(0), reader.GetInt32(1), reader.GetInt32(2));
            }

            await using var deadlines = Command(connection, transaction, "SELECT \"Id\",\"Status\" FROM case_deadlines WHERE \"CaseId\" = @id AND \"StateEntry\" = @entry");
            Set(deadlines, database, ("id", Id(database, caseId)), ("entry", entry));
            await using (var reader = await deadlines.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                }
            }

            await using var update = Command(connection, transaction,
                "UPDATE cases SET \"State\" = 'in-beoordeling', \"StateEntry\" = @entry, \"StateEnteredAt\" = @now, \"JournalCount\" = @journal, \"Version\" = @new WHERE \"Id\" = @id AND \"Version\" = @version");
            Set(update, database, ("entry", entry + 1), ("now", Time(database, now)), ("journal", journal + 3), ("new", version + 4), ("id", Id(database, caseId)), ("version", version));
            if (await update.ExecuteNonQueryAsync() != 1)
            {
                throw new InvalidOperationException("raw update lost the race");
            }

            foreach (var (kind, sequence) in new[] { ("TriggerFired", journal + 1), ("StateEntered", journal + 2), ("DeadlineScheduled", journal + 3) })
            {
                await using var insert = Command(connection, transaction,
                    "INSERT INTO case_journal (\"CaseId\",\"Sequence\",\"Kind\",\"At\",\"Actor\",\"Trigger\",\"FromState\",\"ToState\",\"Detail\") VALUES (@id,@seq,@kind,@now,'benchmark','beoordelen','ontvangen','in-beoordeling',NULL)");
                Set(insert, database, ("id", Id(database, caseId)), ("seq", sequence), ("kind", kind), ("now", Time(database, now)));
                await insert.ExecuteNonQueryAsync();
            }

            await using var deadline = Command(connection, transaction,
                "INSERT INTO case_deadlines (\"Id\",\"CaseId\",\"StateEntry\",\"State\",\"TimerId\",\"Kind\",\"DueAt\",\"Trigger\",\"Status\",\"Version\") VALUES (@did,@id,@entry,'in-beoordeling','beoordelingstermijn','Timeout',@due,'termijn-verlopen','Planned',0)");
            Set(deadline, database, ("did", Id(database, deadlineId)), ("id", Id(database, caseId)), ("entry", entry + 1), ("due", Time(database, now.AddSeconds(1))));
            await deadline.ExecuteNonQueryAsync();
            await AuditAsync(connection, transaction, database, caseId, "Case", "Modified", now, "{\"State\":{\"old\":\"ontvangen\",\"new\":\"in-beoordeling\"},\"StateEntry\":{\"old\":1,\"new\":2},\"JournalCount\":{\"old\":2,\"new\":5},\"Version\":{\"old\":3,\"new\":7}}");
            await AuditAsync(connection, transaction, database, caseId, "CaseDeadline", "Added", now, new string('x', 600));
            await transaction.CommitAsync();
        }

        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await using var job = Command(connection, transaction, "UPDATE case_deadlines SET \"JobId\" = @job, \"Version\" = 1 WHERE \"Id\" = @did AND \"Version\" = 0");
            Set(job, database, ("job", Guid.NewGuid().ToString()), ("did", Id(database, deadlineId)));
            await job.ExecuteNonQueryAsync();
            await AuditAsync(connection, transaction, database, caseId, "CaseDeadline", "Modified", now, "{\"JobId\":{\"old\":null,\"new\":\"x\"}}");
            await transaction.CommitAsync();
        }
    }

    public static async Task ExecuteAsync(BenchDatabase database, string sql)
    {
        await using var connection = await database.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Planned deadlines for the reconciler: most far in the future, <paramref name="due"/> of them due now.</summary>
    public static async Task SeedPlannedDeadlinesAsync(BenchDatabase database, int count, int due, DateTimeOffset now)
    {
        var caseIds = await SeedCasesAsync(database, 1_000);
        await using var connection = await database.OpenAsync();
        if (database.Provider == "Postgres")
        {
            await using var import = await ((NpgsqlConnection)connection).BeginBinaryImportAsync(
                "COPY case_deadlines (\"Id\",\"CaseId\",\"StateEntry\",\"State\",\"TimerId\",\"Kind\",\"DueAt\",\"Trigger\",\"Status\",\"Version\") FROM STDIN (FORMAT BINARY)");
            for (var i = 0; i < count; i++)
            {
                await import.StartRowAsync();
                await import.WriteAsync(Guid.CreateVersion7(), NpgsqlDbType.Uuid);
                await import.WriteAsync(caseIds[i % caseIds.Count], NpgsqlDbType.Uuid);
                await import.WriteAsync(1, NpgsqlDbType.Integer);
                await import.WriteAsync("ontvangen", NpgsqlDbType.Varchar);
                await import.WriteAsync($"t{i}", NpgsqlDbType.Varchar);
                await import.WriteAsync("Timeout", NpgsqlDbType.Varchar);
                await import.WriteAsync(i < due ? now.AddMinutes(-1) : now.AddDays(1 + (i % 300)), NpgsqlDbType.TimestampTz);
                await import.WriteAsync("termijn-verlopen", NpgsqlDbType.Varchar);
                await import.WriteAsync("Planned", NpgsqlDbType.Varchar);
                await import.WriteAsync(0L, NpgsqlDbType.Bigint);
            }

            await import.CompleteAsync();
            return;
        }

        await using var transaction = await connection.BeginTransactionAsync();
        await using var insert = Command(connection, transaction,
            "INSERT INTO case_deadlines (\"Id\",\"CaseId\",\"StateEntry\",\"State\",\"TimerId\",\"Kind\",\"DueAt\",\"Trigger\",\"Status\",\"Version\") VALUES (@id,@case,1,'ontvangen',@timer,'Timeout',@due,'termijn-verlopen','Planned',0)");
        for (var i = 0; i < count; i++)
        {
            Set(insert, database, ("id", Id(database, Guid.CreateVersion7())), ("case", Id(database, caseIds[i % caseIds.Count])), ("timer", $"t{i}"),
                ("due", Time(database, i < due ? now.AddMinutes(-1) : now.AddDays(1 + (i % 300)))));
            await insert.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
    }

    private static async Task AuditAsync(DbConnection connection, DbTransaction transaction, BenchDatabase database, Guid caseId, string entity, string action, DateTimeOffset now, string changes)
    {
        await using var insert = Command(connection, transaction,
            "INSERT INTO audit_trail (\"At\",\"Actor\",\"EntityType\",\"EntityId\",\"Action\",\"Changes\",\"CaseId\") VALUES (@now,'benchmark',@entity,@eid,@action,@changes,@id)");
        Set(insert, database, ("now", Time(database, now)), ("entity", entity), ("eid", caseId.ToString()), ("action", action), ("changes", changes), ("id", Id(database, caseId)));
        await insert.ExecuteNonQueryAsync();
    }

    private static DbCommand Command(DbConnection connection, DbTransaction transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    private static void Set(DbCommand command, BenchDatabase database, params (string Name, object Value)[] values)
    {
        command.Parameters.Clear();
        foreach (var (name, value) in values)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }

        _ = database;
    }

    // EF Core stores these as: SQLite Guid = upper-case TEXT, DateTimeOffset = UTC ticks (RegioFlow's converter), DateOnly = TEXT.
    private static object Id(BenchDatabase database, Guid id) => database.Provider == "Sqlite" ? id.ToString().ToUpperInvariant() : id;

    private static object Time(BenchDatabase database, DateTimeOffset time) => database.Provider == "Sqlite" ? time.UtcTicks : time;

    private static object Date(BenchDatabase database, DateOnly date) => database.Provider == "Sqlite" ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : date;
}

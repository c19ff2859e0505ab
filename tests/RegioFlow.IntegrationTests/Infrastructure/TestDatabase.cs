using Npgsql;

namespace RegioFlow.IntegrationTests.Infrastructure;

/// <summary>
/// A database of its own for one app under test: a temporary SQLite file, or a new PostgreSQL database created on
/// the server named by REGIOFLOW_TEST_POSTGRES (so every run starts empty and migrations are exercised).
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string? _adminConnectionString;
    private readonly string? _databaseName;

    private TestDatabase(string provider, string connectionString, string? adminConnectionString, string? databaseName)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _adminConnectionString = adminConnectionString;
        _databaseName = databaseName;
    }

    public string Provider { get; }

    /// <summary>For SQLite: the file path (Database:SqlitePath). For PostgreSQL: the connection string.</summary>
    public string ConnectionString { get; }

    public bool IsPostgres => Provider == "Postgres";

    public static Task<TestDatabase> CreateAsync() =>
        TestEnvironment.Provider == "Postgres"
            ? CreatePostgresAsync(TestEnvironment.PostgresConnectionString
                ?? throw new InvalidOperationException("REGIOFLOW_TEST_PROVIDER=Postgres needs REGIOFLOW_TEST_POSTGRES (a connection string)."))
            : Task.FromResult(CreateSqlite());

    public static TestDatabase CreateSqlite()
    {
        var folder = Path.Combine(Path.GetTempPath(), "regioflow-tests");
        Directory.CreateDirectory(folder);
        return new TestDatabase("Sqlite", Path.Combine(folder, $"{Guid.NewGuid():N}.db"), null, null);
    }

    public static async Task<TestDatabase> CreatePostgresAsync(string serverConnectionString)
    {
        var name = $"regioflow_test_{Guid.NewGuid():N}"[..40];
        await using (var connection = new NpgsqlConnection(serverConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync();
        }

        var builder = new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = name };
        return new TestDatabase("Postgres", builder.ConnectionString, serverConnectionString, name);
    }

    /// <summary>The configuration keys that point the app at this database.</summary>
    public Dictionary<string, string?> Settings() => IsPostgres
        ? new() { ["Database:Provider"] = "Postgres", ["ConnectionStrings:RegioFlow"] = ConnectionString }
        : new() { ["Database:Provider"] = "Sqlite", ["Database:SqlitePath"] = ConnectionString };

    public async ValueTask DisposeAsync()
    {
        if (IsPostgres)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(_adminConnectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_databaseName}\" WITH (FORCE)", connection);
            // FORCE may not end a backend of another role (an autovacuum worker that just started on the fresh database:
            // 42501); it is gone a moment later, so try again before giving up on the clean-up.
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await command.ExecuteNonQueryAsync();
                    break;
                }
                catch (PostgresException exception) when (exception.SqlState is PostgresErrorCodes.InsufficientPrivilege or PostgresErrorCodes.ObjectInUse && attempt < 20)
                {
                    await Task.Delay(500);
                }
            }
        }
        else
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var file in new[] { ConnectionString, ConnectionString + "-wal", ConnectionString + "-shm" })
            {
                File.Delete(file);
            }
        }
    }
}

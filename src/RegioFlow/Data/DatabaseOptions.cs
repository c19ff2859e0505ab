namespace RegioFlow.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>SQLite file, relative to the working directory; its folder is created on first run.</summary>
    public string SqlitePath { get; set; } = "data/regioflow.db";

    /// <summary>Apply pending migrations at startup (embedded default and development; production may migrate separately).</summary>
    public bool MigrateOnStartup { get; set; } = true;
}

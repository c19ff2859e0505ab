namespace RegioFlow.IntegrationTests.Infrastructure;

/// <summary>
/// How this test run is configured, from environment variables (ARCHITECTURE.md §9):
/// REGIOFLOW_TEST_PROVIDER=Sqlite|Postgres chooses the database for the whole suite (default Sqlite);
/// REGIOFLOW_TEST_POSTGRES holds a PostgreSQL connection string (needed for Postgres, and for PostgreSQL-only tests);
/// REGIOFLOW_REQUIRE_POSTGRES=1 / REGIOFLOW_REQUIRE_BROWSER=1 turn "skipped" into "failed" (CI sets both).
/// </summary>
public static class TestEnvironment
{
    public static string Provider =>
        string.Equals(Environment.GetEnvironmentVariable("REGIOFLOW_TEST_PROVIDER"), "Postgres", StringComparison.OrdinalIgnoreCase) ? "Postgres" : "Sqlite";

    public static string? PostgresConnectionString =>
        Environment.GetEnvironmentVariable("REGIOFLOW_TEST_POSTGRES") is { Length: > 0 } value ? value : null;

    public static bool RequirePostgres => Environment.GetEnvironmentVariable("REGIOFLOW_REQUIRE_POSTGRES") == "1";

    public static bool RequireBrowser => Environment.GetEnvironmentVariable("REGIOFLOW_REQUIRE_BROWSER") == "1";

    public const string ChromiumPath = "/usr/bin/chromium";

    /// <summary>Skips (or, when PostgreSQL is required, fails) a test that needs a PostgreSQL server.</summary>
    public static string RequirePostgresConnection()
    {
        if (PostgresConnectionString is { } connectionString)
        {
            return connectionString;
        }

        const string reason = "PostgreSQL-only test: set REGIOFLOW_TEST_POSTGRES to a connection string to run it.";
        if (RequirePostgres)
        {
            Assert.Fail(reason + " REGIOFLOW_REQUIRE_POSTGRES=1 forbids skipping it.");
        }

        Assert.Skip(reason);
        return "";
    }

    /// <summary>Skips (or, when the browser is required, fails) a test that needs Debian's chromium.</summary>
    public static void RequireChromium()
    {
        if (File.Exists(ChromiumPath))
        {
            return;
        }

        const string reason = $"Browser test: no chromium at {ChromiumPath} (apt-get install chromium).";
        if (RequireBrowser)
        {
            Assert.Fail(reason + " REGIOFLOW_REQUIRE_BROWSER=1 forbids skipping it.");
        }

        Assert.Skip(reason);
    }

    /// <summary>The repository root: the folder holding RegioFlow.sln and the appsettings.json that `dotnet run` reads.</summary>
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    private static string FindRepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "RegioFlow.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("RegioFlow.sln not found above " + AppContext.BaseDirectory);
    }
}

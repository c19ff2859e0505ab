using System.Data.Common;
using System.Net.Http.Headers;
using System.Security.Claims;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using RegioFlow.Auth;
using RegioFlow.Data;
using RegioFlow.Features.Initiatives;
using Respawn;

namespace RegioFlow.IntegrationTests.Infrastructure;

/// <summary>
/// One app and one database for the whole integration suite; <see cref="ResetAsync"/> empties every table with
/// Respawn before each test and puts the reference and demo data back, so tests start from the same state.
/// </summary>
public sealed class AppFixture : IAsyncLifetime
{
    private Respawner? _respawner;

    /// <summary>Monday 5 January 2026, 09:00 UTC at the start of every test; tests move it forward.</summary>
    public static readonly DateTimeOffset Start = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    public TestClock Clock { get; } = new(Start);

    /// <summary>The SMTP server the app sends its mail to.</summary>
    public SmtpTestServer Smtp { get; } = new();

    public RegioFlowAppFactory Factory { get; private set; } = null!;

    public TestDatabase Database => Factory.Database;

    public async ValueTask InitializeAsync()
    {
        var database = await TestDatabase.CreateAsync();
        Factory = new RegioFlowAppFactory(database, new Dictionary<string, string?>
        {
            ["Mail:Host"] = "127.0.0.1",
            ["Mail:Port"] = Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Mail:Security"] = "None",
        }) { Clock = Clock };
        _ = Factory.Server; // start the app: migrations and seeding run now
        await using var connection = await OpenConnectionAsync();
        _respawner = await Respawner.CreateAsync(connection, new RespawnerOptions
        {
            DbAdapter = Database.IsPostgres ? DbAdapter.Postgres : DbAdapter.Sqlite,
            SchemasToInclude = Database.IsPostgres ? ["public"] : [],
            // SQLite's register search index (an FTS5 table and its shadow tables) is emptied by its delete trigger when
            // Respawn deletes the initiatives; deleting from the shadow tables directly would corrupt it.
            TablesToIgnore = ["__EFMigrationsHistory", "__EFMigrationsLock", .. SearchIndexTables],
        });
    }

    private static readonly string[] SearchIndexTables =
        [.. new[] { "", "_data", "_idx", "_content", "_docsize", "_config" }.Select(suffix => InitiativeSearchEntry.TableName + suffix)];

    public async Task ResetAsync()
    {
        Clock.Set(Start);
        Smtp.Clear();
        await using (var connection = await OpenConnectionAsync())
        {
            await _respawner!.ResetAsync(connection);
        }

        // Respawn empties the tables without SaveChanges: the similarity index must forget what it held.
        Factory.Services.GetRequiredService<InitiativeSimilarityIndex>().Reset();

        await using var scope = Factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitialiseAsync(CancellationToken.None);
    }

    public async Task<DbConnection> OpenConnectionAsync()
    {
        DbConnection connection = Database.IsPostgres
            ? new NpgsqlConnection(Database.ConnectionString)
            : new SqliteConnection(DatabaseSetup.SqliteConnectionString(Database.ConnectionString));
        await connection.OpenAsync();
        return connection;
    }

    /// <summary>Runs a query against the app's own DbContext (to assert on what was stored).</summary>
    public async Task<T> QueryAsync<T>(Func<RegioFlowDbContext, Task<T>> query)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RegioFlowDbContext>();
        return await query(db);
    }

    public HttpClient AnonymousClient() => Factory.CreateClient(new() { AllowAutoRedirect = false });

    /// <summary>A client with a bearer token signed by the app's own development issuer for a seeded demo user.</summary>
    public async Task<HttpClient> ClientAsAsync(string login)
    {
        var user = await QueryAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.ExternalId == login));
        return ClientWithClaims(RegioFlowClaims.For(user));
    }

    /// <summary>A client with a signed token carrying exactly these claims (a user who need not exist in the database).</summary>
    public HttpClient ClientWithClaims(IEnumerable<Claim> claims, TimeSpan? lifetime = null)
    {
        var issuer = Factory.Services.GetRequiredService<DevelopmentTokenIssuer>();
        var (token, _) = issuer.Issue(claims, lifetime);
        var client = AnonymousClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        await Database.DisposeAsync();
        await Smtp.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class AppCollection : ICollectionFixture<AppFixture>
{
    public const string Name = "app";
}

/// <summary>Base class: every integration test starts from a freshly reset database.</summary>
[Collection(AppCollection.Name)]
public abstract class IntegrationTest(AppFixture app) : IAsyncLifetime
{
    protected AppFixture App { get; } = app;

    protected CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public virtual async ValueTask InitializeAsync() => await App.ResetAsync();

    public virtual ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using RegioFlow.Auth;
using RegioFlow.Data;
using RegioFlow.IntegrationTests.Infrastructure;

namespace RegioFlow.IntegrationTests.Hosting;

/// <summary>
/// A real server failure (a table the request reads has gone missing) must show the friendly page, and a stack trace
/// only in the Development environment. Each test damages its own SQLite database on purpose.
/// </summary>
public sealed class ErrorPageTests
{
    [Theory]
    [InlineData("Production", false)]
    [InlineData("Development", true)]
    public async Task A_server_error_shows_the_error_page_with_details_only_in_development(string environment, bool detailsShown)
    {
        await using var database = TestDatabase.CreateSqlite();
        await using var factory = await StartWithMissingTableAsync(database, environment, "memberships");
        var client = SignedInClient(factory, [new(RegioFlowClaims.Subject, "fondsbeheerder"), new(RegioFlowClaims.Role, "FundAdministrator")]);

        var response = await client.GetAsync("/", TestContext.Current.CancellationToken);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("Er ging iets mis", html);
        Assert.Equal(detailsShown, html.Contains("SqliteException"));
        Assert.Equal(detailsShown, html.Contains(" at RegioFlow."));
    }

    [Fact]
    public async Task An_api_server_error_is_a_500_problem_without_internals()
    {
        await using var database = TestDatabase.CreateSqlite();
        await using var factory = await StartWithMissingTableAsync(database, "Production", "gemeenten");
        var client = SignedInClient(factory, [new(RegioFlowClaims.Subject, "toezicht")]);

        var response = await client.GetAsync("/api/regions", TestContext.Current.CancellationToken);

        var problem = await response.AssertProblemAsync(HttpStatusCode.InternalServerError);
        Assert.DoesNotContain("Sqlite", problem.ToString());
        Assert.True(problem.TryGetProperty("traceId", out _));
    }

    private static async Task<WebApplicationFactory<Program>> StartWithMissingTableAsync(TestDatabase database, string environment, string table)
    {
        var factory = new RegioFlowAppFactory(database).WithWebHostBuilder(builder => builder.UseEnvironment(environment));
        _ = factory.Server;
        await using var connection = new SqliteConnection(DatabaseSetup.SqliteConnectionString(database.ConnectionString));
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var drop = connection.CreateCommand();
        drop.CommandText = $"DROP TABLE {table}";
        await drop.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        return factory;
    }

    private static HttpClient SignedInClient(WebApplicationFactory<Program> factory, System.Security.Claims.Claim[] claims)
    {
        var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        var (token, _) = factory.Services.GetRequiredService<DevelopmentTokenIssuer>().Issue(claims);
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return client;
    }
}

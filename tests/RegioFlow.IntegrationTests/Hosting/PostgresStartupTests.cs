using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Npgsql;
using RegioFlow.IntegrationTests.Infrastructure;

namespace RegioFlow.IntegrationTests.Hosting;

/// <summary>PostgreSQL-only: the operator's path of README "PostgreSQL", run as a real process.</summary>
public sealed class PostgresStartupTests
{
    [Fact]
    public async Task The_app_migrates_an_empty_postgres_database_and_reports_ready()
    {
        var server = TestEnvironment.RequirePostgresConnection();
        await using var database = await TestDatabase.CreatePostgresAsync(server);
        var port = FreePort();
        var folder = Directory.CreateTempSubdirectory("regioflow-pg-");
        File.Copy(Path.Combine(TestEnvironment.RepositoryRoot, "appsettings.json"), Path.Combine(folder.FullName, "appsettings.json"));
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "RegioFlow.dll"), "--urls", $"http://127.0.0.1:{port}"])
        {
            WorkingDirectory = folder.FullName,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["Database__Provider"] = "Postgres";
        start.Environment["ConnectionStrings__RegioFlow"] = database.ConnectionString;
        start.Environment["Jobs__RunServer"] = "false";

        var output = new StringBuilder();
        using var process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(5) };
            var health = await WaitForReadyAsync(client, process, output);

            Assert.Equal("Healthy", health.GetProperty("status").GetString());
            Assert.Equal("Postgres", health.GetProperty("checks")[0].GetProperty("data").GetProperty("provider").GetString());
            await using var connection = new NpgsqlConnection(database.ConnectionString);
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            await using var count = new NpgsqlCommand("SELECT count(*) FROM regions", connection);
            Assert.Equal(10L, await count.ExecuteScalarAsync(TestContext.Current.CancellationToken));
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(TestContext.Current.CancellationToken);
            folder.Delete(recursive: true);
        }
    }

    private static async Task<JsonElement> WaitForReadyAsync(HttpClient client, Process process, StringBuilder output)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            Assert.False(process.HasExited, $"RegioFlow stopped (exit {(process.HasExited ? process.ExitCode : 0)}):\n{output}");
            try
            {
                var response = await client.GetAsync("/health/ready");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return await response.Content.ReadFromJsonAsync<JsonElement>();
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            await Task.Delay(250);
        }

        Assert.Fail($"/health/ready did not answer 200 within 90 s:\n{output}");
        return default;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

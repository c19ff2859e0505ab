using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using RegioFlow.IntegrationTests.Infrastructure;

namespace RegioFlow.IntegrationTests.Hosting;

/// <summary>Starts the built app as its own process, the way an operator would, and reads what it says.</summary>
public sealed class StartupTests
{
    [Fact]
    public async Task Production_without_sign_in_settings_exits_non_zero_saying_what_to_configure()
    {
        // DOTNET_LAUNCH_PROFILE is what `dotnet run` sets; a named environment must still win over its Development default.
        var (exitCode, output) = await RunAppAsync(new() { ["ASPNETCORE_ENVIRONMENT"] = "Production", ["DOTNET_LAUNCH_PROFILE"] = "RegioFlow" });

        Assert.NotEqual(0, exitCode);
        Assert.Contains("RegioFlow kan niet starten", output);
        Assert.Contains("AzureAd:ClientId", output);
        Assert.Contains("Auth:Mode=Development", output);
    }

    [Fact]
    public async Task Postgres_without_a_connection_string_exits_non_zero_saying_so()
    {
        var (exitCode, output) = await RunAppAsync(new() { ["ASPNETCORE_ENVIRONMENT"] = "Development", ["Database__Provider"] = "Postgres" });

        Assert.NotEqual(0, exitCode);
        Assert.Contains("ConnectionStrings:RegioFlow is leeg", output);
    }

    [Fact]
    public async Task With_entra_id_configured_the_development_sign_in_does_not_exist()
    {
        await using var database = TestDatabase.CreateSqlite();
        await using var factory = new RegioFlowAppFactory(database, new Dictionary<string, string?>
        {
            ["Auth:Mode"] = "",
            ["AzureAd:TenantId"] = "11111111-1111-1111-1111-111111111111",
            ["AzureAd:ClientId"] = "22222222-2222-2222-2222-222222222222",
            ["AzureAd:Audience"] = "api://regioflow-test",
        }).WithWebHostBuilder(builder => builder.UseEnvironment("Production"));
        var client = factory.CreateClient(new() { AllowAutoRedirect = false });

        var token = await client.PostAsJsonAsync("/api/dev/token", new { user = "beheerder" }, TestContext.Current.CancellationToken);
        var me = await client.GetAsync("/api/me", TestContext.Current.CancellationToken);
        var ready = await client.GetAsync("/health/ready", TestContext.Current.CancellationToken);

        Assert.NotEqual(HttpStatusCode.OK, token.StatusCode);
        await me.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
    }

    private static async Task<(int ExitCode, string Output)> RunAppAsync(Dictionary<string, string> environment)
    {
        // A working folder with the repository's appsettings.json, as after a clone; nothing else.
        var folder = Directory.CreateTempSubdirectory("regioflow-startup-");
        File.Copy(Path.Combine(TestEnvironment.RepositoryRoot, "appsettings.json"), Path.Combine(folder.FullName, "appsettings.json"));
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "RegioFlow.dll"), "--urls", "http://127.0.0.1:0"])
        {
            WorkingDirectory = folder.FullName,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("RegioFlow kept running although its configuration cannot work.");
        }

        folder.Delete(recursive: true);
        return (process.ExitCode, await stdout + await stderr);
    }
}

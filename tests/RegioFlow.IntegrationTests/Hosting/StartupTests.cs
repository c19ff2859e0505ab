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

    [Fact]
    public async Task A_broken_workflow_definition_stops_startup_naming_file_and_line()
    {
        var (exitCode, output) = await RunAppAsync(new() { ["ASPNETCORE_ENVIRONMENT"] = "Development" }, folder =>
            WriteDefinition(folder, ValidDefinition.Replace("target: afgehandeld", "target: afgerond")));

        Assert.NotEqual(0, exitCode);
        Assert.Contains(Path.Combine("workflows", "demo", "demo.v1.yaml") + ":14: onbekende doeltoestand 'afgerond'", output);
    }

    [Fact]
    public async Task A_published_definition_that_changed_after_its_first_start_is_refused()
    {
        var folder = Directory.CreateTempSubdirectory("regioflow-published-");
        try
        {
            File.Copy(Path.Combine(TestEnvironment.RepositoryRoot, "appsettings.json"), Path.Combine(folder.FullName, "appsettings.json"));
            WriteDefinition(folder, ValidDefinition);
            var environment = new Dictionary<string, string> { ["ASPNETCORE_ENVIRONMENT"] = "Development", ["Jobs__RunServer"] = "false" };
            var (firstExit, firstOutput) = await RunAppAsync(environment, keepFolder: folder, stopWhenListening: true);
            Assert.True(firstOutput.Contains("Now listening on", StringComparison.Ordinal), firstOutput);

            WriteDefinition(folder, ValidDefinition.Replace("label: Ontvangen", "label: Binnengekomen"));
            var (exitCode, output) = await RunAppAsync(environment, keepFolder: folder);

            Assert.NotEqual(0, exitCode);
            Assert.Contains(Path.Combine("workflows", "demo", "demo.v1.yaml") + ":1: gepubliceerde versie 1 van 'demo' is gewijzigd", output);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private const string ValidDefinition = """
        id: demo
        version: 1
        status: gepubliceerd
        beginGeldigheid: 2020-01-01
        zaaktype:
          omschrijving: Demo
          doorlooptijd: P8W
        initialState: ontvangen
        states:
          - id: ontvangen
            label: Ontvangen
            transitions:
              - trigger: afhandelen
                target: afgehandeld
                roles: [behandelaar]
          - id: afgehandeld
            label: Afgehandeld
            terminal: true
        """;

    private static void WriteDefinition(DirectoryInfo folder, string yaml)
    {
        var definitions = Directory.CreateDirectory(Path.Combine(folder.FullName, "workflows", "demo"));
        File.WriteAllText(Path.Combine(definitions.FullName, "demo.v1.yaml"), yaml);
    }

    private static async Task<(int ExitCode, string Output)> RunAppAsync(
        Dictionary<string, string> environment, Action<DirectoryInfo>? prepare = null, DirectoryInfo? keepFolder = null, bool stopWhenListening = false)
    {
        // A working folder with the repository's appsettings.json, as after a clone; nothing else.
        var folder = keepFolder ?? Directory.CreateTempSubdirectory("regioflow-startup-");
        if (keepFolder is null)
        {
            File.Copy(Path.Combine(TestEnvironment.RepositoryRoot, "appsettings.json"), Path.Combine(folder.FullName, "appsettings.json"));
        }

        prepare?.Invoke(folder);
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

        var output = new System.Text.StringBuilder();
        using var listening = new SemaphoreSlim(0);
        using var process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) =>
        {
            lock (output)
            {
                output.AppendLine(e.Data);
            }

            if (e.Data?.Contains("Now listening on", StringComparison.Ordinal) == true)
            {
                listening.Release();
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            lock (output)
            {
                output.AppendLine(e.Data);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            if (stopWhenListening)
            {
                await Task.WhenAny(listening.WaitAsync(timeout.Token), process.WaitForExitAsync(timeout.Token));
                process.Kill(entireProcessTree: true);
            }

            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"RegioFlow kept running although its configuration cannot work:\n{output}");
        }

        if (keepFolder is null)
        {
            folder.Delete(recursive: true);
        }

        lock (output)
        {
            return (process.ExitCode, output.ToString());
        }
    }
}

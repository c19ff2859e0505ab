using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace RegioFlow.IntegrationTests.Infrastructure;

/// <summary>
/// The real app (Program.cs, real database, real authentication pipeline) on a test server, or on Kestrel at
/// 127.0.0.1 for browser tests. Settings are layered over the repository's appsettings.json.
/// </summary>
public sealed class RegioFlowAppFactory(TestDatabase database, IReadOnlyDictionary<string, string?>? settings = null)
    : WebApplicationFactory<Program>
{
    /// <summary>The test projects' workflow definitions (timers of seconds), loaded beside the real ones.</summary>
    public static readonly string TestWorkflowsPath = Path.Combine(AppContext.BaseDirectory, "Workflows", "Definitions");

    public TestDatabase Database { get; } = database;

    /// <summary>When set, the app runs on this clock instead of the system clock (the only thing tests fake).</summary>
    public TimeProvider? Clock { get; init; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseContentRoot(TestEnvironment.RepositoryRoot);
        var all = new Dictionary<string, string?>
        {
            ["Auth:Mode"] = "Development",
            ["Seed:DemoData"] = "true",
            ["Seed:DemoApplications"] = "false",
            ["Seed:DemoInventory"] = "false",
            ["Jobs:RunServer"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Workflows:AdditionalPaths:0"] = TestWorkflowsPath,
        };
        foreach (var (key, value) in Database.Settings())
        {
            all[key] = value;
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        foreach (var (key, value) in all)
        {
            builder.UseSetting(key, value);
        }

        if (Clock is not null)
        {
            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
        }
    }
}

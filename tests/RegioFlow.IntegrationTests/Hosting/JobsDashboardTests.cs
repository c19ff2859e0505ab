using System.Net;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using RegioFlow.IntegrationTests.Infrastructure;

namespace RegioFlow.IntegrationTests.Hosting;

public sealed class JobsDashboardTests(AppFixture app) : IntegrationTest(app)
{
    [Theory]
    [InlineData("fondsbeheerder")]
    [InlineData("toezicht")]
    [InlineData("initiatiefnemer")]
    public async Task The_jobs_dashboard_is_403_for_non_admins(string login)
    {
        var client = await App.ClientAsAsync(login);

        var response = await client.GetAsync("/jobs", Cancellation);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task The_jobs_dashboard_opens_for_an_admin()
    {
        var client = await App.ClientAsAsync("beheerder");

        var response = await client.GetAsync("/jobs", Cancellation);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("RegioFlow – achtergrondtaken", await response.Content.ReadAsStringAsync(Cancellation));
    }

    [Fact]
    public async Task Without_sign_in_the_dashboard_sends_the_visitor_to_the_sign_in_page()
    {
        var response = await App.AnonymousClient().GetAsync("/jobs", Cancellation);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/aanmelden", response.Headers.Location!.PathAndQuery);
    }
}

/// <summary>Jobs:RunServer decides whether this instance runs a Hangfire server (on its own storage).</summary>
public sealed class JobsServerTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Jobs_RunServer_switches_the_hangfire_server_on_and_off(bool runServer)
    {
        await using var database = TestDatabase.CreateSqlite();
        await using var factory = new RegioFlowAppFactory(database, new Dictionary<string, string?> { ["Jobs:RunServer"] = runServer.ToString() });
        _ = factory.Server;
        var monitoring = factory.Services.GetRequiredService<JobStorage>().GetMonitoringApi();

        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (runServer && monitoring.Servers().Count == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200, TestContext.Current.CancellationToken);
        }

        Assert.Equal(runServer ? 1 : 0, monitoring.Servers().Count);
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using RegioFlow.IntegrationTests.Infrastructure;

namespace RegioFlow.IntegrationTests.Hosting;

public sealed class HealthTests(AppFixture app) : IntegrationTest(app)
{
    [Fact]
    public async Task Ready_reports_the_migrated_database_of_this_run()
    {
        var response = await App.AnonymousClient().GetAsync("/health/ready", Cancellation);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var health = await response.Content.ReadFromJsonAsync<JsonElement>(Cancellation);
        Assert.Equal("Healthy", health.GetProperty("status").GetString());
        var database = health.GetProperty("checks")[0].GetProperty("data");
        Assert.Equal(TestEnvironment.Provider, database.GetProperty("provider").GetString());
        Assert.Equal(0, database.GetProperty("pendingMigrations").GetInt32());
        if (!App.Database.IsPostgres)
        {
            Assert.True(File.Exists(App.Database.ConnectionString));
        }
    }

    [Fact]
    public async Task Live_answers_without_touching_the_database()
    {
        var response = await App.AnonymousClient().GetAsync("/health/live", Cancellation);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}

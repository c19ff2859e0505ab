using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using RegioFlow.Domain;
using RegioFlow.IntegrationTests.Infrastructure;

namespace RegioFlow.IntegrationTests.Api;

public sealed class DevSignInApiTests(AppFixture app) : IntegrationTest(app)
{
    [Fact]
    public async Task Lists_a_demo_user_for_every_role()
    {
        var users = await App.AnonymousClient().GetFromJsonAsync<JsonElement>("/api/dev/users", Cancellation);

        var roles = users.EnumerateArray().SelectMany(u => u.GetProperty("roles").EnumerateArray().Select(r => r.GetString()!)).ToHashSet();
        Assert.Equal(Enum.GetNames<Role>().ToHashSet(), roles);
        Assert.All(users.EnumerateArray(), u => Assert.True(Guid.TryParse(u.GetProperty("id").GetString(), out _)));
    }

    [Fact]
    public async Task A_token_can_be_asked_for_by_user_id()
    {
        var client = App.AnonymousClient();
        var users = await client.GetFromJsonAsync<JsonElement>("/api/dev/users", Cancellation);
        var admin = users.EnumerateArray().Single(u => u.GetProperty("login").GetString() == "beheerder");

        var response = await client.PostAsJsonAsync("/api/dev/token", new { user = admin.GetProperty("id").GetString() }, Cancellation);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var token = await response.Content.ReadFromJsonAsync<JsonElement>(Cancellation);
        Assert.Equal("Bearer", token.GetProperty("tokenType").GetString());
        Assert.Equal(["Admin"], token.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public async Task An_unknown_user_is_404_and_a_missing_user_is_400()
    {
        var client = App.AnonymousClient();

        var unknown = await client.PostAsJsonAsync("/api/dev/token", new { user = "niemand" }, Cancellation);
        var missing = await client.PostAsJsonAsync("/api/dev/token", new { }, Cancellation);

        await unknown.AssertProblemAsync(HttpStatusCode.NotFound);
        var problem = await missing.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("user", out _));
    }
}

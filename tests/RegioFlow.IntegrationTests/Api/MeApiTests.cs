using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Json;
using RegioFlow.Auth;
using RegioFlow.IntegrationTests.Infrastructure;

namespace RegioFlow.IntegrationTests.Api;

public sealed class MeApiTests(AppFixture app) : IntegrationTest(app)
{
    [Fact]
    public async Task Without_credentials_me_is_401_problem_details()
    {
        var response = await App.AnonymousClient().GetAsync("/api/me", Cancellation);

        var problem = await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Contains("Bearer", response.Headers.WwwAuthenticate.ToString());
        Assert.Contains("bearer-token", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task With_a_token_from_the_dev_token_endpoint_me_returns_the_demo_users_roles_and_memberships()
    {
        var anonymous = App.AnonymousClient();
        var tokenResponse = await anonymous.PostAsJsonAsync("/api/dev/token", new { user = "tafelvoorzitter" }, Cancellation);
        Assert.Equal(HttpStatusCode.OK, tokenResponse.StatusCode);
        var token = (await tokenResponse.Content.ReadFromJsonAsync<JsonElement>(Cancellation)).GetProperty("accessToken").GetString();

        var request = new HttpRequestMessage(HttpMethod.Get, "/api/me");
        request.Headers.Authorization = new("Bearer", token);
        var response = await anonymous.SendAsync(request, Cancellation);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var me = await response.Content.ReadFromJsonAsync<JsonElement>(Cancellation);
        Assert.Equal("tafelvoorzitter", me.GetProperty("subject").GetString());
        Assert.Equal("Fatima El Amrani", me.GetProperty("displayName").GetString());
        var roles = me.GetProperty("roles").EnumerateArray().Select(r => r.GetProperty("role").GetString()).ToList();
        Assert.Equal(["TableMember", "TableChair"], roles);
        var membership = Assert.Single(me.GetProperty("memberships").EnumerateArray());
        Assert.Equal("Provincie Gelderland", membership.GetProperty("organisation").GetString());
    }

    [Fact]
    public async Task A_token_signed_with_another_key_is_refused()
    {
        var foreignIssuer = new DevelopmentTokenIssuer(new DevelopmentAuthOptions { SigningKey = new string('x', 40) }, TimeProvider.System);
        var (token, _) = foreignIssuer.Issue([new Claim(RegioFlowClaims.Subject, "beheerder"), new Claim(RegioFlowClaims.Role, "Admin")]);
        var client = App.AnonymousClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);

        var response = await client.GetAsync("/api/me", Cancellation);

        var problem = await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Contains("ongeldig of verlopen", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task An_expired_token_is_refused()
    {
        var client = App.ClientWithClaims([new Claim(RegioFlowClaims.Subject, "beheerder")], lifetime: TimeSpan.FromMinutes(-5));

        var response = await client.GetAsync("/api/me", Cancellation);

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using RegioFlow.IntegrationTests.Infrastructure;

namespace RegioFlow.IntegrationTests.Api;

public sealed class OrganisationsApiTests(AppFixture app) : IntegrationTest(app)
{
    [Fact]
    public async Task A_non_admin_cannot_create_an_organisation_and_nothing_is_stored()
    {
        var client = await App.ClientAsAsync("fondsbeheerder");
        var before = await App.QueryAsync(db => db.Organisations.CountAsync());

        var response = await client.PostAsJsonAsync("/api/organisations", new { name = "Stichting Zorgpact", kind = "Overig" }, Cancellation);

        var problem = await response.AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Contains("Beheerder", problem.GetProperty("detail").GetString());
        Assert.Equal(before, await App.QueryAsync(db => db.Organisations.CountAsync()));
    }

    [Fact]
    public async Task An_invalid_body_gives_400_with_an_error_per_field()
    {
        var client = await App.ClientAsAsync("beheerder");

        var response = await client.PostAsJsonAsync("/api/organisations", new { name = "", kind = "Bakkerij", regionId = 9999 }, Cancellation);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        Assert.Contains("naam", errors.GetProperty("name")[0].GetString());
        Assert.Contains("MboSchool", errors.GetProperty("kind")[0].GetString());
        Assert.Contains("9999", errors.GetProperty("regionId")[0].GetString());
    }

    [Theory]
    [InlineData("{\"name\": ")]
    [InlineData("[1,2,3]")]
    [InlineData("{\"name\": 12, \"kind\": \"Gemeente\"}")]
    [InlineData("")]
    public async Task Unreadable_json_gives_400_problem_details(string body)
    {
        var client = await App.ClientAsAsync("beheerder");

        var response = await client.PostAsync("/api/organisations", new StringContent(body, Encoding.UTF8, "application/json"), Cancellation);

        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task An_admin_creates_an_organisation_that_is_listed_and_can_be_fetched()
    {
        var client = await App.ClientAsAsync("beheerder");
        var zeeland = await App.QueryAsync(db => db.Regions.SingleAsync(r => r.Code == "zeeland"));

        var response = await client.PostAsJsonAsync("/api/organisations", new { name = "  Scalda  ", kind = "mboschool", regionId = zeeland.Id }, Cancellation);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>(Cancellation);
        Assert.Equal("Scalda", created.GetProperty("name").GetString());
        Assert.Equal("MboSchool", created.GetProperty("kind").GetString());
        Assert.Equal("Zeeland", created.GetProperty("regionName").GetString());

        var fetched = await client.GetFromJsonAsync<JsonElement>(response.Headers.Location!, Cancellation);
        Assert.Equal(created.GetProperty("id").GetString(), fetched.GetProperty("id").GetString());

        var inZeeland = await client.GetFromJsonAsync<JsonElement>($"/api/organisations?region={zeeland.Id}", Cancellation);
        Assert.Equal(["Scalda"], inZeeland.EnumerateArray().Select(o => o.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task A_duplicate_name_is_a_409_and_stores_nothing()
    {
        var client = await App.ClientAsAsync("beheerder");
        var before = await App.QueryAsync(db => db.Organisations.CountAsync());

        var response = await client.PostAsJsonAsync("/api/organisations", new { name = "Gemeente Doetinchem", kind = "Gemeente" }, Cancellation);

        var problem = await response.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("Gemeente Doetinchem", problem.GetProperty("detail").GetString());
        Assert.Equal(before, await App.QueryAsync(db => db.Organisations.CountAsync()));
    }

    [Fact]
    public async Task An_unknown_organisation_is_404_problem_details()
    {
        var client = await App.ClientAsAsync("toezicht");

        var response = await client.GetAsync($"/api/organisations/{Guid.NewGuid()}", Cancellation);

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }
}

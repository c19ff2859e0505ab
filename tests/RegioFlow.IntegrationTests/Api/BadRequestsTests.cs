using System.Net;
using System.Text;
using RegioFlow.IntegrationTests.Infrastructure;

namespace RegioFlow.IntegrationTests.Api;

/// <summary>Requests the framework itself refuses still get ProblemDetails with a Dutch title, never a 500.</summary>
public sealed class BadRequestsTests(AppFixture app) : IntegrationTest(app)
{
    [Fact]
    public async Task An_unknown_api_path_is_404()
    {
        var client = await App.ClientAsAsync("beheerder");

        var problem = await (await client.GetAsync("/api/bestaat-niet", Cancellation)).AssertProblemAsync(HttpStatusCode.NotFound);

        Assert.Equal("Niet gevonden.", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task A_wrong_method_is_405()
    {
        var client = await App.ClientAsAsync("beheerder");

        var problem = await (await client.DeleteAsync("/api/regions", Cancellation)).AssertProblemAsync(HttpStatusCode.MethodNotAllowed);

        Assert.Equal("Deze methode is hier niet toegestaan.", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_415()
    {
        var client = await App.ClientAsAsync("beheerder");

        var response = await client.PostAsync("/api/organisations", new StringContent("naam=ROC", Encoding.UTF8, "text/plain"), Cancellation);

        var problem = await response.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);
        Assert.Contains("application/json", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task A_query_value_of_the_wrong_type_is_400()
    {
        var client = await App.ClientAsAsync("beheerder");

        await (await client.GetAsync("/api/organisations?region=twee", Cancellation)).AssertProblemAsync(HttpStatusCode.BadRequest);
    }
}

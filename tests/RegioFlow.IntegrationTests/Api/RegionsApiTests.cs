using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using RegioFlow.IntegrationTests.Infrastructure;

namespace RegioFlow.IntegrationTests.Api;

public sealed class RegionsApiTests(AppFixture app) : IntegrationTest(app)
{
    [Fact]
    public async Task Lists_the_ten_seeded_labour_market_regions()
    {
        var client = await App.ClientAsAsync("aanvrager");

        var regions = await client.GetFromJsonAsync<JsonElement>("/api/regions", Cancellation);

        var names = regions.EnumerateArray().Select(r => r.GetProperty("name").GetString()).ToList();
        Assert.Equal(10, names.Count);
        Assert.Contains("Achterhoek", names);
        Assert.Contains("Zuid-Holland Centraal", names);
        // The seed file has 90 gemeente rows; every one is attached to its region.
        Assert.Equal(90, regions.EnumerateArray().Sum(r => r.GetProperty("gemeenteCount").GetInt32()));
    }

    [Fact]
    public async Task A_region_comes_with_its_gemeenten()
    {
        var client = await App.ClientAsAsync("aanvrager");
        var regions = await client.GetFromJsonAsync<JsonElement>("/api/regions", Cancellation);
        var achterhoek = regions.EnumerateArray().Single(r => r.GetProperty("code").GetString() == "achterhoek");

        var region = await client.GetFromJsonAsync<JsonElement>($"/api/regions/{achterhoek.GetProperty("id").GetInt32()}", Cancellation);

        Assert.Equal("Doetinchem", region.GetProperty("centrumgemeente").GetString());
        var gemeenten = region.GetProperty("gemeenten").EnumerateArray().Select(g => g.GetProperty("name").GetString()).ToList();
        Assert.Equal(8, gemeenten.Count);
        Assert.Contains("Winterswijk", gemeenten);
    }

    [Fact]
    public async Task An_unknown_region_is_404_problem_details()
    {
        var client = await App.ClientAsAsync("aanvrager");

        var response = await client.GetAsync("/api/regions/424242", Cancellation);

        var problem = await response.AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Contains("424242", problem.GetProperty("detail").GetString());
    }
}

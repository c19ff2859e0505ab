using System.Net;
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

using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using RegioFlow.Auth;
using RegioFlow.Domain;
using RegioFlow.IntegrationTests.Infrastructure;

namespace RegioFlow.IntegrationTests.Applications;

/// <summary>Fund administrators manage the conditions of their own fund's schemes.</summary>
public sealed class SchemesApiTests(AppFixture app) : SubsidyTest(app)
{
    [Fact]
    public async Task The_fund_administrator_changes_the_window_and_maximum_and_the_scheme_shows_them()
    {
        var fund = await App.ClientAsAsync("fondsbeheerder");
        var (url, terms) = await TermsAsync(fund);
        terms["windowCloses"] = "2026-06-30";
        terms["maxAmount"] = 150_000m;

        var response = await fund.PutAsJsonAsync(url, new { terms }, Cancellation);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var scheme = await SchemeAsync();
        Assert.Equal((new DateOnly(2026, 6, 30), 150_000m), (scheme.WindowCloses, scheme.MaxAmount));
        Assert.Equal("150000.00", (await fund.GetFromJsonAsync<JsonElement>(url, Cancellation)).GetProperty("terms").GetProperty("maxAmount").GetDecimal().ToString("0.00", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task The_ceiling_cannot_drop_below_what_is_already_granted()
    {
        var id = await ReadyForDecisionAsync(100_000m);
        await SendAsync(await App.ClientAsAsync("beslisser"), $"/api/applications/{id}/decision", new { decision = "toekennen", amount = 100_000m });
        var fund = await App.ClientAsAsync("fondsbeheerder");
        var (url, terms) = await TermsAsync(fund);
        terms["budgetCeiling"] = 90_000m;
        terms["maxAmount"] = 50_000m;

        var response = await fund.PutAsJsonAsync(url, new { terms }, Cancellation);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("niet lager zijn dan wat al is toegekend", problem.GetProperty("errors").GetProperty("terms.budgetCeiling")[0].GetString());
        Assert.Equal(2_000_000m, (await SchemeAsync()).BudgetCeiling);
    }

    [Fact]
    public async Task Bad_conditions_are_400_per_field_and_change_nothing()
    {
        var fund = await App.ClientAsAsync("fondsbeheerder");
        var (url, terms) = await TermsAsync(fund);
        terms["advancePercent"] = 140;
        terms["windowCloses"] = "2020-01-01";
        terms["checklistId"] = "bestaat-niet";

        var problem = await (await fund.PutAsJsonAsync(url, new { terms }, Cancellation)).AssertProblemAsync(HttpStatusCode.BadRequest);

        var errors = problem.GetProperty("errors");
        Assert.Contains("0 tot en met 100", errors.GetProperty("terms.advancePercent")[0].GetString());
        Assert.Contains("sluit vóór het opent", errors.GetProperty("terms.windowCloses")[0].GetString());
        Assert.Contains("Er is geen toetsingskader 'bestaat-niet'", errors.GetProperty("terms.checklistId")[0].GetString());
        Assert.Equal(40, (await SchemeAsync()).AdvancePercent);
    }

    [Fact]
    public async Task A_fund_administrator_of_another_organisation_may_not_change_the_scheme()
    {
        var fund = await App.ClientAsAsync("fondsbeheerder");
        var (url, terms) = await TermsAsync(fund);
        terms["maxAmount"] = 1m;
        var other = App.ClientWithClaims([new Claim(RegioFlowClaims.Subject, "fonds-elders"), new Claim(RegioFlowClaims.Role, nameof(Role.FundAdministrator))]);
        var lead = await App.ClientAsAsync("initiatiefnemer");

        await (await other.PutAsJsonAsync(url, new { terms }, Cancellation)).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await lead.PutAsJsonAsync(url, new { terms }, Cancellation)).AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(250_000m, (await SchemeAsync()).MaxAmount);
        Assert.Equal(0, await App.QueryAsync(db => db.AuditTrail.CountAsync(a => a.EntityType == nameof(Scheme) && a.Action == "Modified", Cancellation)));
    }

    private async Task<(string Url, JsonObject Terms)> TermsAsync(HttpClient client)
    {
        var url = $"/api/schemes/{await SchemeIdAsync()}";
        var scheme = await client.GetFromJsonAsync<JsonObject>(url, Cancellation);
        return (url, scheme!["terms"]!.AsObject().DeepClone().AsObject());
    }
}

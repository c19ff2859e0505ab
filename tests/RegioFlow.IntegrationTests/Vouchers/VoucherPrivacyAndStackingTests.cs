using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using RegioFlow.Domain;
using RegioFlow.IntegrationTests.Infrastructure;

namespace RegioFlow.IntegrationTests.Vouchers;

/// <summary>Who sees which voucher and its personal data, and the fund administrator's stacking check across schemes.</summary>
public sealed class VoucherPrivacyAndStackingTests(AppFixture app) : VoucherTest(app)
{
    [Fact]
    public async Task The_provider_and_oversight_see_an_issued_voucher_without_personal_data_and_another_resident_sees_nothing()
    {
        await AddPersonAsync("aanvrager-2", Role.VoucherApplicant);
        var resident = await App.ClientAsAsync("aanvrager");
        var fund = await App.ClientAsAsync("fondsbeheerder");
        var provider = await App.ClientAsAsync("opleider");
        var stranger = await App.ClientAsAsync("aanvrager-2");
        var id = (await RequestAsync(resident, Body(await OpijverIdAsync(), await ProviderIdAsync()))).GetProperty("id").GetGuid();

        // Before it is issued the provider has nothing to do with it.
        await (await provider.GetAsync($"/api/vouchers/{id}", Cancellation)).AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(0, (await provider.GetFromJsonAsync<JsonElement>("/api/vouchers", Cancellation)).GetArrayLength());
        Assert.Equal(HttpStatusCode.OK, (await DecideAsync(fund, id, "uitgeven")).StatusCode);

        foreach (var login in new[] { "opleider", "toezicht" })
        {
            var client = await App.ClientAsAsync(login);
            var seen = Assert.Single((await client.GetFromJsonAsync<JsonElement>("/api/vouchers", Cancellation)).EnumerateArray());
            var one = await client.GetFromJsonAsync<JsonElement>($"/api/vouchers/{id}", Cancellation);
            foreach (var voucher in new[] { seen, one })
            {
                foreach (var field in new[] { "personName", "dateOfBirth", "email", "employerName", "code" })
                {
                    Assert.True(voucher.GetProperty(field).ValueKind == JsonValueKind.Null, $"{login} sees {field}: {voucher.GetProperty(field)}");
                }

                Assert.Equal((2_010m, "Doetinchem"), (voucher.GetProperty("value").GetDecimal(), voucher.GetProperty("gemeente").GetString()));
            }
        }

        var administered = await fund.GetFromJsonAsync<JsonElement>($"/api/vouchers/{id}", Cancellation);
        Assert.Equal(("Jan de Groot", "1990-05-01", "jan@example.invalid"), (administered.GetProperty("personName").GetString(),
            administered.GetProperty("dateOfBirth").GetString(), administered.GetProperty("email").GetString()));

        await (await stranger.GetAsync($"/api/vouchers/{id}", Cancellation)).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await stranger.GetAsync($"/api/vouchers/{Guid.NewGuid()}", Cancellation)).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(0, (await stranger.GetFromJsonAsync<JsonElement>("/api/vouchers", Cancellation)).GetArrayLength());
        await (await DecideAsync(stranger, id, "afwijzen", "Niet mijn voucher.")).AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task An_employer_requests_for_an_employee_and_a_colleague_sees_the_request_without_personal_data()
    {
        await AddPersonAsync("werkgever", Role.InitiativeLead, "Installatiebedrijf Oost BV");
        await AddPersonAsync("werkgever-collega", Role.InitiativeLead, "Installatiebedrijf Oost BV");
        var employer = await App.ClientAsAsync("werkgever");
        var employerId = await App.QueryAsync(db => db.Organisations.Where(o => o.Name == "Installatiebedrijf Oost BV").Select(o => o.Id).SingleAsync(Cancellation));

        var requested = await RequestAsync(employer, Body(await OpijverIdAsync(), await ProviderIdAsync(), name: "Piet Werknemer"));

        Assert.Equal((employerId, "Piet Werknemer"), (requested.GetProperty("requestedForOrganisationId").GetGuid(), requested.GetProperty("personName").GetString()));
        var colleague = await App.ClientAsAsync("werkgever-collega");
        var seen = Assert.Single((await colleague.GetFromJsonAsync<JsonElement>("/api/vouchers", Cancellation)).EnumerateArray());
        Assert.Equal(JsonValueKind.Null, seen.GetProperty("personName").ValueKind);
    }

    [Fact]
    public async Task The_stacking_check_warns_of_an_active_voucher_of_the_same_person_from_the_other_scheme()
    {
        await AddPersonAsync("fondsbeheerder-rotterdam", Role.FundAdministrator, "Gemeente Rotterdam");
        await AddPersonAsync("aanvrager-2", Role.VoucherApplicant);
        var provider = await ProviderIdAsync();
        // The same person, typed differently, asked the Rotterdam fund before moving to the Achterhoek.
        var rotterdam = await RequestAsync(await App.ClientAsAsync("aanvrager-2"),
            Body(await RotterdamIdAsync(), provider, name: "José  de Vries", gemeente: "Rotterdam", recognised: true, training: "Monteur warmtepompen", startDate: "2026-04-01"));
        var other = await RequestAsync(await App.ClientAsAsync("aanvrager-2"), Body(await RotterdamIdAsync(), provider, name: "Someone Else", gemeente: "Rotterdam", recognised: true));
        var achterhoek = (await RequestAsync(await App.ClientAsAsync("aanvrager"), Body(await OpijverIdAsync(), provider, name: "jose de vries", dateOfBirth: "1990-05-01")))
            .GetProperty("id").GetGuid();
        var fund = await App.ClientAsAsync("fondsbeheerder");

        var stacking = await fund.GetFromJsonAsync<JsonElement>($"/api/vouchers/{achterhoek}/stacking", Cancellation);

        Assert.Contains("Rotterdams Scholingsfonds", stacking.GetProperty("warning").GetString(), StringComparison.Ordinal);
        var stacked = Assert.Single(stacking.GetProperty("others").EnumerateArray());
        Assert.Equal((rotterdam.GetProperty("id").GetGuid(), "aangevraagd", "Rotterdams Scholingsfonds"),
            (stacked.GetProperty("id").GetGuid(), stacked.GetProperty("state").GetString(), stacked.GetProperty("schemeName").GetString()));
        Assert.Equal("Dezelfde opleider en een vergelijkbare opleiding.", stacked.GetProperty("overlapReason").GetString());
        Assert.NotEqual(other.GetProperty("id").GetGuid(), stacked.GetProperty("id").GetGuid());

        // Once the Rotterdam request is rejected it no longer stacks.
        Assert.Equal(HttpStatusCode.OK, (await DecideAsync(await App.ClientAsAsync("fondsbeheerder-rotterdam"), rotterdam.GetProperty("id").GetGuid(), "afwijzen", "Verhuisd.")).StatusCode);
        var after = await fund.GetFromJsonAsync<JsonElement>($"/api/vouchers/{achterhoek}/stacking", Cancellation);
        Assert.Equal((JsonValueKind.Null, 0), (after.GetProperty("warning").ValueKind, after.GetProperty("others").GetArrayLength()));
    }

    [Fact]
    public async Task Only_the_fund_administrator_of_the_scheme_sees_the_stacking_check()
    {
        await AddPersonAsync("fondsbeheerder-rotterdam", Role.FundAdministrator, "Gemeente Rotterdam");
        var id = (await RequestAsync(await App.ClientAsAsync("aanvrager"), Body(await OpijverIdAsync(), await ProviderIdAsync()))).GetProperty("id").GetGuid();

        foreach (var login in new[] { "aanvrager", "toezicht" })
        {
            await (await (await App.ClientAsAsync(login)).GetAsync($"/api/vouchers/{id}/stacking", Cancellation)).AssertProblemAsync(HttpStatusCode.Forbidden);
        }

        await (await (await App.ClientAsAsync("fondsbeheerder-rotterdam")).GetAsync($"/api/vouchers/{id}/stacking", Cancellation)).AssertProblemAsync(HttpStatusCode.Forbidden);
    }
}

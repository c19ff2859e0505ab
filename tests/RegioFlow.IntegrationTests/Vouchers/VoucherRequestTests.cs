using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using RegioFlow.Data;
using RegioFlow.Domain;
using RegioFlow.Features.Vouchers;
using RegioFlow.IntegrationTests.Infrastructure;

namespace RegioFlow.IntegrationTests.Vouchers;

/// <summary>A resident requests a training voucher; the rules are checked at once; the fund administrator issues or rejects it.</summary>
public sealed partial class VoucherRequestTests(AppFixture app) : VoucherTest(app)
{
    [GeneratedRegex("^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$")]
    private static partial Regex CodeFormat();

    [Fact]
    public async Task An_eligible_request_is_issued_with_the_employer_share_a_code_an_expiry_and_the_value_committed()
    {
        var resident = await App.ClientAsAsync("aanvrager");
        var fund = await App.ClientAsAsync("fondsbeheerder");
        var requested = await RequestAsync(resident, Body(await OpijverIdAsync(), await ProviderIdAsync()));
        Assert.Equal(("aangevraagd", true), (requested.GetProperty("state").GetString(), requested.GetProperty("eligible").GetBoolean()));
        Assert.Equal(5, requested.GetProperty("eligibility").GetArrayLength());
        var id = requested.GetProperty("id").GetGuid();

        var response = await DecideAsync(fund, id, "uitgeven");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var issued = await response.Content.ReadFromJsonAsync<JsonElement>(Cancellation);
        // Employed: the employer pays 33 % of € 3,000 = € 990; the fund € 2,010 (under the € 2,500 maximum).
        Assert.Equal(("uitgegeven", 990m, 2_010m, "2026-07-05"), (issued.GetProperty("state").GetString(), issued.GetProperty("employerShare").GetDecimal(),
            issued.GetProperty("value").GetDecimal(), issued.GetProperty("expiresOn").GetString()));
        var code = issued.GetProperty("code").GetString()!;
        Assert.Matches(CodeFormat(), code);
        Assert.Equal(code, VoucherCode.Normalise(code.ToLowerInvariant().Replace("-", " ", StringComparison.Ordinal), out var checkOk));
        Assert.True(checkOk);
        Assert.Equal(2_010m, (await SchemeNamedAsync(DemoDataSeeder.OpijverName)).Committed);

        // The expiry falls at the end of 5 July (Amsterdam, summer time); the reminder 30 days before, at 09:00.
        var caseId = issued.GetProperty("caseId").GetGuid();
        var deadlines = await App.QueryAsync(db => db.CaseDeadlines.AsNoTracking().Where(d => d.CaseId == caseId && d.State == "uitgegeven")
            .ToDictionaryAsync(d => d.TimerId, d => d.DueAt, Cancellation));
        Assert.Equal(new DateTimeOffset(2026, 7, 5, 22, 0, 0, TimeSpan.Zero), deadlines["verloop"]);
        Assert.Equal(new DateTimeOffset(2026, 6, 5, 7, 0, 0, TimeSpan.Zero), deadlines["herinnering-verloop"]);

        await DeliverNotificationsAsync();
        var notified = await App.QueryAsync(db => db.Notifications.AsNoTracking().Where(n => n.CaseId == caseId && n.Notification == "voucher-uitgegeven")
            .Select(n => n.Recipient).ToListAsync(Cancellation));
        Assert.Equal(["aanvrager"], notified);

        var mine = await resident.GetFromJsonAsync<JsonElement>($"/api/vouchers/{id}", Cancellation);
        Assert.Equal((code, "Jan de Groot"), (mine.GetProperty("code").GetString(), mine.GetProperty("personName").GetString()));
    }

    [Fact]
    public async Task A_jobseeker_pays_nothing_and_the_value_is_capped_at_the_scheme_maximum()
    {
        var resident = await App.ClientAsAsync("aanvrager");
        var requested = await RequestAsync(resident, Body(await OpijverIdAsync(), await ProviderIdAsync(), employmentStatus: "Werkzoekend", price: 4_200m));

        var response = await DecideAsync(await App.ClientAsAsync("fondsbeheerder"), requested.GetProperty("id").GetGuid(), "uitgeven");

        var issued = await response.Content.ReadFromJsonAsync<JsonElement>(Cancellation);
        Assert.Equal((0m, 2_500m), (issued.GetProperty("employerShare").GetDecimal(), issued.GetProperty("value").GetDecimal()));
        Assert.Equal(2_500m, (await SchemeNamedAsync(DemoDataSeeder.OpijverName)).Committed);
    }

    public static TheoryData<string, string, string, bool, string, string> FailedRules => new()
    {
        // scheme, date of birth, gemeente, recognised, rule, reason (the fake clock says 5 January 2026)
        { "opijver", "2008-06-01", "Doetinchem", false, "leeftijd", "U bent 17 jaar; deze regeling is voor 18 tot en met 67 jaar." },
        { "opijver", "1957-06-01", "Doetinchem", false, "leeftijd", "U bent 68 jaar; deze regeling is voor 18 tot en met 67 jaar." },
        { "opijver", "1990-05-01", "Utrecht", false, "woonplaats", "De gemeente Utrecht hoort niet bij de arbeidsmarktregio Achterhoek" },
        { "rotterdam", "1990-05-01", "Rotterdam", false, "erkende-opleiding", "alleen opleidingen die door OCW erkend of in het NLQF ingeschaald zijn" },
    };

    [Theory]
    [MemberData(nameof(FailedRules))]
    public async Task A_request_failing_a_rule_is_stored_with_the_reason_cannot_be_issued_and_is_rejected_with_a_motivation(
        string scheme, string dateOfBirth, string gemeente, bool recognised, string rule, string reason)
    {
        var rotterdam = scheme == "rotterdam";
        var fundLogin = "fondsbeheerder";
        if (rotterdam)
        {
            fundLogin = "fondsbeheerder-rotterdam";
            await AddPersonAsync(fundLogin, Role.FundAdministrator, "Gemeente Rotterdam");
        }

        var schemeId = rotterdam ? await RotterdamIdAsync() : await OpijverIdAsync();
        var resident = await App.ClientAsAsync("aanvrager");
        var fund = await App.ClientAsAsync(fundLogin);
        var requested = await RequestAsync(resident, Body(schemeId, await ProviderIdAsync(), dateOfBirth: dateOfBirth, gemeente: gemeente, recognised: recognised));
        var id = requested.GetProperty("id").GetGuid();

        Assert.False(requested.GetProperty("eligible").GetBoolean());
        var stored = await App.QueryAsync(db => db.Vouchers.AsNoTracking().SingleAsync(v => v.Id == id, Cancellation));
        var failed = Assert.Single(stored.Eligibility, r => !r.Passed);
        Assert.Equal(rule, failed.Rule);
        Assert.Contains(reason, failed.Reason, StringComparison.Ordinal);

        var refused = await (await DecideAsync(fund, id, "uitgeven")).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains(reason, refused.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("aangevraagd", await VoucherStateAsync(id));
        Assert.Equal(0m, (await App.QueryAsync(db => db.Schemes.AsNoTracking().SingleAsync(s => s.Id == schemeId, Cancellation))).Committed);

        var unmotivated = await (await DecideAsync(fund, id, "afwijzen")).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(unmotivated.GetProperty("errors").TryGetProperty("motivation", out _), unmotivated.ToString());
        Assert.Equal("aangevraagd", await VoucherStateAsync(id));

        var rejected = await DecideAsync(fund, id, "afwijzen", "Voldoet niet aan de voorwaarden van de regeling.");

        Assert.Equal(HttpStatusCode.OK, rejected.StatusCode);
        Assert.Equal("afgewezen", await VoucherStateAsync(id));
        var after = await App.QueryAsync(db => db.Vouchers.AsNoTracking().SingleAsync(v => v.Id == id, Cancellation));
        Assert.Equal(("Voldoet niet aan de voorwaarden van de regeling.", (string?)null), (after.DecisionMotivation, after.Code));
        Assert.NotNull(after.ClosedAt);
    }

    [Fact]
    public async Task The_eligibility_check_answers_with_every_rule_and_stores_nothing()
    {
        var resident = await App.ClientAsAsync("aanvrager");

        var response = await resident.PostAsJsonAsync("/api/vouchers/eligibility",
            Body(await OpijverIdAsync(), await ProviderIdAsync(), dateOfBirth: "2008-06-01", gemeente: "Utrecht"), Cancellation);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await response.Content.ReadFromJsonAsync<JsonElement>(Cancellation);
        Assert.Equal((false, 17), (result.GetProperty("eligible").GetBoolean(), result.GetProperty("age").GetInt32()));
        var failed = result.GetProperty("results").EnumerateArray().Where(r => !r.GetProperty("passed").GetBoolean()).Select(r => r.GetProperty("rule").GetString()).ToList();
        Assert.Equal(["leeftijd", "woonplaats"], failed);
        Assert.Equal((0, 0), await App.QueryAsync(async db => (await db.Vouchers.CountAsync(Cancellation), await db.Cases.CountAsync(c => c.DefinitionId == "scholingsvoucher", Cancellation))));
    }

    [Fact]
    public async Task Bad_input_gets_a_Dutch_message_per_field_and_nothing_is_stored()
    {
        var resident = await App.ClientAsAsync("aanvrager");
        var regioDeal = await SchemeIdAsync();
        var notAProvider = await App.QueryAsync(db => db.Organisations.Where(o => o.Name == "Regio Achterhoek").Select(o => o.Id).SingleAsync(Cancellation));

        var response = await resident.PostAsJsonAsync("/api/vouchers", new
        {
            schemeId = regioDeal,
            person = new { name = "", gemeente = "Doetinchem", employmentStatus = "Gepensioneerd", email = "geen-adres" },
            training = new { providerOrganisationId = notAProvider, name = "Lassen", recognised = true, price = -5m },
        }, Cancellation);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        Assert.Equal("Er is geen voucherregeling met dit id.", errors.GetProperty("schemeId")[0].GetString());
        Assert.Equal("Vul de naam in.", errors.GetProperty("person.name")[0].GetString());
        Assert.Equal("Vul de geboortedatum in.", errors.GetProperty("person.dateOfBirth")[0].GetString());
        Assert.Equal("Vul een geldig e-mailadres in.", errors.GetProperty("person.email")[0].GetString());
        Assert.StartsWith("Kies de arbeidssituatie", errors.GetProperty("person.employmentStatus")[0].GetString(), StringComparison.Ordinal);
        Assert.StartsWith("Er is geen opleider", errors.GetProperty("training.providerOrganisationId")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal("De prijs mag niet negatief zijn.", errors.GetProperty("training.price")[0].GetString());
        Assert.Equal(0, await App.QueryAsync(db => db.Vouchers.CountAsync(Cancellation)));
    }

    [Fact]
    public async Task Someone_who_is_neither_a_resident_nor_an_employer_cannot_request()
    {
        var lead = await App.ClientAsAsync("initiatiefnemer");

        var response = await lead.PostAsJsonAsync("/api/vouchers", Body(await OpijverIdAsync(), await ProviderIdAsync()), Cancellation);

        await response.AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(0, await App.QueryAsync(db => db.Vouchers.CountAsync(Cancellation)));
    }

    [Fact]
    public async Task Two_issues_at_the_same_moment_with_room_for_one_give_one_voucher_and_one_409()
    {
        await App.QueryAsync(db => db.Schemes.Where(s => s.Name == DemoDataSeeder.OpijverName)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.BudgetCeiling, 3_000m), Cancellation));
        var resident = await App.ClientAsAsync("aanvrager");
        var fund = await App.ClientAsAsync("fondsbeheerder");
        var scheme = await OpijverIdAsync();
        var provider = await ProviderIdAsync();
        var first = (await RequestAsync(resident, Body(scheme, provider, name: "Anna Jansen"))).GetProperty("id").GetGuid();
        var second = (await RequestAsync(resident, Body(scheme, provider, name: "Kees Jansen"))).GetProperty("id").GetGuid();

        var responses = await Task.WhenAll(DecideAsync(fund, first, "uitgeven"), DecideAsync(fund, second, "uitgeven"));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        var problem = await responses.Single(r => r.StatusCode != HttpStatusCode.OK).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("Budget ontoereikend", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var vouchers = await App.QueryAsync(db => db.Vouchers.AsNoTracking().ToListAsync(Cancellation));
        var issued = Assert.Single(vouchers, v => v.Code is not null);
        Assert.Equal(2_010m, (await SchemeNamedAsync(DemoDataSeeder.OpijverName)).Committed);
        Assert.Equal(issued.Value, (await SchemeNamedAsync(DemoDataSeeder.OpijverName)).Committed);
        Assert.Equal("aangevraagd", await VoucherStateAsync(vouchers.Single(v => v.Code is null).Id));
    }

    [Fact]
    public async Task The_generic_case_route_refuses_the_issue_step()
    {
        var requested = await RequestAsync(await App.ClientAsAsync("aanvrager"), Body(await OpijverIdAsync(), await ProviderIdAsync()));

        var response = await (await App.ClientAsAsync("fondsbeheerder")).PostAsJsonAsync(
            $"/api/cases/{requested.GetProperty("caseId").GetGuid()}/triggers/uitgeven", new { }, Cancellation);

        var problem = await response.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("/api/vouchers/{id}/decision", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("aangevraagd", await VoucherStateAsync(requested.GetProperty("id").GetGuid()));
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using RegioFlow.Auth;
using RegioFlow.Domain;
using RegioFlow.IntegrationTests.Applications;
using RegioFlow.IntegrationTests.Infrastructure;

namespace RegioFlow.IntegrationTests.Initiatives;

/// <summary>The initiative register (/api/initiatives) and the similar-initiative ranking behind checklist question TK-06.</summary>
public sealed class InitiativeTests(AppFixture app) : SubsidyTest(app)
{
    [Fact]
    public async Task The_similar_list_ranks_a_similar_initiative_above_a_dissimilar_one_and_shows_the_shared_words()
    {
        var lead = await App.ClientAsAsync("initiatiefnemer");
        var target = await CreateAsync(lead, 100_000m);
        var similar = await CreateWithAsync(lead, "Omscholing tot monteur installatietechniek", "Installatiebedrijven hebben te weinig monteurs.",
            "Werkzoekenden en zij-instromers omscholen tot monteur.", ["techniek"], ["zij-instromers"]);
        var dissimilar = await CreateWithAsync(lead, "Taalcoaching in de kinderopvang Achterhoek", "Pedagogisch medewerkers met een andere moedertaal vallen uit.",
            "Veertig medewerkers halen taalniveau 2F.", ["kinderopvang"], ["anderstaligen"]);

        var list = await lead.GetFromJsonAsync<JsonElement>($"/api/initiatives/{await InitiativeIdAsync(target)}/similar", Cancellation);

        var ranked = list.EnumerateArray().ToList();
        Assert.Equal([await InitiativeIdAsync(similar), await InitiativeIdAsync(dissimilar)], ranked.Select(r => r.GetProperty("id").GetGuid()));
        Assert.True(ranked[0].GetProperty("score").GetDouble() > ranked[1].GetProperty("score").GetDouble());
        Assert.InRange(ranked[0].GetProperty("score").GetDouble(), 0.0, 1.0);
        var shared = ranked[0].GetProperty("sharedWords").EnumerateArray().Select(w => w.GetString()).ToList();
        Assert.Contains("monteur", shared);
        Assert.Contains("installatiebedrijven", shared);
        Assert.Contains("instromers", shared);
        Assert.Equal(["achterhoek"], ranked[1].GetProperty("sharedWords").EnumerateArray().Select(w => w.GetString()));
        Assert.Equal("Graafschap College", ranked[0].GetProperty("organisation").GetString());

        // The checklist shows the same ranking under TK-06 ("lopen er vergelijkbare projecten?").
        var checklist = await lead.GetFromJsonAsync<JsonElement>($"/api/applications/{Id(target)}/checklist", Cancellation);
        var tk06 = checklist.GetProperty("checklist").GetProperty("items").EnumerateArray().Single(i => i.GetProperty("code").GetString() == "TK-06");
        Assert.Equal(await InitiativeIdAsync(similar), tk06.GetProperty("similarInitiatives")[0].GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task Initiatives_are_visible_to_their_organisation_to_whom_sees_an_application_for_them_and_to_oversight()
    {
        var lead = await App.ClientAsAsync("initiatiefnemer");
        var atTable = await CreateAsync(lead, 100_000m);
        var draft = await CreateWithAsync(lead, "Zij-instroom techniek Achterhoek, tweede ronde", "Nog steeds te weinig monteurs.", "Nog eens zestig zij-instromers.", ["techniek"], ["zij-instromers"]);
        await SendAsync(lead, $"/api/applications/{Id(atTable)}/submit", new { });
        var fund = await App.ClientAsAsync("fondsbeheerder");
        await SendAsync(fund, $"/api/cases/{atTable.GetProperty("caseId").GetGuid()}/triggers/in-behandeling-nemen", new { });
        await SendAsync(fund, $"/api/cases/{atTable.GetProperty("caseId").GetGuid()}/triggers/volledig", new { });
        var member = await App.ClientAsAsync("tafellid");
        var stranger = App.ClientWithClaims([new Claim(RegioFlowClaims.Subject, "andere-initiatiefnemer"), new Claim(RegioFlowClaims.Role, nameof(Role.InitiativeLead))]);

        Assert.Equal(2, (await lead.GetFromJsonAsync<JsonElement>("/api/initiatives", Cancellation)).GetProperty("items").GetArrayLength());
        Assert.Equal(2, (await (await App.ClientAsAsync("toezicht")).GetFromJsonAsync<JsonElement>("/api/initiatives", Cancellation)).GetProperty("total").GetInt32());
        var seenByMember = (await member.GetFromJsonAsync<JsonElement>("/api/initiatives", Cancellation)).GetProperty("items").EnumerateArray().Single();
        Assert.Equal(await InitiativeIdAsync(atTable), seenByMember.GetProperty("id").GetGuid());
        // Another organisation's lead sees the submitted initiative in the register, never the draft nor its application.
        var seenByStranger = (await stranger.GetFromJsonAsync<JsonElement>("/api/initiatives", Cancellation)).GetProperty("items").EnumerateArray().Single();
        Assert.Equal(await InitiativeIdAsync(atTable), seenByStranger.GetProperty("id").GetGuid());
        Assert.Empty((await stranger.GetFromJsonAsync<JsonElement>($"/api/initiatives/{await InitiativeIdAsync(atTable)}", Cancellation)).GetProperty("applications").EnumerateArray());
        await (await stranger.GetAsync($"/api/initiatives/{await InitiativeIdAsync(draft)}", Cancellation)).AssertProblemAsync(HttpStatusCode.Forbidden);

        var detail = await member.GetFromJsonAsync<JsonElement>($"/api/initiatives/{await InitiativeIdAsync(atTable)}", Cancellation);
        Assert.Equal(("Graafschap College", "toetsing"), (detail.GetProperty("organisation").GetString(), detail.GetProperty("applications")[0].GetProperty("state").GetString()));
        await (await member.GetAsync($"/api/initiatives/{await InitiativeIdAsync(draft)}", Cancellation)).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await stranger.GetAsync($"/api/initiatives/{await InitiativeIdAsync(draft)}/similar", Cancellation)).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await lead.GetAsync($"/api/initiatives/{Guid.NewGuid()}", Cancellation)).AssertProblemAsync(HttpStatusCode.NotFound);

        // The ranking compares only within what the caller may see: the member never learns of the other draft.
        Assert.Empty((await member.GetFromJsonAsync<JsonElement>($"/api/initiatives/{await InitiativeIdAsync(atTable)}/similar", Cancellation)).EnumerateArray());
        Assert.Equal(await InitiativeIdAsync(draft), (await lead.GetFromJsonAsync<JsonElement>($"/api/initiatives/{await InitiativeIdAsync(atTable)}/similar", Cancellation))[0].GetProperty("id").GetGuid());
    }

    private Task<Guid> InitiativeIdAsync(JsonElement application)
    {
        var id = Id(application);
        return App.QueryAsync(db => db.FundingApplications.Where(a => a.Id == id).Select(a => a.InitiativeId).SingleAsync(Cancellation));
    }

    private async Task<JsonElement> CreateWithAsync(HttpClient lead, string title, string problem, string goals, string[] sectors, string[] targetGroups)
    {
        var body = JsonSerializer.SerializeToNode(Draft(await SchemeIdAsync(), 50_000m))!;
        var initiative = body["initiative"]!;
        initiative["title"] = title;
        initiative["problem"] = problem;
        initiative["goals"] = goals;
        initiative["sectors"] = new JsonArray([.. sectors.Select(s => JsonValue.Create(s))]);
        initiative["targetGroups"] = new JsonArray([.. targetGroups.Select(s => JsonValue.Create(s))]);
        var response = await lead.PostAsJsonAsync("/api/applications", body, Cancellation);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Cancellation));
        return await response.Content.ReadFromJsonAsync<JsonElement>(Cancellation);
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using RegioFlow.IntegrationTests.Applications;
using RegioFlow.IntegrationTests.Infrastructure;

namespace RegioFlow.IntegrationTests.Initiatives;

/// <summary>
/// Pinned pairs on the real Zuid-Holland inventory: a new application's text and the inventory initiatives a fund
/// administrator would call "the same thing" must be among its ten similar initiatives ("niet nieuw, tenzij").
/// </summary>
public sealed class SimilarityPairsTests(AppFixture app) : SubsidyTest(app)
{
    private async Task ImportInventoryAsync()
    {
        var fund = await App.ClientAsAsync("fondsbeheerder");
        var response = await fund.PostAsync(ImportTests.ImportPath(ImportTests.Source, false, "&sector=techniek"), ImportTests.Csv(ImportTests.InventoryCsv), Cancellation);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static List<string> Names(JsonElement list) => [.. list.EnumerateArray().Select(s => s.GetProperty("title").GetString()!)];

    private static void AssertAmong(IReadOnlyList<string> expected, List<string> top10)
    {
        Assert.True(top10.Count <= 10);
        foreach (var name in expected)
        {
            Assert.True(top10.Contains(name), $"'{name}' is not among the ten similar: {string.Join(" | ", top10)}");
        }
    }

    [Fact]
    public async Task A_new_application_for_a_bouw_bedrijfstakschool_in_Leiden_lists_the_four_bouw_bedrijfstakscholen()
    {
        await ImportInventoryAsync();
        var lead = await App.ClientAsAsync("initiatiefnemer");

        // "Bestaat dit al?" on the form, before the draft is saved, gives the same list.
        var unsaved = await lead.PostAsJsonAsync("/api/initiatives/similar", new
        {
            title = "Bedrijfstakschool bouw in Leiden voor zij-instromers",
            problem = "Bouwbedrijven in Leiden en omgeving vinden te weinig vakmensen.",
            goals = "Veertig zij-instromers in twee jaar opleiden tot timmerman of metselaar.",
            sectors = new[] { "techniek" },
            targetGroups = new[] { "zij-instromers" },
        }, Cancellation);
        Assert.Equal(HttpStatusCode.OK, unsaved.StatusCode);
        var unsavedNames = Names(await unsaved.Content.ReadFromJsonAsync<JsonElement>(Cancellation));

        var body = JsonSerializer.SerializeToNode(Draft(await SchemeIdAsync(), 50_000m))!;
        var initiative = body["initiative"]!;
        initiative["title"] = "Bedrijfstakschool bouw in Leiden voor zij-instromers";
        initiative["problem"] = "Bouwbedrijven in Leiden en omgeving vinden te weinig vakmensen.";
        initiative["goals"] = "Veertig zij-instromers in twee jaar opleiden tot timmerman of metselaar.";
        initiative["sectors"] = new JsonArray("techniek");
        initiative["targetGroups"] = new JsonArray("zij-instromers");
        var created = await lead.PostAsJsonAsync("/api/applications", body, Cancellation);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var applicationId = Id(await created.Content.ReadFromJsonAsync<JsonElement>(Cancellation));
        var initiativeId = await App.QueryAsync(db => db.FundingApplications.Where(a => a.Id == applicationId).Select(a => a.InitiativeId).SingleAsync(Cancellation));

        var similar = await lead.GetFromJsonAsync<JsonElement>($"/api/initiatives/{initiativeId}/similar", Cancellation);

        var top10 = Names(similar);
        AssertAmong(["Bouwmensen Leiden", "Bouwmensen Delft", "Bouwmensen Zuid-Holland Zuid", "Rijnmond Bouw"], top10);
        Assert.Equal("Bouwmensen Leiden", top10[0]);
        Assert.Contains("bedrijfstakschool", similar[0].GetProperty("sharedWords").EnumerateArray().Select(w => w.GetString()));
        Assert.Equal(unsavedNames, top10);

        // The application form shows the list on the initiative step, linked to each initiative, without the draft itself.
        var session = new PageSession(App.Factory);
        await session.SignInAsync("initiatiefnemer");
        var (page, html) = await session.GetAsync($"/aanvragen/{applicationId}/bewerken?stap=2");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("<h2 class=\"utrecht-heading-2\" id=\"similar-heading\">Bestaat dit al?</h2>", html);
        Assert.Contains($"href=\"/initiatieven/{similar[0].GetProperty("id").GetGuid()}\">Bouwmensen Leiden</a>", html);
        Assert.DoesNotContain($"href=\"/initiatieven/{initiativeId}\"", html);
        var withApplication = await lead.PostAsJsonAsync("/api/initiatives/similar", new { title = "Bedrijfstakschool bouw in Leiden voor zij-instromers", applicationId }, Cancellation);
        Assert.DoesNotContain(initiativeId, (await withApplication.Content.ReadFromJsonAsync<JsonElement>(Cancellation)).EnumerateArray().Select(s => s.GetProperty("id").GetGuid()));
    }

    [Theory]
    [InlineData("Meer IT-talent voor het mkb in Rotterdam", "Het mkb vindt te weinig ICT-ers; de IT-opleidingen sluiten slecht aan op de vraag van bedrijven.", "IT Campus Rotterdam|IT verband Zuid-Holland")]
    [InlineData("Open dag elektrotechniek en installatietechniek", "Scholieren oriënteren zich op werken en leren in de installatietechniek.", "IW, open dag Elektro-en Installatietechniek")]
    [InlineData("Kiezen voor techniek of zorg in Rotterdam Zuid", "Scholieren begeleiden bij het kiezen van een opleiding in sectoren met perspectief op werk, zoals techniek en zorg.", "Gaan voor een Baan|Sterk Techniek Onderwijs Rotterdam Zuid")]
    [InlineData("Studenten maken kennis met de maritieme sector", "Challenges van maritieme bedrijven voor studenten en young professionals.", "Maritime Delta Student Challenge|Youngship")]
    [InlineData("Kinderen ontdekken de haven en techniek", "Basisschoolleerlingen ontdekken de techniek in de haven.", "Port Rangers")]
    [InlineData("Gezamenlijk opleiden van operators in de procesindustrie", "Operators en onderhoudsmedewerkers voor de petrochemische industrie opleiden.", "CIV Maintenance en Procestechniek Rijnmond")]
    public async Task Text_not_yet_saved_finds_the_inventory_initiatives_that_do_the_same(string title, string problem, string expected)
    {
        await ImportInventoryAsync();
        var lead = await App.ClientAsAsync("initiatiefnemer");

        var response = await lead.PostAsJsonAsync("/api/initiatives/similar", new { title, problem }, Cancellation);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertAmong(expected.Split('|'), Names(await response.Content.ReadFromJsonAsync<JsonElement>(Cancellation)));
    }

    [Fact]
    public async Task The_similar_check_needs_some_text_and_keeps_to_the_lengths_of_an_initiative()
    {
        var lead = await App.ClientAsAsync("initiatiefnemer");

        var empty = await (await lead.PostAsJsonAsync("/api/initiatives/similar", new { title = " ", sectors = new[] { "techniek" } }, Cancellation)).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("Geef ten minste een titel, probleem, doelen of activiteit op om vergelijkbare initiatieven te zoeken.", empty.GetProperty("errors").GetProperty("title")[0].GetString());
        var tooLong = await (await lead.PostAsJsonAsync("/api/initiatives/similar", new { title = new string('a', 301) }, Cancellation)).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("De titel is te lang: hoogstens 300 tekens.", tooLong.GetProperty("errors").GetProperty("title")[0].GetString());
        await (await lead.PostAsync("/api/initiatives/similar", new StringContent("{", System.Text.Encoding.UTF8, "application/json"), Cancellation)).AssertProblemAsync(HttpStatusCode.BadRequest);
        var nothingYet = await lead.PostAsJsonAsync("/api/initiatives/similar", new { title = "Iets heel anders" }, Cancellation);
        Assert.Equal(HttpStatusCode.OK, nothingYet.StatusCode);
        Assert.Empty((await nothingYet.Content.ReadFromJsonAsync<JsonElement>(Cancellation)).EnumerateArray());
    }
}

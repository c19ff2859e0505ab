using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using RegioFlow.Domain;
using RegioFlow.IntegrationTests.Applications;
using RegioFlow.IntegrationTests.Infrastructure;

namespace RegioFlow.IntegrationTests.Initiatives;

/// <summary>
/// The similar list ranks the whole register (not only the newest initiatives) and follows every change at once: the
/// index behind it is kept current by each save.
/// </summary>
public sealed class SimilarIndexTests(AppFixture app) : SubsidyTest(app)
{
    private static Initiative Inventory(string key, string title, string activity, DateTimeOffset createdAt) =>
        new("Inventaris Rivierenland", key, new InitiativeContent(title, "", "", [], ["groen"], null, null, null, [], [], [], [], null),
            new RegisterDetails(activity, null, null, [], InitiativeStatus.Lopend), createdAt);

    [Fact]
    public async Task An_old_initiative_is_found_among_thousands_of_newer_ones_that_resemble_the_text_less()
    {
        // The near-duplicate was registered five years ago; 2,100 initiatives registered since share a word with the text.
        var old = Inventory("oud", "Leerwerkplaats hoveniers Rivierenland", "Zij-instromers leren het hoveniersvak in een leerwerkplaats.", AppFixture.Start.AddYears(-5));
        await App.QueryAsync(async db =>
        {
            db.Initiatives.Add(old);
            db.Initiatives.AddRange(Enumerable.Range(0, 2_100).Select(i =>
                Inventory($"nieuw-{i}", $"Groenonderhoud wijk {i}", $"Bewoners onderhouden het groen in wijk {i} van Rivierenland.", AppFixture.Start.AddDays(-i))));
            return await db.SaveChangesAsync(Cancellation);
        });
        var lead = await App.ClientAsAsync("initiatiefnemer");

        var response = await lead.PostAsJsonAsync("/api/initiatives/similar", new
        {
            title = "Leerwerkplaats voor hoveniers",
            problem = "Hoveniersbedrijven in Rivierenland vinden geen vakmensen; zij-instromers willen het vak leren.",
        }, Cancellation);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var similar = (await response.Content.ReadFromJsonAsync<JsonElement>(Cancellation)).EnumerateArray().ToList();
        Assert.Equal(10, similar.Count);
        Assert.Equal(old.Id, similar[0].GetProperty("id").GetGuid());
        Assert.Equal("Leerwerkplaats hoveniers Rivierenland", similar[0].GetProperty("title").GetString());
        Assert.Contains("hoveniers", similar[0].GetProperty("sharedWords").EnumerateArray().Select(w => w.GetString()));
        Assert.All(similar.Skip(1), s => Assert.StartsWith("Groenonderhoud wijk", s.GetProperty("title").GetString()));
    }

    [Fact]
    public async Task An_initiative_added_or_edited_through_the_API_is_in_the_similar_list_at_once()
    {
        var lead = await App.ClientAsAsync("initiatiefnemer");
        object Text(string title, string problem) => new { title, problem };
        async Task<List<JsonElement>> SimilarAsync(object text)
        {
            var response = await lead.PostAsJsonAsync("/api/initiatives/similar", text, Cancellation);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return [.. (await response.Content.ReadFromJsonAsync<JsonElement>(Cancellation)).EnumerateArray()];
        }

        var glaziers = Text("Vakschool voor glazeniers in de Betuwe", "Glazenwassersbedrijven in de Betuwe vinden geen glazeniers.");
        var roofers = Text("Opleiding dakdekkers Zeeland", "Dakdekkersbedrijven in Zeeland zoeken vakmensen voor platte daken.");
        Assert.Empty(await SimilarAsync(glaziers)); // the list is worked out once before the initiative exists

        var body = JsonSerializer.SerializeToNode(Draft(await SchemeIdAsync(), 50_000m))!;
        body["initiative"]!["title"] = "Glazeniersschool Betuwe";
        body["initiative"]!["problem"] = "Te weinig glazeniers voor de glazenwassersbedrijven in de Betuwe.";
        var created = await lead.PostAsJsonAsync("/api/applications", body, Cancellation);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var applicationId = Id(await created.Content.ReadFromJsonAsync<JsonElement>(Cancellation));
        var initiativeId = await App.QueryAsync(db => db.FundingApplications.Where(a => a.Id == applicationId).Select(a => a.InitiativeId).SingleAsync(Cancellation));

        var added = await SimilarAsync(glaziers);
        Assert.Equal(initiativeId, added[0].GetProperty("id").GetGuid());
        Assert.Equal("Glazeniersschool Betuwe", added[0].GetProperty("title").GetString());
        Assert.Contains("glazeniers", added[0].GetProperty("sharedWords").EnumerateArray().Select(w => w.GetString()));
        Assert.DoesNotContain(initiativeId, (await SimilarAsync(roofers)).Select(s => s.GetProperty("id").GetGuid()));

        // Saving the draft with another text moves it: found by the new text, no longer by the old.
        body["initiative"]!["title"] = "Dakdekkersschool Zeeland";
        body["initiative"]!["problem"] = "Dakdekkersbedrijven in Zeeland zoeken vakmensen voor platte daken.";
        body["initiative"]!["goals"] = "Twintig dakdekkers opleiden.";
        await PutAsync(lead, $"/api/applications/{applicationId}", body);

        var edited = await SimilarAsync(roofers);
        Assert.Equal(initiativeId, edited[0].GetProperty("id").GetGuid());
        Assert.Equal("Dakdekkersschool Zeeland", edited[0].GetProperty("title").GetString());
        Assert.Contains("dakdekkersbedrijven", edited[0].GetProperty("sharedWords").EnumerateArray().Select(w => w.GetString()));
        Assert.DoesNotContain(initiativeId, (await SimilarAsync(glaziers)).Select(s => s.GetProperty("id").GetGuid()));
    }
}

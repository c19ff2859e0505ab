using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using RegioFlow.Domain;
using RegioFlow.IntegrationTests.Infrastructure;

namespace RegioFlow.IntegrationTests.Applications;

/// <summary>Shared steps of the subsidy tests: a complete draft for the seeded Regio Deal scheme, and moving it along.</summary>
public abstract class SubsidyTest(AppFixture app) : IntegrationTest(app)
{
    protected async Task<Guid> ReadyForDecisionAsync(decimal amount)
    {
        var lead = await App.ClientAsAsync("initiatiefnemer");
        var fund = await App.ClientAsAsync("fondsbeheerder");
        var application = await CreateAsync(lead, amount);
        var caseId = application.GetProperty("caseId").GetGuid();
        await SendAsync(lead, $"/api/applications/{Id(application)}/submit", new { });
        await SendAsync(fund, $"/api/cases/{caseId}/triggers/in-behandeling-nemen", new { });
        await SendAsync(fund, $"/api/cases/{caseId}/triggers/volledig", new { });
        await AssessAndAdviseAsync(Id(application));
        return Id(application);
    }

    /// <summary>The three members of the Thematafel Onderwijs &amp; Arbeidsmarkt who assess (the seeded scheme's quorum is three).</summary>
    protected static readonly string[] Assessors = ["tafellid", "tafellid-uwv", "tafellid-werkgevers"];

    /// <summary>
    /// The toetsing of an application in state toetsing: the three members submit full answers to the checklist, then
    /// the chair gives <paramref name="advice"/>, which moves the case to besluitvorming (or refuses, e.g. on an unmet guard).
    /// </summary>
    protected async Task AssessAndAdviseAsync(Guid applicationId, string advice = "positief")
    {
        var answers = await FullAnswersAsync();
        foreach (var login in Assessors)
        {
            await PutAsync(await App.ClientAsAsync(login), $"/api/applications/{applicationId}/checklist/answers", new { answers, submit = true });
        }

        await SendAsync(await App.ClientAsAsync("tafelvoorzitter"), $"/api/applications/{applicationId}/checklist/advice",
            new { advice, motivation = "Past bij de speerpunten; de borging is geregeld." });
    }

    /// <summary>An answer (score 4, with a motivation) to every item of the seeded checklist, optional ones included.</summary>
    protected async Task<object[]> FullAnswersAsync(int score = 4)
    {
        var checklist = await App.QueryAsync(db => db.Checklists.AsNoTracking().SingleAsync(Cancellation));
        return [.. checklist.Items.Select(i => new { itemCode = i.Code, score, motivation = $"Onderbouwing bij {i.Code}." })];
    }

    protected async Task<JsonElement> PutAsync(HttpClient client, string url, object body)
    {
        var response = await client.PutAsJsonAsync(url, body, Cancellation);
        var text = await response.Content.ReadAsStringAsync(Cancellation);
        Assert.True(response.IsSuccessStatusCode, $"PUT {url}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    protected async Task<JsonElement> CreateAsync(HttpClient lead, decimal amount, bool withBorgingPlan = true)
    {
        var response = await lead.PostAsJsonAsync("/api/applications", Draft(await SchemeIdAsync(), amount, withBorgingPlan), Cancellation);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Cancellation));
        return await response.Content.ReadFromJsonAsync<JsonElement>(Cancellation);
    }

    protected async Task<JsonElement> SendAsync(HttpClient client, string url, object body)
    {
        var response = await client.PostAsJsonAsync(url, body, Cancellation);
        var text = await response.Content.ReadAsStringAsync(Cancellation);
        Assert.True(response.IsSuccessStatusCode, $"POST {url}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    protected static Guid Id(JsonElement application) => application.GetProperty("id").GetGuid();

    protected Task<Guid> SchemeIdAsync() => App.QueryAsync(db => db.Schemes.Where(s => s.Name == RegioFlow.Data.DemoDataSeeder.RegioDealName).Select(s => s.Id).SingleAsync(Cancellation));

    protected Task<Scheme> SchemeAsync() => App.QueryAsync(db => db.Schemes.AsNoTracking().SingleAsync(s => s.Name == RegioFlow.Data.DemoDataSeeder.RegioDealName, Cancellation));

    protected static object Draft(Guid schemeId, decimal amount, bool withBorgingPlan = true) => new
    {
        schemeId,
        requestedAmount = amount,
        initiative = new
        {
            title = "Zij-instroom techniek Achterhoek",
            problem = "Installatiebedrijven vinden geen monteurs.",
            goals = "Zestig zij-instromers in twee jaar naar een baan in de installatietechniek.",
            targetGroups = new[] { "zij-instromers", "werkzoekenden" },
            sectors = new[] { "techniek" },
            startDate = "2026-03-01",
            endDate = "2027-12-31",
            partners = new[] { new { name = "Graafschap College", role = "Penvoerder" }, new { name = "Installatiebedrijf Oost BV", role = "Cofinancier" } },
            budgetLines = new[] { new { description = "Opleiding en begeleiding", amount = 200_000m }, new { description = "Projectleiding", amount = 50_000m } },
            fundingLines = new[] { new { funder = "Provincie Gelderland", amount = 100_000m, status = "Toegezegd", inKind = false }, new { funder = "Werkgevers (uren)", amount = 50_000m, status = "Toegezegd", inKind = true } },
            kpis = new[] { new { indicator = "zij-instromers in dienst", target = 60m, actual = (decimal?)null } },
            borgingPlan = withBorgingPlan
                ? new { owner = "Graafschap College (afdeling Techniek)", fundingAfter = "Bijdragemodel van de deelnemende werkgevers", joinsServices = "Leerwerkloket Achterhoek" }
                : null,
        },
    };
}

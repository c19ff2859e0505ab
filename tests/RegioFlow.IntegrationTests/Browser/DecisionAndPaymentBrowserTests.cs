using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace RegioFlow.IntegrationTests.Browser;

/// <summary>The Board member grants on the decision page; the fund administrator approves and pays the advance on the scheme page.</summary>
public sealed class DecisionAndPaymentBrowserTests
{
    [Fact]
    public async Task The_board_member_grants_and_the_fund_administrator_marks_the_advance_paid()
    {
        await using var session = await BrowserSession.StartAsync();
        var applicationId = await ReadyForDecisionAsync(session);

        var board = await SignedInPageAsync(session, "Pieter Jansen");
        await board.GotoAsync($"/aanvragen/{applicationId}/besluit");
        await Expect(board.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Besluit over ‘Praktijkleren zorg Achterhoek’");
        await Expect(board.GetByTestId("advice")).ToContainTextAsync("Positief");
        await BrowserSession.ScreenshotAsync(board, "10-besluit-formulier");
        await board.GetByLabel("Toekennen", new() { Exact = true }).CheckAsync();
        await board.GetByLabel("Toegekend bedrag in euro's (bij toekennen)").FillAsync("120.000");
        await board.GetByLabel("Voorwaarden (bij toekennen, optioneel)").FillAsync("Halfjaarlijks rapporteren aan de Board.");
        await board.GetByRole(AriaRole.Button, new() { Name = "Besluit vastleggen" }).ClickAsync();
        await Expect(board.GetByRole(AriaRole.Status)).ToContainTextAsync("De aanvraag is toegekend.");
        await Expect(board.GetByTestId("granted")).ToHaveTextAsync("€ 120.000,00");
        await BrowserSession.ScreenshotAsync(board, "11-besluit-toegekend");

        var fund = await SignedInPageAsync(session, "Linda Visser");
        await fund.GotoAsync("/");
        await fund.GetByRole(AriaRole.Navigation, new() { Name = "Hoofdmenu" }).GetByRole(AriaRole.Link, new() { Name = "Regelingen" }).ClickAsync();
        await BrowserSession.ScreenshotAsync(fund, "12-regelingen");
        await fund.GetByRole(AriaRole.Link, new() { Name = "Regio Deal Achterhoek – Onderwijs & Arbeidsmarkt" }).ClickAsync();
        await Expect(fund.GetByTestId("committed")).ToHaveTextAsync("€ 120.000,00");
        await fund.GetByRole(AriaRole.Button, new() { NameRegex = new("^Goedkeuren: Voorschot") }).ClickAsync();
        await Expect(fund.GetByRole(AriaRole.Status)).ToContainTextAsync("De betaling is goedgekeurd.");
        await BrowserSession.ScreenshotAsync(fund, "13-regeling-voorschot-goedgekeurd");
        await fund.GetByLabel("Betaaldatum").FillAsync(DateTime.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await fund.GetByLabel("Betalingskenmerk").FillAsync("BETAAL-2026-0042");
        await fund.GetByRole(AriaRole.Button, new() { Name = "Betaald vastleggen" }).ClickAsync();

        await Expect(fund.GetByRole(AriaRole.Status)).ToContainTextAsync("De betaling is als betaald vastgelegd.");
        await Expect(fund.GetByTestId("paid")).ToHaveTextAsync("€ 48.000,00");
        await Expect(fund.GetByTestId("payment-status")).ToHaveTextAsync("Betaald");
        await BrowserSession.ScreenshotAsync(fund, "14-regeling-voorschot-betaald");
    }

    internal static async Task<IPage> SignedInPageAsync(BrowserSession session, string displayName)
    {
        var page = await session.NewPageAsync();
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Button, new() { Name = $"Aanmelden als {displayName}" }).ClickAsync();
        await Expect(page.GetByTestId("current-user")).ToHaveTextAsync(displayName);
        return page;
    }

    /// <summary>Draft, submit, intake and the table's advice through the API (covered by the subsidy and checklist API tests).</summary>
    internal static async Task<Guid> ReadyForDecisionAsync(BrowserSession session)
    {
        using var lead = await session.ApiClientAsAsync("initiatiefnemer");
        using var fund = await session.ApiClientAsAsync("fondsbeheerder");
        using var chair = await session.ApiClientAsAsync("tafelvoorzitter");
        var (id, caseId) = await SubmittedAsync(lead, "Praktijkleren zorg Achterhoek");
        await SendAsync(fund, $"/api/cases/{caseId}/triggers/in-behandeling-nemen", new { });
        await SendAsync(fund, $"/api/cases/{caseId}/triggers/volledig", new { });
        foreach (var login in new[] { "tafellid", "tafellid-uwv", "tafellid-werkgevers" })
        {
            using var member = await session.ApiClientAsAsync(login);
            var checklist = await member.GetFromJsonAsync<JsonElement>($"/api/applications/{id}/checklist");
            var answers = checklist.GetProperty("checklist").GetProperty("items").EnumerateArray()
                .Select(i => new { itemCode = i.GetProperty("code").GetString(), score = 4, motivation = "Goed onderbouwd." }).ToArray();
            var response = await member.PutAsJsonAsync($"/api/applications/{id}/checklist/answers", new { answers, submit = true });
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        }

        await SendAsync(chair, $"/api/applications/{id}/checklist/advice", new { advice = "positief", motivation = "Past bij de speerpunten; de borging is geregeld." });
        return id;
    }

    /// <summary>A complete application of 120,000 (half the budget, co-financed 50 %) under the seeded scheme, submitted by the lead.</summary>
    internal static async Task<(Guid Id, Guid CaseId)> SubmittedAsync(HttpClient lead, string title)
    {
        var schemes = await lead.GetFromJsonAsync<JsonElement>("/api/schemes");
        var schemeId = schemes.EnumerateArray().Single(s => s.GetProperty("kind").GetString() == "Subsidie").GetProperty("id").GetGuid();
        var application = await SendAsync(lead, "/api/applications", new
        {
            schemeId,
            requestedAmount = 120_000m,
            initiative = new
            {
                title,
                problem = "Werkgevers in de Achterhoek vinden te weinig vakmensen.",
                goals = "Veertig zij-instromers leren en werken tegelijk.",
                targetGroups = new[] { "zij-instromers" },
                sectors = new[] { "zorg en welzijn" },
                startDate = "2027-01-01",
                endDate = "2028-12-31",
                partners = new[] { new { name = "Graafschap College", role = "Penvoerder" } },
                budgetLines = new[] { new { description = "Opleiding en begeleiding", amount = 240_000m } },
                fundingLines = new[] { new { funder = "Werkgevers Achterhoek", amount = 120_000m, status = "Toegezegd", inKind = false } },
                kpis = new[] { new { indicator = "zij-instromers gediplomeerd", target = 40m, actual = (decimal?)null } },
                borgingPlan = new { owner = "Graafschap College", fundingAfter = "Reguliere bekostiging BBL", joinsServices = "Leerwerkloket Achterhoek" },
            },
        });
        var id = application.GetProperty("id").GetGuid();
        await SendAsync(lead, $"/api/applications/{id}/submit", new { });
        return (id, application.GetProperty("caseId").GetGuid());
    }

    internal static async Task<JsonElement> SendAsync(HttpClient client, string url, object body)
    {
        var response = await client.PostAsJsonAsync(url, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"POST {url}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement;
    }
}

using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace RegioFlow.IntegrationTests.Browser;

/// <summary>A member fills in the toetsingskader in the browser; once the quorum is reached the chair advises.</summary>
public sealed class AssessmentBrowserTests
{
    [Fact]
    public async Task A_member_submits_the_checklist_and_the_chair_advises_after_the_quorum()
    {
        await using var session = await BrowserSession.StartAsync();
        var applicationId = await InToetsingAsync(session);

        var member = await DecisionAndPaymentBrowserTests.SignedInPageAsync(session, "Joost Hendriks");
        await member.GetByRole(AriaRole.Navigation, new() { Name = "Hoofdmenu" }).GetByRole(AriaRole.Link, new() { Name = "Beoordelen" }).ClickAsync();
        await BrowserSession.ScreenshotAsync(member, "20-beoordelen-inbox");
        await member.GetByRole(AriaRole.Link, new() { Name = "Leerwerkplekken techniek Achterhoek" }).ClickAsync();
        var items = member.Locator("fieldset[data-testid^='item-']");
        var count = await items.CountAsync();
        Assert.True(count >= 9, $"Expected the nine questions and the dimensions, found {count} items.");
        for (var i = 0; i < count; i++)
        {
            var item = items.Nth(i);
            await item.GetByLabel("4", new() { Exact = true }).CheckAsync();
            await item.GetByRole(AriaRole.Textbox).FillAsync($"Goed onderbouwd (vraag {i + 1}).");
        }

        await BrowserSession.ScreenshotAsync(member, "21-toetsing-lid-ingevuld");
        await member.GetByRole(AriaRole.Button, new() { Name = "Indienen" }).ClickAsync();
        await Expect(member.GetByRole(AriaRole.Status)).ToContainTextAsync("Uw beoordeling is ingediend.");
        await Expect(member.GetByTestId("own-status")).ToHaveTextAsync("ingediend");

        await SubmitThroughApiAsync(session, applicationId, "tafellid-uwv", "tafellid-werkgevers");
        var chair = await DecisionAndPaymentBrowserTests.SignedInPageAsync(session, "Fatima El Amrani");
        await chair.GotoAsync($"/aanvragen/{applicationId}/toetsing");
        await Expect(chair.GetByTestId("quorum")).ToContainTextAsync("3 van de 3");
        await Expect(chair.GetByTestId("matrix")).ToContainTextAsync("Goed onderbouwd (vraag 1).");
        await BrowserSession.ScreenshotAsync(chair, "22-toetsing-voorzitter");
        await chair.GetByLabel("Positief", new() { Exact = true }).CheckAsync();
        await chair.GetByLabel("Motivering", new() { Exact = true }).FillAsync("Past bij de speerpunten; de borging is geregeld.");
        await chair.GetByRole(AriaRole.Button, new() { Name = "Advies uitbrengen" }).ClickAsync();

        await Expect(chair.GetByRole(AriaRole.Status)).ToContainTextAsync("Het advies is uitgebracht aan het besluitvormend orgaan.");
        await Expect(chair.GetByTestId("state")).ToHaveTextAsync("Besluitvorming");
        await BrowserSession.ScreenshotAsync(chair, "23-toetsing-advies-uitgebracht");
    }

    private static async Task SubmitThroughApiAsync(BrowserSession session, Guid applicationId, params string[] logins)
    {
        foreach (var login in logins)
        {
            using var client = await session.ApiClientAsAsync(login);
            var checklist = await client.GetFromJsonAsync<JsonElement>($"/api/applications/{applicationId}/checklist");
            var answers = checklist.GetProperty("checklist").GetProperty("items").EnumerateArray()
                .Select(i => new { itemCode = i.GetProperty("code").GetString(), score = 3, motivation = $"Redelijk ({login})." }).ToArray();
            var response = await client.PutAsJsonAsync($"/api/applications/{applicationId}/checklist/answers", new { answers, submit = true });
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        }
    }

    private static async Task<Guid> InToetsingAsync(BrowserSession session)
    {
        using var lead = await session.ApiClientAsAsync("initiatiefnemer");
        using var fund = await session.ApiClientAsAsync("fondsbeheerder");
        var (id, caseId) = await DecisionAndPaymentBrowserTests.SubmittedAsync(lead, "Leerwerkplekken techniek Achterhoek");
        await DecisionAndPaymentBrowserTests.SendAsync(fund, $"/api/cases/{caseId}/triggers/in-behandeling-nemen", new { });
        await DecisionAndPaymentBrowserTests.SendAsync(fund, $"/api/cases/{caseId}/triggers/volledig", new { });
        return id;
    }
}

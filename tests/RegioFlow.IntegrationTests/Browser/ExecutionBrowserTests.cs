using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace RegioFlow.IntegrationTests.Browser;

/// <summary>
/// The execution half in the browser: the lead adds a document, asks a tranche and reports; the fund administrator
/// settles (after "Berekenen") and records both borging checks. Each new page is screenshotted for a person to look at.
/// </summary>
public sealed class ExecutionBrowserTests
{
    [Fact]
    public async Task The_lead_reports_and_the_fund_administrator_settles_and_follows_the_borging_until_the_case_closes()
    {
        await using var session = await BrowserSession.StartAsync();
        var id = await DecisionAndPaymentBrowserTests.ReadyForDecisionAsync(session);
        using (var board = await session.ApiClientAsAsync("beslisser"))
        {
            await DecisionAndPaymentBrowserTests.SendAsync(board, $"/api/applications/{id}/decision", new { decision = "toekennen", amount = 120_000m });
        }

        await session.FireDeadlineNowAsync(id, "bezwaartermijn");

        var lead = await DecisionAndPaymentBrowserTests.SignedInPageAsync(session, "Sanne de Vries");
        await lead.GotoAsync($"/aanvragen/{id}");
        await Expect(lead.GetByTestId("state")).ToHaveTextAsync("Uitvoering");
        await lead.GetByLabel("Bestand").SetInputFilesAsync(new FilePayload { Name = "projectplan.pdf", MimeType = "application/pdf", Buffer = "%PDF-1.7\n%%EOF\n"u8.ToArray() });
        await lead.GetByLabel("Omschrijving (optioneel)").Last.FillAsync("Projectplan versie 2");
        await lead.GetByRole(AriaRole.Button, new() { Name = "Document toevoegen" }).ClickAsync();
        await Expect(lead.GetByRole(AriaRole.Status)).ToContainTextAsync("Het document ‘projectplan.pdf’ is toegevoegd.");
        await lead.GetByLabel("Bedrag in euro's").FillAsync("30.000");
        await lead.GetByRole(AriaRole.Button, new() { Name = "Tranche aanvragen" }).ClickAsync();
        await Expect(lead.GetByRole(AriaRole.Status)).ToContainTextAsync("Tranche 1 van € 30.000,00 is aangevraagd");
        await BrowserSession.ScreenshotAsync(lead, "20-zaak-uitvoering-documenten-tranche");

        await lead.GetByRole(AriaRole.Link, new() { Name = "Voortgang rapporteren" }).ClickAsync();
        await lead.GetByLabel("Wat is er gedaan en bereikt?").FillAsync("Eerste groep van twaalf zij-instromers is gestart.");
        await lead.GetByLabel("Kosten tot nu toe in euro's").FillAsync("45.000");
        await lead.GetByLabel("zij-instromers gediplomeerd").FillAsync("0");
        await BrowserSession.ScreenshotAsync(lead, "21-rapportage-formulier");
        await lead.GetByRole(AriaRole.Button, new() { Name = "Rapportage indienen" }).ClickAsync();
        await Expect(lead.GetByRole(AriaRole.Status)).ToContainTextAsync("De voortgangsrapportage is ingediend.");
        await lead.GetByRole(AriaRole.Link, new() { Name = "Eindverantwoording indienen" }).ClickAsync();
        await Expect(lead.GetByLabel("Eindverantwoording (het project is afgerond; daarna volgt de vaststelling)")).ToBeCheckedAsync();
        await lead.GetByLabel("Wat is er gedaan en bereikt?").FillAsync("Project afgerond: 34 zij-instromers gediplomeerd.");
        await lead.GetByLabel("Kosten tot nu toe in euro's").FillAsync("200.000");
        await lead.GetByLabel("zij-instromers gediplomeerd").FillAsync("34");
        await lead.GetByRole(AriaRole.Button, new() { Name = "Rapportage indienen" }).ClickAsync();
        await Expect(lead.GetByTestId("state")).ToHaveTextAsync("Eindverantwoording beoordelen");
        await lead.GotoAsync($"/aanvragen/{id}/rapportage");
        await BrowserSession.ScreenshotAsync(lead, "22-rapportages");

        var fund = await DecisionAndPaymentBrowserTests.SignedInPageAsync(session, "Linda Visser");
        await fund.GotoAsync($"/aanvragen/{id}");
        await fund.GetByRole(AriaRole.Link, new() { Name = "Subsidie vaststellen" }).ClickAsync();
        await Expect(fund.GetByTestId("paid")).ToHaveTextAsync("€ 78.000,00");
        await fund.GetByLabel("Vastgesteld bedrag in euro's").FillAsync("70.000");
        await fund.GetByLabel("Motivering").FillAsync("Zes deelnemers zijn uitgevallen; hun opleidingskosten zijn niet gemaakt.");
        await fund.GetByRole(AriaRole.Button, new() { Name = "Berekenen" }).ClickAsync();
        await Expect(fund.GetByTestId("preview")).ToContainTextAsync("terugvordering van € 8.000,00");
        await BrowserSession.ScreenshotAsync(fund, "23-vaststelling-berekend");
        await fund.GetByRole(AriaRole.Button, new() { Name = "Vaststellen" }).ClickAsync();
        await Expect(fund.GetByRole(AriaRole.Status)).ToContainTextAsync("Er volgt een terugvordering van € 8.000,00.");
        await BrowserSession.ScreenshotAsync(fund, "24-zaak-na-vaststelling");

        await fund.GetByRole(AriaRole.Link, new() { Name = "Borging vastleggen" }).ClickAsync();
        await fund.GetByLabel("Bijdragemodel").CheckAsync();
        await fund.GetByLabel("Toelichting (optioneel)").FillAsync("Werkgevers betalen per deelnemer.");
        await BrowserSession.ScreenshotAsync(fund, "25-borging-formulier");
        await fund.GetByRole(AriaRole.Button, new() { Name = "Borging vastleggen" }).ClickAsync();
        await Expect(fund.GetByRole(AriaRole.Status)).ToContainTextAsync("De borging na 6 maanden is vastgelegd (Bijdragemodel)");
        await fund.GetByRole(AriaRole.Link, new() { Name = "Borging vastleggen" }).ClickAsync();
        await fund.GetByLabel("Structurele financiering").CheckAsync();
        await fund.GetByRole(AriaRole.Button, new() { Name = "Borging vastleggen" }).ClickAsync();

        await Expect(fund.GetByTestId("state")).ToHaveTextAsync("Afgesloten");
        await fund.GotoAsync($"/aanvragen/{id}/borging");
        await BrowserSession.ScreenshotAsync(fund, "26-borging-afgesloten");
    }
}

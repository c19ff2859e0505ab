using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace RegioFlow.IntegrationTests.Browser;

public sealed class ApplicationBrowserTests
{
    [Fact]
    public async Task The_initiative_lead_fills_in_an_application_in_five_steps_and_submits_it()
    {
        await using var session = await BrowserSession.StartAsync();
        var page = await session.NewPageAsync();
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Button, new() { Name = "Aanmelden als Sanne de Vries" }).ClickAsync();

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Hoofdmenu" }).GetByRole(AriaRole.Link, new() { Name = "Aanvragen" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Mijn aanvragen");
        await page.GetByRole(AriaRole.Link, new() { Name = "Nieuwe aanvraag" }).ClickAsync();

        await page.GetByLabel("Regeling").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await page.GetByLabel("Gevraagd bedrag (euro)").FillAsync("120.000,00");
        await page.GetByLabel("Titel van het initiatief").FillAsync("Zij-instroom techniek Achterhoek");
        await BrowserSession.ScreenshotAsync(page, "10-aanvraag-stap-1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Opslaan en verder" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Stap 2: Initiatief" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Het concept is opgeslagen.");
        await page.GetByLabel("Welk probleem lost het initiatief op?").FillAsync("Installatiebedrijven in de Achterhoek vinden geen monteurs.");
        await page.GetByLabel("Doelen").FillAsync("Zestig zij-instromers in twee jaar aan het werk.");
        await page.GetByLabel("Doelgroepen").FillAsync("zij-instromers\nwerkzoekenden");
        await page.GetByLabel("Sectoren").FillAsync("techniek");
        await page.GetByLabel("Arbeidsmarktregio").SelectOptionAsync(new SelectOptionValue { Label = "Achterhoek" });
        await page.GetByLabel("Startdatum").FillAsync("2027-03-01");
        await page.GetByLabel("Einddatum").FillAsync("2028-12-31");
        await BrowserSession.ScreenshotAsync(page, "11-aanvraag-stap-2");
        await page.GetByRole(AriaRole.Button, new() { Name = "Opslaan en verder" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Stap 3: Partners, begroting en financiering" })).ToBeVisibleAsync();
        await page.GetByLabel("Naam van partner 1").FillAsync("Graafschap College");
        await page.GetByLabel("Rol van partner 1").SelectOptionAsync("Penvoerder");
        await page.GetByLabel("Omschrijving van begrotingspost 1").FillAsync("Opleiding en begeleiding");
        await page.GetByLabel("Bedrag van begrotingspost 1").FillAsync("200000");
        await page.GetByLabel("Omschrijving van begrotingspost 2").FillAsync("Projectleiding");
        await page.GetByLabel("Bedrag van begrotingspost 2").FillAsync("50.000");
        await page.GetByLabel("Financier 1", new() { Exact = true }).FillAsync("Provincie Gelderland");
        await page.GetByLabel("Bedrag van financier 1").FillAsync("150000");
        await page.GetByLabel("Status van financier 1").SelectOptionAsync("Toegezegd");
        await BrowserSession.ScreenshotAsync(page, "12-aanvraag-stap-3");
        await page.GetByRole(AriaRole.Button, new() { Name = "Opslaan en verder" }).ClickAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "5. Controleren en indienen" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Indienen" }).ClickAsync();
        await Expect(page.GetByTestId("error-summary")).ToContainTextAsync("De aanvraag kan nog niet worden ingediend");
        await Expect(page.GetByTestId("error-borgingplan")).ToContainTextAsync("Een borgingsplan is verplicht");
        await BrowserSession.ScreenshotAsync(page, "13a-aanvraag-onvolledig");
        await page.GetByRole(AriaRole.Link, new() { Name = "Wijzigen (KPI's en borgingsplan)" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Stap 4: KPI's en borgingsplan" })).ToBeVisibleAsync();
        await page.GetByLabel("Indicator 1", new() { Exact = true }).FillAsync("zij-instromers in dienst");
        await page.GetByLabel("Streefwaarde van indicator 1").FillAsync("60");
        await page.GetByLabel("Wie is eigenaar na de subsidie?").FillAsync("Graafschap College (afdeling Techniek)");
        await page.GetByLabel("Hoe wordt het daarna betaald?").FillAsync("Bijdragemodel van de deelnemende werkgevers");
        await page.GetByLabel("Bij welke bestaande dienstverlening sluit het aan?").FillAsync("Leerwerkloket Achterhoek");
        await BrowserSession.ScreenshotAsync(page, "13-aanvraag-stap-4");
        await page.GetByRole(AriaRole.Button, new() { Name = "Opslaan en verder" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Stap 5: controleren en indienen" })).ToBeVisibleAsync();
        await Expect(page.GetByText("€ 250.000,00 in 2 post(en)")).ToBeVisibleAsync();
        await BrowserSession.ScreenshotAsync(page, "14-aanvraag-stap-5");
        await page.GetByRole(AriaRole.Button, new() { Name = "Indienen" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Uw aanvraag is ingediend.");
        await Expect(page.GetByTestId("state")).ToHaveTextAsync("Ingediend");
        await Expect(page.GetByTestId("timeline")).ToContainTextAsync("indienen");
        await BrowserSession.ScreenshotAsync(page, "15-aanvraag-zaakpagina");

        await page.GetByRole(AriaRole.Link, new() { Name = "← Alle aanvragen" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Zij-instroom techniek Achterhoek" })).ToContainTextAsync("Ingediend");
        await BrowserSession.ScreenshotAsync(page, "16-mijn-aanvragen");
    }
}

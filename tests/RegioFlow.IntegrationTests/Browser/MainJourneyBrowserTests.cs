using System.Globalization;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace RegioFlow.IntegrationTests.Browser;

/// <summary>
/// The whole subsidy case as its people live it, in one browser and through the pages only: from the initiative lead's
/// draft to the advance on the lead's account. Every actor signs out and the next one signs in on the development sign-in
/// page, so the test also proves that each one finds their step from the menu and the pages, without a typed address.
/// The other browser tests cover each part in more detail; this one catches the seams between them.
/// </summary>
public sealed class MainJourneyBrowserTests
{
    private const string Title = "Leerlijn warmtetransitie Achterhoek";

    [Fact]
    public async Task An_application_goes_from_draft_to_a_paid_advance_through_the_pages_of_every_actor()
    {
        await using var session = await BrowserSession.StartAsync();
        var page = await session.NewPageAsync();
        await page.GotoAsync("/");

        await LeadFillsInAndSubmitsAsync(page);
        await FundAdministratorTakesItInAsync(page);
        foreach (var member in new[] { "Joost Hendriks", "Anouk Peters", "Bram Hoekstra" })
        {
            await MemberAssessesAsync(page, member);
        }

        await ChairAdvisesAsync(page);
        await BoardGrantsAsync(page);
        await FundAdministratorPaysTheAdvanceAsync(page);

        await SignInAsAsync(page, "Sanne de Vries");
        await OpenFromApplicationsListAsync(page);
        await Expect(page.GetByTestId("state")).ToHaveTextAsync("Beschikking verzonden (bezwaartermijn)");
        await Expect(page.GetByTestId("decision")).ToContainTextAsync("€ 120.000,00");
        var advance = page.GetByTestId("payments").GetByRole(AriaRole.Row).Filter(new() { HasText = "Voorschot" });
        await Expect(advance).ToContainTextAsync("€ 48.000,00");
        await Expect(advance).ToContainTextAsync("Betaald");
        await Expect(page.GetByTestId("advice")).ToContainTextAsync("Positief");
        await Expect(page.GetByTestId("timeline")).ToContainTextAsync("bedrag: € 120.000,00");
        await BrowserSession.ScreenshotAsync(page, "39-reis-aanvrager-beschikt-voorschot-betaald");
    }

    /// <summary>Sanne de Vries (initiatiefnemer) fills in the five steps and submits.</summary>
    private static async Task LeadFillsInAndSubmitsAsync(IPage page)
    {
        await SignInAsAsync(page, "Sanne de Vries");
        await Menu(page, "Aanvragen").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Mijn aanvragen");
        await page.GetByRole(AriaRole.Link, new() { Name = "Nieuwe aanvraag" }).ClickAsync();

        await page.GetByLabel("Regeling").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await page.GetByLabel("Gevraagd bedrag (euro)").FillAsync("120.000");
        await page.GetByLabel("Titel van het initiatief").FillAsync(Title);
        await page.GetByRole(AriaRole.Button, new() { Name = "Opslaan en verder" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Stap 2: Initiatief" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Het concept is opgeslagen.");
        await page.GetByLabel("Welk probleem lost het initiatief op?").FillAsync("Installateurs van warmtepompen vinden te weinig monteurs.");
        await page.GetByLabel("Doelen").FillAsync("Veertig zij-instromers in twee jaar opgeleid tot monteur warmtetechniek.");
        await page.GetByLabel("Doelgroepen").FillAsync("zij-instromers\nwerkzoekenden");
        await page.GetByLabel("Sectoren").FillAsync("techniek\nenergie");
        await page.GetByLabel("Arbeidsmarktregio").SelectOptionAsync(new SelectOptionValue { Label = "Achterhoek" });
        await page.GetByLabel("Startdatum").FillAsync("2027-03-01");
        await page.GetByLabel("Einddatum").FillAsync("2028-12-31");
        await page.GetByRole(AriaRole.Button, new() { Name = "Opslaan en verder" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Stap 3: Partners, begroting en financiering" })).ToBeVisibleAsync();
        await page.GetByLabel("Naam van partner 1").FillAsync("Graafschap College");
        await page.GetByLabel("Rol van partner 1").SelectOptionAsync("Penvoerder");
        await page.GetByLabel("Omschrijving van begrotingspost 1").FillAsync("Opleiding en begeleiding");
        await page.GetByLabel("Bedrag van begrotingspost 1").FillAsync("200.000");
        await page.GetByLabel("Omschrijving van begrotingspost 2").FillAsync("Projectleiding");
        await page.GetByLabel("Bedrag van begrotingspost 2").FillAsync("40.000");
        await page.GetByLabel("Financier 1", new() { Exact = true }).FillAsync("Installatiebedrijven Achterhoek");
        await page.GetByLabel("Bedrag van financier 1").FillAsync("120.000");
        await page.GetByLabel("Status van financier 1").SelectOptionAsync("Toegezegd");
        await page.GetByRole(AriaRole.Button, new() { Name = "Opslaan en verder" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Stap 4: KPI's en borgingsplan" })).ToBeVisibleAsync();
        await page.GetByLabel("Indicator 1", new() { Exact = true }).FillAsync("monteurs warmtetechniek in dienst");
        await page.GetByLabel("Streefwaarde van indicator 1").FillAsync("40");
        await page.GetByLabel("Wie is eigenaar na de subsidie?").FillAsync("Graafschap College (afdeling Techniek)");
        await page.GetByLabel("Hoe wordt het daarna betaald?").FillAsync("Bijdragemodel van de deelnemende installateurs");
        await page.GetByLabel("Bij welke bestaande dienstverlening sluit het aan?").FillAsync("Leerwerkloket Achterhoek");
        await page.GetByRole(AriaRole.Button, new() { Name = "Opslaan en verder" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Stap 5: controleren en indienen" })).ToBeVisibleAsync();
        await Expect(page.GetByText("€ 240.000,00 in 2 post(en)")).ToBeVisibleAsync();
        await BrowserSession.ScreenshotAsync(page, "30-reis-aanvrager-controleren");
        await page.GetByRole(AriaRole.Button, new() { Name = "Indienen" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(Title);
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Uw aanvraag is ingediend.");
        await Expect(page.GetByTestId("state")).ToHaveTextAsync("Ingediend");
        await BrowserSession.ScreenshotAsync(page, "31-reis-aanvrager-ingediend");
    }

    /// <summary>Linda Visser (fondsbeheerder) finds the new application in the list and declares it complete.</summary>
    private static async Task FundAdministratorTakesItInAsync(IPage page)
    {
        await SignInAsAsync(page, "Linda Visser");
        await OpenFromApplicationsListAsync(page);
        await Expect(page.GetByTestId("state")).ToHaveTextAsync("Ingediend");
        await page.GetByRole(AriaRole.Button, new() { Name = "In behandeling nemen" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("De aanvraag is nu ‘Ontvankelijkheid beoordelen’.");
        await Expect(page.GetByTestId("state")).ToHaveTextAsync("Ontvankelijkheid beoordelen");
        await BrowserSession.ScreenshotAsync(page, "32-reis-fondsbeheerder-ontvankelijkheid");
        await page.GetByRole(AriaRole.Button, new() { Name = "Aanvraag is volledig" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("De aanvraag is nu ‘Toetsing door de thematafel’.");
        await Expect(page.GetByTestId("state")).ToHaveTextAsync("Toetsing door de thematafel");
        await Expect(page.GetByTestId("no-actions")).ToBeVisibleAsync();
    }

    /// <summary>A table member opens the application from their inbox, scores every question and submits.</summary>
    private static async Task MemberAssessesAsync(IPage page, string member)
    {
        await SignInAsAsync(page, member);
        await Menu(page, "Beoordelen").ClickAsync();
        var row = page.GetByTestId("inbox").GetByRole(AriaRole.Row).Filter(new() { HasText = Title });
        await Expect(row.GetByTestId("own-status")).Not.ToHaveTextAsync("ingediend");
        await row.GetByRole(AriaRole.Link, new() { Name = Title }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Toetsing met het");
        var items = page.Locator("fieldset[data-testid^='item-']");
        var count = await items.CountAsync();
        Assert.True(count >= 9, $"{member}: expected at least nine questions, found {count}.");
        for (var i = 0; i < count; i++)
        {
            var item = items.Nth(i);
            await item.GetByLabel("4", new() { Exact = true }).CheckAsync();
            await item.GetByRole(AriaRole.Textbox).FillAsync($"{member}: goed onderbouwd (vraag {i + 1}).");
        }

        if (member == "Joost Hendriks")
        {
            await BrowserSession.ScreenshotAsync(page, "33-reis-tafellid-toetsing");
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Indienen" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Uw beoordeling is ingediend.");
        await Expect(page.GetByTestId("own-status")).ToHaveTextAsync("ingediend");
    }

    /// <summary>Fatima El Amrani (chair) sees the quorum reached, the three members side by side, and advises positively.</summary>
    private static async Task ChairAdvisesAsync(IPage page)
    {
        await SignInAsAsync(page, "Fatima El Amrani");
        await Menu(page, "Beoordelen").ClickAsync();
        var row = page.GetByTestId("inbox").GetByRole(AriaRole.Row).Filter(new() { HasText = Title });
        await Expect(row).ToContainTextAsync("3 van 3 – advies mogelijk");
        await row.GetByRole(AriaRole.Link, new() { Name = Title }).ClickAsync();

        await Expect(page.GetByTestId("quorum")).ToContainTextAsync("3 van de 3");
        await Expect(page.GetByTestId("to-advice")).ToContainTextAsync("Het quorum is bereikt; u kunt het advies uitbrengen.");
        await page.GetByRole(AriaRole.Link, new() { Name = "Naar alle beoordelingen naast elkaar en het advies" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Alle beoordelingen naast elkaar" })).ToBeInViewportAsync();
        var matrix = page.GetByTestId("matrix");
        foreach (var member in new[] { "Joost Hendriks", "Anouk Peters", "Bram Hoekstra" })
        {
            await Expect(matrix.GetByRole(AriaRole.Columnheader).Filter(new() { HasText = member })).ToBeVisibleAsync();
            await Expect(matrix).ToContainTextAsync($"{member}: goed onderbouwd (vraag 1).");
        }

        await BrowserSession.ScreenshotAsync(page, "34-reis-voorzitter-naast-elkaar");
        await page.GetByLabel("Positief", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Motivering", new() { Exact = true }).FillAsync("Sluit aan bij de speerpunten; de borging is geregeld.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Advies uitbrengen" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Het advies is uitgebracht aan het besluitvormend orgaan.");
        await Expect(page.GetByTestId("state")).ToHaveTextAsync("Besluitvorming");
        await Expect(page.GetByTestId("advice")).ToContainTextAsync("Positief");
    }

    /// <summary>Pieter Jansen (Achterhoek Board) finds the application, reads the advice and grants the full amount.</summary>
    private static async Task BoardGrantsAsync(IPage page)
    {
        await SignInAsAsync(page, "Pieter Jansen");
        await OpenFromApplicationsListAsync(page);
        await Expect(page.GetByTestId("state")).ToHaveTextAsync("Besluitvorming");
        await page.GetByRole(AriaRole.Link, new() { Name = "Besluit nemen (toekennen, afwijzen of aanhouden)" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Besluit over ‘{Title}’");
        await Expect(page.GetByTestId("advice")).ToContainTextAsync("Positief");
        await Expect(page.GetByTestId("requested")).ToHaveTextAsync("€ 120.000,00");
        await BrowserSession.ScreenshotAsync(page, "35-reis-besluit");
        await page.GetByLabel("Toekennen", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Toegekend bedrag in euro's (bij toekennen)").FillAsync("120.000");
        await page.GetByRole(AriaRole.Button, new() { Name = "Besluit vastleggen" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("De aanvraag is toegekend.");
        await Expect(page.GetByTestId("granted")).ToHaveTextAsync("€ 120.000,00");
        await Expect(page.GetByTestId("state")).ToHaveTextAsync("Beschikking verzonden (bezwaartermijn)");
    }

    /// <summary>Linda Visser goes from the case page to the scheme, approves the 40 % advance and records it paid.</summary>
    private static async Task FundAdministratorPaysTheAdvanceAsync(IPage page)
    {
        await SignInAsAsync(page, "Linda Visser");
        await OpenFromApplicationsListAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Naar de regeling, het budget en de betalingen" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Regio Deal Achterhoek – Onderwijs & Arbeidsmarkt");
        var payment = page.GetByTestId("payments").GetByRole(AriaRole.Row).Filter(new() { HasText = Title });
        await Expect(payment).ToContainTextAsync("Voorschot");
        await Expect(payment).ToContainTextAsync("€ 48.000,00");
        await Expect(payment.GetByTestId("payment-status")).ToHaveTextAsync("Gepland");
        await payment.GetByRole(AriaRole.Button, new() { Name = $"Goedkeuren: Voorschot € 48.000,00 voor {Title}" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("De betaling is goedgekeurd.");
        await Expect(payment.GetByTestId("payment-status")).ToHaveTextAsync("Goedgekeurd");

        await payment.GetByLabel("Betaaldatum").FillAsync(DateTime.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await payment.GetByLabel("Betalingskenmerk").FillAsync("BETAAL-2026-0117");
        await BrowserSession.ScreenshotAsync(page, "36-reis-regeling-voorschot-goedgekeurd");
        await payment.GetByRole(AriaRole.Button, new() { Name = "Betaald vastleggen" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("De betaling is als betaald vastgelegd.");
        await Expect(payment.GetByTestId("payment-status")).ToHaveTextAsync("Betaald");
        await Expect(payment).ToContainTextAsync("BETAAL-2026-0117");
        await BrowserSession.ScreenshotAsync(page, "37-reis-regeling-voorschot-betaald");
    }

    /// <summary>Signs out whoever is signed in (if anyone) and signs in as the demo user with this display name.</summary>
    private static async Task SignInAsAsync(IPage page, string displayName)
    {
        var signOut = page.GetByRole(AriaRole.Button, new() { Name = "Afmelden" });
        if (await signOut.CountAsync() > 0)
        {
            await signOut.ClickAsync();
        }

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Ontwikkelaanmelding: kies een demogebruiker" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = $"Aanmelden als {displayName}" }).ClickAsync();
        await Expect(page.GetByTestId("current-user")).ToHaveTextAsync(displayName);
    }

    /// <summary>From the main menu to the applications list, then the journey's application by its title.</summary>
    private static async Task OpenFromApplicationsListAsync(IPage page)
    {
        await Menu(page, "Aanvragen").ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = Title, Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(Title);
    }

    private static ILocator Menu(IPage page, string name) =>
        page.GetByRole(AriaRole.Navigation, new() { Name = "Hoofdmenu" }).GetByRole(AriaRole.Link, new() { Name = name, Exact = true });
}

using Microsoft.Playwright;
using RegioFlow.Data;
using static Microsoft.Playwright.Assertions;

namespace RegioFlow.IntegrationTests.Browser;

/// <summary>
/// Acceptance 5 of issue 5 in the browser: a resident requests a voucher (after "Controleer"), the fund administrator
/// issues it, the provider redeems it by code and claims with two small PDFs, the administrator approves and records the
/// payment. Each new page is screenshotted for a person to look at.
/// </summary>
public sealed class VoucherBrowserTests
{
    private static readonly byte[] Pdf = "%PDF-1.7\n%%EOF\n"u8.ToArray();

    [Fact]
    public async Task A_resident_requests_the_fund_administrator_issues_the_provider_redeems_and_claims_and_the_administrator_pays()
    {
        await using var session = await BrowserSession.StartAsync();
        var start = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(14).ToString("yyyy-MM-dd");

        var resident = await DecisionAndPaymentBrowserTests.SignedInPageAsync(session, "Mehmet Yilmaz");
        await resident.GetByRole(AriaRole.Navigation, new() { Name = "Hoofdmenu" }).GetByRole(AriaRole.Link, new() { Name = "Vouchers" }).ClickAsync();
        await resident.GetByRole(AriaRole.Link, new() { Name = "Voucher aanvragen" }).ClickAsync();
        await resident.GetByLabel("Voucherregeling").SelectOptionAsync(new SelectOptionValue { Label = DemoDataSeeder.OpijverName });
        await resident.GetByLabel("Naam van de deelnemer").FillAsync("Mehmet Yilmaz");
        await resident.GetByLabel("Geboortedatum").FillAsync("1985-03-12");
        await resident.GetByLabel("E-mailadres").FillAsync("mehmet@example.invalid");
        await resident.GetByLabel("Woongemeente").FillAsync("Doetinchem");
        await resident.GetByLabel("Arbeidssituatie").SelectOptionAsync("Werkend");
        await resident.GetByLabel("Werkgever").FillAsync("Installatiebedrijf Oost BV");
        await resident.GetByLabel("Opleider").SelectOptionAsync(new SelectOptionValue { Label = "Opleidingscentrum Techniek Oost" });
        await resident.GetByLabel("Opleiding", new() { Exact = true }).FillAsync("Vakopleiding Monteur Warmtepompen");
        await resident.GetByLabel("Erkende opleiding").SelectOptionAsync("false");
        await resident.GetByLabel("Startdatum").FillAsync(start);
        await resident.GetByLabel("Prijs van de opleiding (euro)").FillAsync("3.000");
        await resident.GetByRole(AriaRole.Button, new() { Name = "Controleer" }).ClickAsync();
        await Expect(resident.GetByTestId("eligibility")).ToContainTextAsync("De deelnemer voldoet aan alle voorwaarden.");
        await BrowserSession.ScreenshotAsync(resident, "40-voucher-aanvragen-gecontroleerd");
        await resident.GetByRole(AriaRole.Button, new() { Name = "Aanvragen" }).ClickAsync();
        await Expect(resident.GetByTestId("status")).ToContainTextAsync("Uw aanvraag is ontvangen.");
        await BrowserSession.ScreenshotAsync(resident, "41-voucher-aangevraagd");

        var fund = await DecisionAndPaymentBrowserTests.SignedInPageAsync(session, "Linda Visser");
        await fund.GotoAsync("/vouchers");
        await BrowserSession.ScreenshotAsync(fund, "42-vouchers-fondsbeheerder");
        await fund.GetByRole(AriaRole.Link, new() { Name = "Vakopleiding Monteur Warmtepompen" }).ClickAsync();
        await fund.GetByLabel("Uitgeven").CheckAsync();
        await fund.GetByRole(AriaRole.Button, new() { Name = "Besluit vastleggen" }).ClickAsync();
        await Expect(fund.GetByTestId("status")).ToContainTextAsync("De voucher is uitgegeven.");
        await Expect(fund.GetByTestId("value")).ToHaveTextAsync("€ 2.010,00");
        var code = (await fund.GetByTestId("code").InnerTextAsync()).Trim();
        await BrowserSession.ScreenshotAsync(fund, "43-voucher-uitgegeven");

        var provider = await DecisionAndPaymentBrowserTests.SignedInPageAsync(session, "Inge Bakker");
        await provider.GotoAsync("/vouchers/verzilveren");
        await provider.GetByLabel("Vouchercode").FillAsync(code);
        await provider.GetByLabel("Opleiding", new() { Exact = true }).FillAsync("Vakopleiding Monteur Warmtepompen");
        await provider.GetByLabel("Startdatum").FillAsync(start);
        await provider.GetByLabel("Bedrag (euro)").FillAsync("1.500");
        await BrowserSession.ScreenshotAsync(provider, "44-voucher-verzilveren");
        await provider.GetByRole(AriaRole.Button, new() { Name = "Verzilveren" }).ClickAsync();
        await Expect(provider.GetByTestId("status")).ToContainTextAsync("De voucher is verzilverd.");
        await provider.GetByLabel("Bedrag (euro)").FillAsync("1.500");
        await provider.GetByLabel("Factuur").SetInputFilesAsync(new FilePayload { Name = "factuur.pdf", MimeType = "application/pdf", Buffer = Pdf });
        await provider.GetByLabel("Bewijs van inschrijving of deelname", new() { Exact = true })
            .SetInputFilesAsync(new FilePayload { Name = "inschrijving.pdf", MimeType = "application/pdf", Buffer = Pdf });
        await provider.GetByLabel("Soort bewijs").SelectOptionAsync("inschrijving");
        await provider.GetByRole(AriaRole.Button, new() { Name = "Declaratie indienen" }).ClickAsync();
        await Expect(provider.GetByTestId("status")).ToContainTextAsync("De declaratie is ingediend.");
        await BrowserSession.ScreenshotAsync(provider, "45-voucher-gedeclareerd");

        await fund.ReloadAsync();
        await Expect(fund.GetByTestId("claimed")).ToHaveTextAsync("€ 1.500,00");
        await Expect(fund.GetByTestId("documents")).ToContainTextAsync("factuur.pdf");
        await fund.GetByLabel("Betalingskenmerk").FillAsync("BETAAL-2026-0042");
        await fund.GetByRole(AriaRole.Button, new() { Name = "Goedkeuren en betaling vastleggen" }).ClickAsync();
        await Expect(fund.GetByTestId("status")).ToContainTextAsync("De declaratie is goedgekeurd en de betaling is vastgelegd.");
        await Expect(fund.GetByTestId("paid")).ToContainTextAsync("€ 1.500,00");
        await Expect(fund.GetByTestId("state")).ToHaveTextAsync("Uitbetaald");
        await BrowserSession.ScreenshotAsync(fund, "46-voucher-uitbetaald");
    }
}

using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace RegioFlow.IntegrationTests.Browser;

public sealed class SignInBrowserTests
{
    [Fact]
    public async Task A_demo_user_signs_in_sees_their_home_page_and_signs_out()
    {
        await using var session = await BrowserSession.StartAsync();
        var page = await session.NewPageAsync();

        await page.GotoAsync("/");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Ontwikkelaanmelding: kies een demogebruiker" })).ToBeVisibleAsync();
        await BrowserSession.ScreenshotAsync(page, "01-aanmelden");

        await page.GetByRole(AriaRole.Button, new() { Name = "Aanmelden als Fatima El Amrani" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Welkom, Fatima El Amrani");
        await Expect(page.GetByTestId("role-TableChair")).ToContainTextAsync("Thematafel-voorzitter");
        await Expect(page.GetByTestId("current-user")).ToHaveTextAsync("Fatima El Amrani");
        await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Hoofdmenu" }).GetByRole(AriaRole.Link, new() { Name = "Regio's" })).ToBeVisibleAsync();
        await BrowserSession.ScreenshotAsync(page, "02-start-thematafelvoorzitter");

        await page.GetByRole(AriaRole.Button, new() { Name = "Afmelden" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Ontwikkelaanmelding: kies een demogebruiker" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task The_skip_link_is_the_first_stop_for_keyboard_users_and_leads_to_the_content()
    {
        await using var session = await BrowserSession.StartAsync();
        var page = await session.NewPageAsync();
        await page.GotoAsync("/");

        await page.Keyboard.PressAsync("Tab");
        var skipLink = page.GetByRole(AriaRole.Link, new() { Name = "Naar de inhoud" });
        await Expect(skipLink).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");

        await Expect(page.Locator("main#inhoud")).ToBeFocusedAsync();
    }
}

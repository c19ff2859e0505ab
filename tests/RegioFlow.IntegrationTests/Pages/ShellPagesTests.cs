using System.Net;
using Microsoft.EntityFrameworkCore;
using RegioFlow.IntegrationTests.Infrastructure;

namespace RegioFlow.IntegrationTests.Pages;

public sealed class ShellPagesTests(AppFixture app) : IntegrationTest(app)
{
    [Fact]
    public async Task A_visitor_sees_the_development_sign_in_on_the_home_page()
    {
        var (response, html) = await new PageSession(App.Factory).GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<html lang=\"nl\"", html);
        Assert.Contains("Ontwikkelaanmelding: kies een demogebruiker", html);
        Assert.Contains("Aanmelden als Linda Visser", html);
        Assert.Contains("Fondsbeheerder", html);
        Assert.Contains("<main id=\"inhoud\"", html);
        Assert.Contains("href=\"#inhoud\"", html);
    }

    [Fact]
    public async Task Signing_in_as_a_demo_user_shows_that_users_home_page_and_navigation()
    {
        var session = new PageSession(App.Factory);

        await session.SignInAsync("fondsbeheerder");
        var (response, html) = await session.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Welkom, Linda Visser", html);
        Assert.Contains("data-testid=\"role-FundAdministrator\"", html);
        Assert.Contains("Regio Achterhoek", html);
        Assert.Contains("href=\"/regios\"", html);
        Assert.DoesNotContain("href=\"/jobs\"", html);
    }

    [Fact]
    public async Task An_admin_gets_the_jobs_link_in_the_navigation()
    {
        var session = new PageSession(App.Factory);

        await session.SignInAsync("beheerder");
        var (_, html) = await session.GetAsync("/");

        Assert.Contains("href=\"/jobs\"", html);
    }

    [Fact]
    public async Task Signing_in_as_an_unknown_user_is_refused_with_a_message()
    {
        var session = new PageSession(App.Factory);

        var (response, html) = await session.PostFormAsync("/account/aanmelden", "/account/aanmelden", [new("login", "indringer")]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Er is geen demogebruiker", html);
        var (home, _) = await session.GetAsync("/regios");
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
    }

    [Fact]
    public async Task Pages_behind_sign_in_send_a_visitor_to_the_sign_in_page_and_back()
    {
        var (response, _) = await new PageSession(App.Factory).GetAsync("/regios");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/aanmelden?ReturnUrl=%2Fregios", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task The_regions_page_lists_regions_and_a_region_page_its_gemeenten()
    {
        var session = new PageSession(App.Factory);
        await session.SignInAsync("toezicht");
        var zeeland = await App.QueryAsync(db => db.Regions.SingleAsync(r => r.Code == "zeeland"));

        var (_, list) = await session.GetAsync("/regios");
        var (_, detail) = await session.GetAsync($"/regios/{zeeland.Id}");

        Assert.Contains("10 regio's", list);
        Assert.Contains($"href=\"/regios/{zeeland.Id}\"", list);
        Assert.Contains("Arbeidsmarktregio Zeeland", detail);
        Assert.Contains("Vlissingen", detail);
    }

    [Fact]
    public async Task An_unknown_region_page_is_a_dutch_404_page()
    {
        var session = new PageSession(App.Factory);
        await session.SignInAsync("toezicht");

        var (response, html) = await session.GetAsync("/regios/987654");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Pagina niet gevonden", html);
    }

    [Fact]
    public async Task A_non_admin_gets_a_dutch_403_page_for_the_jobs_dashboard()
    {
        var session = new PageSession(App.Factory);
        await session.SignInAsync("initiatiefnemer");

        var (response, html) = await session.GetAsync("/jobs");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("Geen toegang", html);
    }

    [Fact]
    public async Task An_admin_adds_an_organisation_through_the_form_and_sees_field_errors_first()
    {
        var session = new PageSession(App.Factory);
        await session.SignInAsync("beheerder");
        var before = await App.QueryAsync(db => db.Organisations.CountAsync());

        var (invalid, invalidHtml) = await session.PostFormAsync("/organisaties", "/organisaties", [new("Input.Name", ""), new("Input.Kind", "")]);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Contains("Vul de naam van de organisatie in.", invalidHtml);
        Assert.Contains("Kies de soort organisatie.", invalidHtml);
        Assert.Equal(before, await App.QueryAsync(db => db.Organisations.CountAsync()));

        var (created, _) = await session.PostFormAsync("/organisaties", "/organisaties", [new("Input.Name", "ROC Zeeland"), new("Input.Kind", "MboSchool")]);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var (_, listHtml) = await session.GetAsync("/organisaties");
        Assert.Contains("Organisatie ‘ROC Zeeland’ is toegevoegd.", listHtml);
        Assert.Equal(before + 1, await App.QueryAsync(db => db.Organisations.CountAsync()));
    }

    [Fact]
    public async Task A_non_admin_sees_no_form_and_cannot_post_one()
    {
        var session = new PageSession(App.Factory);
        await session.SignInAsync("fondsbeheerder");
        var before = await App.QueryAsync(db => db.Organisations.CountAsync());

        var (_, html) = await session.GetAsync("/organisaties");
        var (response, _) = await session.PostFormAsync("/", "/organisaties", [new("Input.Name", "Stiekem BV"), new("Input.Kind", "Werkgever")]);

        Assert.DoesNotContain("Organisatie toevoegen", html);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(before, await App.QueryAsync(db => db.Organisations.CountAsync()));
    }
}

using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using RegioFlow.Domain;
using RegioFlow.IntegrationTests.Applications;
using RegioFlow.IntegrationTests.Infrastructure;

namespace RegioFlow.IntegrationTests.Pages;

/// <summary>The application pages as a person uses them: cookie sign-in, forms with antiforgery tokens, Dutch messages.</summary>
public sealed partial class ApplicationPagesTests(AppFixture app) : SubsidyTest(app)
{
    [Fact]
    public async Task The_lead_fills_in_the_form_step_by_step_submits_and_finds_the_application_as_ingediend()
    {
        var session = await SignedInAsync("initiatiefnemer");
        var schemeId = await SchemeIdAsync();

        var (created, _) = await session.PostFormAsync("/aanvragen/nieuw", "/aanvragen/nieuw",
            [new("SchemeId", schemeId.ToString()), new("Amount", "120.000,00"), new("Title", "Zij-instroom techniek Achterhoek")]);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = Guid.Parse(DraftPath().Match(created.Headers.Location!.OriginalString).Groups[1].Value);
        var edit = $"/aanvragen/{id}/bewerken";

        await SaveStepAsync(session, id, 2,
        [
            new("Form.Title", "Zij-instroom techniek Achterhoek"),
            new("Form.Problem", "Installatiebedrijven vinden geen monteurs."),
            new("Form.Goals", "Zestig zij-instromers in twee jaar aan het werk."),
            new("Form.TargetGroups", "zij-instromers\nwerkzoekenden"),
            new("Form.Sectors", "techniek"),
            new("Form.StartDate", "2026-03-01"),
            new("Form.EndDate", "2027-12-31"),
        ]);
        await SaveStepAsync(session, id, 3,
        [
            new("Form.Partners[0].Name", "Graafschap College"), new("Form.Partners[0].Role", "Penvoerder"),
            new("Form.Partners[1].Name", ""), new("Form.Partners[1].Role", ""),
            new("Form.BudgetLines[0].Description", "Opleiding en begeleiding"), new("Form.BudgetLines[0].Amount", "200.000,00"),
            new("Form.BudgetLines[1].Description", "Projectleiding"), new("Form.BudgetLines[1].Amount", "50000"),
            new("Form.BudgetLines[2].Description", ""), new("Form.BudgetLines[2].Amount", ""),
            new("Form.FundingLines[0].Funder", "Provincie Gelderland"), new("Form.FundingLines[0].Amount", "100000"), new("Form.FundingLines[0].Status", "Toegezegd"),
            new("Form.FundingLines[1].Funder", "Werkgevers (uren)"), new("Form.FundingLines[1].Amount", "50.000"), new("Form.FundingLines[1].Status", "Toegezegd"),
            new("Form.FundingLines[1].InKind", "true"),
        ]);
        await SaveStepAsync(session, id, 4,
        [
            new("Form.Kpis[0].Indicator", "zij-instromers in dienst"), new("Form.Kpis[0].Target", "60"),
            new("Form.BorgingOwner", "Graafschap College (afdeling Techniek)"),
            new("Form.BorgingFundingAfter", "Bijdragemodel van de werkgevers"),
            new("Form.BorgingJoinsServices", "Leerwerkloket Achterhoek"),
        ]);

        var stored = await App.QueryAsync(db => db.Initiatives.AsNoTracking().SingleAsync(Cancellation));
        Assert.Equal(250_000m, stored.TotalBudget);
        Assert.Equal<IEnumerable<string>>(["zij-instromers", "werkzoekenden"], stored.TargetGroups);
        Assert.Equal([("Provincie Gelderland", false), ("Werkgevers (uren)", true)], stored.FundingLines.Select(f => (f.Funder, f.InKind)));
        Assert.Equal("Leerwerkloket Achterhoek", stored.BorgingPlan?.JoinsServices);

        var (overview, overviewHtml) = await session.GetAsync($"{edit}?stap=5");
        Assert.Equal(HttpStatusCode.OK, overview.StatusCode);
        Shows(RegioFlow.Common.Money.Format(250_000m), overviewHtml);
        var version = await CaseVersionAsync(id);
        var (submitted, _) = await session.PostFormAsync($"{edit}?stap=5", $"{edit}?handler=Submit", [new("version", version.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        Assert.Equal($"/aanvragen/{id}", submitted.Headers.Location!.OriginalString);

        var (_, casePage) = await session.GetAsync($"/aanvragen/{id}");
        Shows("Uw aanvraag is ingediend.", casePage);
        var (_, list) = await session.GetAsync("/aanvragen");
        Shows("Mijn aanvragen", list);
        Shows("Zij-instroom techniek Achterhoek", list);
        Shows("data-testid=\"state\">Ingediend<", list);
        Shows(RegioFlow.Common.Money.Format(120_000m), list);
        Assert.Equal("ingediend", await CaseStateAsync(id));
        var (_, submittedOnly) = await session.GetAsync("/aanvragen?toestand=ingediend");
        var (_, draftsOnly) = await session.GetAsync("/aanvragen?toestand=concept");
        Shows("Zij-instroom techniek Achterhoek", submittedOnly);
        DoesNotShow("Zij-instroom techniek Achterhoek", draftsOnly);
        Shows("Er zijn geen aanvragen in deze toestand.", draftsOnly);
    }

    [Fact]
    public async Task A_submit_that_is_not_complete_shows_each_missing_part_in_dutch_and_stores_nothing()
    {
        var session = await SignedInAsync("initiatiefnemer");
        var (created, _) = await session.PostFormAsync("/aanvragen/nieuw", "/aanvragen/nieuw",
            [new("SchemeId", (await SchemeIdAsync()).ToString()), new("Amount", "80000"), new("Title", "Praktijkroute zorg")]);
        var id = Guid.Parse(DraftPath().Match(created.Headers.Location!.OriginalString).Groups[1].Value);
        var edit = $"/aanvragen/{id}/bewerken";
        var journal = await JournalCountAsync(id);

        var (response, html) = await session.PostFormAsync($"{edit}?stap=5", $"{edit}?handler=Submit", [new("version", (await CaseVersionAsync(id)).ToString(System.Globalization.CultureInfo.InvariantCulture))]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Shows("De aanvraag kan nog niet worden ingediend", html);
        Shows("data-testid=\"error-borgingplan\"", html);
        Shows("Een borgingsplan is verplicht", html);
        Shows("data-testid=\"error-startdate\"", html);
        Shows("Vul de looptijd (start- en einddatum) van het initiatief in.", html);
        Shows("data-testid=\"error-budgetlines\"", html);
        Shows("Voeg de begroting van het initiatief toe.", html);
        Shows("Beschrijf welk probleem het initiatief oplost.", html);
        Assert.Equal("concept", await CaseStateAsync(id));
        Assert.Equal(journal, await JournalCountAsync(id));
        Assert.Null(await App.QueryAsync(db => db.FundingApplications.Select(a => a.SubmittedAt).SingleAsync(Cancellation)));
    }

    [Fact]
    public async Task A_step_with_an_unreadable_amount_or_a_half_row_is_refused_per_field_and_the_draft_keeps_its_old_values()
    {
        var session = await SignedInAsync("initiatiefnemer");
        var id = Id(await CreateAsync(await App.ClientAsAsync("initiatiefnemer"), 100_000m));
        var edit = $"/aanvragen/{id}/bewerken";

        var (response, html) = await session.PostFormAsync($"{edit}?stap=3", $"{edit}?handler=Save",
        [
            new("stap", "3"), new("naar", "4"),
            new("Form.BudgetLines[0].Description", "Opleiding"), new("Form.BudgetLines[0].Amount", "heel veel"),
            new("Form.BudgetLines[1].Description", ""), new("Form.BudgetLines[1].Amount", "5000"),
        ]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Shows("Vul het bedrag in als getal, bijvoorbeeld 12500 of 12.500,00.", html);
        Shows("id=\"f-budgetlines-0--amount\"", html);
        Shows("value=\"heel veel\"", html);
        Assert.Equal(250_000m, (await App.QueryAsync(db => db.Initiatives.AsNoTracking().SingleAsync(Cancellation))).TotalBudget);

        var (half, halfHtml) = await session.PostFormAsync($"{edit}?stap=3", $"{edit}?handler=Save",
        [
            new("stap", "3"), new("naar", "4"),
            new("Form.BudgetLines[0].Description", ""), new("Form.BudgetLines[0].Amount", ""),
            new("Form.BudgetLines[1].Description", ""), new("Form.BudgetLines[1].Amount", "5000"),
        ]);

        Assert.Equal(HttpStatusCode.BadRequest, half.StatusCode);
        Shows("Omschrijf de begrotingspost (hoogstens 200 tekens).", halfHtml);
        Shows("aria-describedby=\"budgetlines-1--description-error\"", halfHtml);
        Assert.Equal(250_000m, (await App.QueryAsync(db => db.Initiatives.AsNoTracking().SingleAsync(Cancellation))).TotalBudget);
    }

    [Fact]
    public async Task The_case_page_shows_the_timeline_the_clocks_and_only_the_steps_this_user_may_take()
    {
        var lead = await App.ClientAsAsync("initiatiefnemer");
        var id = Id(await CreateAsync(lead, 100_000m));
        await SendAsync(lead, $"/api/applications/{id}/submit", new { });

        var (response, leadHtml) = await (await SignedInAsync("initiatiefnemer")).GetAsync($"/aanvragen/{id}");
        var (_, fundHtml) = await (await SignedInAsync("fondsbeheerder")).GetAsync($"/aanvragen/{id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Shows("data-testid=\"state\">Ingediend<", leadHtml);
        Shows("Tijdlijn", leadHtml);
        Shows("<strong>indienen</strong> – van ‘Concept’ naar ‘Ingediend’", leadHtml);
        Shows("Uiterlijke einddatum afdoening", leadHtml);
        Shows("oppakken", leadHtml);
        Shows("data-testid=\"action-intrekken\"", leadHtml);
        DoesNotShow("data-testid=\"action-in-behandeling-nemen\"", leadHtml);
        Shows("data-testid=\"action-in-behandeling-nemen\"", fundHtml);
        DoesNotShow("data-testid=\"action-intrekken\"", fundHtml);
    }

    [Fact]
    public async Task The_fund_administrator_takes_an_application_in_behandeling_on_the_case_page_and_a_stale_page_gets_the_conflict()
    {
        var lead = await App.ClientAsAsync("initiatiefnemer");
        var id = Id(await CreateAsync(lead, 100_000m));
        await SendAsync(lead, $"/api/applications/{id}/submit", new { });
        var session = await SignedInAsync("fondsbeheerder");
        var page = $"/aanvragen/{id}";
        var stale = (await CaseVersionAsync(id)).ToString(System.Globalization.CultureInfo.InvariantCulture);

        var (taken, _) = await session.PostFormAsync(page, $"{page}?handler=Trigger", [new("trigger", "in-behandeling-nemen"), new("version", stale)]);

        Assert.Equal(HttpStatusCode.Redirect, taken.StatusCode);
        Assert.Equal("ontvankelijkheid", await CaseStateAsync(id));
        var (_, html) = await session.GetAsync(page);
        Shows("De aanvraag is nu ‘Ontvankelijkheid beoordelen’.", html);
        Shows("data-testid=\"action-onvolledig\"", html);

        var (bare, bareHtml) = await session.PostFormAsync(page, $"{page}?handler=Trigger",
            [new("trigger", "onvolledig"), new("version", (await CaseVersionAsync(id)).ToString(System.Globalization.CultureInfo.InvariantCulture))]);
        Assert.Equal(HttpStatusCode.BadRequest, bare.StatusCode);
        Shows("Geef een toelichting: wat ontbreekt er aan de aanvraag?", bareHtml);
        Shows("aria-invalid=\"true\"", bareHtml);

        var (conflict, conflictHtml) = await session.PostFormAsync(page, $"{page}?handler=Trigger", [new("trigger", "volledig"), new("version", stale)]);
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        Shows("role=\"alert\"", conflictHtml);
        Assert.Equal("ontvankelijkheid", await CaseStateAsync(id));
    }

    [Fact]
    public async Task A_lead_of_another_organisation_gets_403_on_the_case_page_and_404_for_an_unknown_application()
    {
        var id = Id(await CreateAsync(await App.ClientAsAsync("initiatiefnemer"), 100_000m));
        await App.QueryAsync(async db =>
        {
            var doetinchem = await db.Organisations.SingleAsync(o => o.Name == "Gemeente Doetinchem", Cancellation);
            var other = new UserAccount("initiatiefnemer-doetinchem", "Karin Mulder", "karin@demo.regioflow.invalid", [Role.InitiativeLead], isDemo: true, App.Clock.GetUtcNow());
            other.JoinOrganisation(doetinchem, "Beleidsmedewerker");
            db.Users.Add(other);
            return await db.SaveChangesAsync(Cancellation);
        });
        var session = await SignedInAsync("initiatiefnemer-doetinchem");

        var (forbidden, forbiddenHtml) = await session.GetAsync($"/aanvragen/{id}");
        var (editForbidden, _) = await session.GetAsync($"/aanvragen/{id}/bewerken");
        var (missing, _) = await session.GetAsync($"/aanvragen/{Guid.NewGuid()}");
        var (_, list) = await session.GetAsync("/aanvragen");

        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Shows("Geen toegang", forbiddenHtml);
        DoesNotShow("Zij-instroom techniek Achterhoek", forbiddenHtml);
        Assert.Equal(HttpStatusCode.Forbidden, editForbidden.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        DoesNotShow("Zij-instroom techniek Achterhoek", list);
        Shows("data-testid=\"no-applications\"", list);
    }

    [Fact]
    public async Task Only_an_initiative_lead_may_start_a_new_application()
    {
        var (response, _) = await (await SignedInAsync("fondsbeheerder")).GetAsync("/aanvragen/nieuw");
        var (_, list) = await (await SignedInAsync("fondsbeheerder")).GetAsync("/aanvragen");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        DoesNotShow("Nieuwe aanvraag", list);
    }

    /// <summary>Razor encodes non-ASCII text (€, ‘ ’, é); compare with what the person reads.</summary>
    private static void Shows(string expected, string html) => Assert.Contains(expected, WebUtility.HtmlDecode(html));

    private static void DoesNotShow(string unexpected, string html) => Assert.DoesNotContain(unexpected, WebUtility.HtmlDecode(html));

    private async Task<PageSession> SignedInAsync(string login)
    {
        var session = new PageSession(App.Factory);
        await session.SignInAsync(login);
        return session;
    }

    private static async Task SaveStepAsync(PageSession session, Guid id, int step, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var edit = $"/aanvragen/{id}/bewerken";
        var (response, html) = await session.PostFormAsync($"{edit}?stap={step}", $"{edit}?handler=Save",
            fields.Prepend(new("naar", (step + 1).ToString(System.Globalization.CultureInfo.InvariantCulture))).Prepend(new("stap", step.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Stap {step}: {(int)response.StatusCode} {html}");
        Assert.Equal($"{edit}?stap={step + 1}", response.Headers.Location!.OriginalString);
    }

    private Task<string> CaseStateAsync(Guid id) =>
        App.QueryAsync(db => db.Cases.Where(c => c.SubjectId == id.ToString()).Select(c => c.State).SingleAsync(Cancellation));

    private Task<long> CaseVersionAsync(Guid id) =>
        App.QueryAsync(db => db.Cases.Where(c => c.SubjectId == id.ToString()).Select(c => c.Version).SingleAsync(Cancellation));

    private Task<int> JournalCountAsync(Guid id) =>
        App.QueryAsync(db => db.CaseJournal.CountAsync(j => db.Cases.Any(c => c.Id == j.CaseId && c.SubjectId == id.ToString()), Cancellation));

    [GeneratedRegex("^/aanvragen/([0-9a-f-]{36})/bewerken\\?stap=2$")]
    private static partial Regex DraftPath();
}

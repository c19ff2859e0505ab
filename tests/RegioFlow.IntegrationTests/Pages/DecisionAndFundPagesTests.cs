using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using RegioFlow.Domain;
using RegioFlow.IntegrationTests.Applications;
using RegioFlow.IntegrationTests.Infrastructure;

namespace RegioFlow.IntegrationTests.Pages;

/// <summary>The Board's decision page and the fund administrator's scheme pages, driven as a person would: forms.</summary>
public sealed class DecisionAndFundPagesTests(AppFixture app) : SubsidyTest(app)
{
    [Fact]
    public async Task The_board_member_grants_through_the_decision_page_and_the_budget_is_committed()
    {
        var id = await ReadyForDecisionAsync(100_000m);
        var session = await SignedInAsync("beslisser");

        var (page, form) = await session.GetAsync($"/aanvragen/{id}/besluit");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Besluit over ‘Zij-instroom techniek Achterhoek’", Text(form));
        Assert.Contains("Graafschap College (afdeling Techniek)", Text(form));
        Assert.Contains("€ 150.000,00 (60 % van de begroting; de regeling vraagt minstens 50 %)", Text(form));
        Assert.Contains("<dt>Advies</dt><dd>Positief</dd>", form);
        Assert.Contains("Past bij de speerpunten; de borging is geregeld.", form);
        Assert.Contains("Fatima El Amrani, voorzitter", form);
        Assert.Contains("name=\"Input.Decision\" value=\"toekennen\"", form);

        var (posted, _) = await session.PostFormAsync($"/aanvragen/{id}/besluit", $"/aanvragen/{id}/besluit",
            [new("Input.Decision", "toekennen"), new("Input.Amount", "90.000"), new("Input.Conditions", "Halfjaarlijks rapporteren aan de Board.")]);

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var (_, after) = await session.GetAsync(posted.Headers.Location!.OriginalString);
        Assert.Contains("De aanvraag is toegekend.", Text(after));
        Assert.Contains("Toegekend bedrag</dt><dd data-testid=\"granted\">€ 90.000,00", Text(after));
        Assert.DoesNotContain("Besluit vastleggen", after);
        var scheme = await SchemeAsync();
        Assert.Equal((90_000m, 0m), (scheme.Committed, scheme.Paid));
        Assert.Equal("beschikt", await StateAsync(id));
        var (_, list) = await session.GetAsync("/regelingen");
        Assert.Contains("data-testid=\"committed\">€ 90.000,00", Text(list));
        Assert.Contains("data-testid=\"remaining\">€ 1.910.000,00", Text(list));
    }

    [Fact]
    public async Task A_grant_above_the_requested_amount_shows_the_dutch_error_and_changes_nothing()
    {
        var id = await ReadyForDecisionAsync(100_000m);
        var session = await SignedInAsync("beslisser");

        var (tooHigh, html) = await session.PostFormAsync($"/aanvragen/{id}/besluit", $"/aanvragen/{id}/besluit",
            [new("Input.Decision", "toekennen"), new("Input.Amount", "150.000,00")]);
        var (unreadable, unreadableHtml) = await session.PostFormAsync($"/aanvragen/{id}/besluit", $"/aanvragen/{id}/besluit",
            [new("Input.Decision", "afwijzen"), new("Input.Amount", "veel")]);

        Assert.Equal(HttpStatusCode.BadRequest, tooHigh.StatusCode);
        Assert.Contains("Het toegekende bedrag mag niet hoger zijn dan het gevraagde bedrag (€ 100.000,00).", Text(html));
        Assert.Contains("aria-invalid=\"true\" aria-describedby=\"amount-description amount-error\"", html);
        Assert.Contains("value=\"150.000,00\"", html); // what the member typed stays in the field
        Assert.Equal(HttpStatusCode.BadRequest, unreadable.StatusCode);
        Assert.Contains("Vul het bedrag in euro&#x27;s in, bijvoorbeeld 125000 of 125.000,50.", unreadableHtml);
        Assert.Equal(0m, (await SchemeAsync()).Committed);
        Assert.Equal("besluitvorming", await StateAsync(id));
        Assert.Equal(0, await App.QueryAsync(db => db.Payments.CountAsync(Cancellation)));
    }

    [Fact]
    public async Task A_decision_without_a_choice_or_motivation_gets_field_errors_in_dutch()
    {
        var id = await ReadyForDecisionAsync(100_000m);
        var session = await SignedInAsync("beslisser");

        var (noChoice, noChoiceHtml) = await session.PostFormAsync($"/aanvragen/{id}/besluit", $"/aanvragen/{id}/besluit", []);
        var (noMotivation, noMotivationHtml) = await session.PostFormAsync($"/aanvragen/{id}/besluit", $"/aanvragen/{id}/besluit", [new("Input.Decision", "afwijzen")]);

        Assert.Equal(HttpStatusCode.BadRequest, noChoice.StatusCode);
        Assert.Contains("Kies het besluit: toekennen, afwijzen of aanhouden.", noChoiceHtml);
        Assert.Equal(HttpStatusCode.BadRequest, noMotivation.StatusCode);
        Assert.Contains("<p class=\"utrecht-form-field-error-message\" id=\"motivation-error\">Motiveer het besluit.</p>", noMotivationHtml);
        Assert.Equal("besluitvorming", await StateAsync(id));
    }

    [Fact]
    public async Task A_grant_the_budget_cannot_carry_shows_budget_ontoereikend_and_changes_nothing()
    {
        var id = await ReadyForDecisionAsync(100_000m);
        await App.QueryAsync(db => db.Schemes.ExecuteUpdateAsync(u => u.SetProperty(s => s.BudgetCeiling, 50_000m), Cancellation));
        var session = await SignedInAsync("beslisser");

        var (response, html) = await session.PostFormAsync($"/aanvragen/{id}/besluit", $"/aanvragen/{id}/besluit",
            [new("Input.Decision", "toekennen"), new("Input.Amount", "80000")]);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("Budget ontoereikend: er is nog € 50.000,00 vrij onder het plafond, en € 80.000,00 is gevraagd.", Text(html));
        Assert.Equal(0m, (await SchemeAsync()).Committed);
        Assert.Equal("besluitvorming", await StateAsync(id));
        Assert.Null(await App.QueryAsync(db => db.FundingApplications.Select(a => a.GrantedAmount).SingleAsync(Cancellation)));
        Assert.Equal(0, await App.QueryAsync(db => db.Payments.CountAsync(Cancellation)));
    }

    [Fact]
    public async Task A_table_member_gets_403_on_the_decision_page_and_cannot_post_a_decision()
    {
        var id = await ReadyForDecisionAsync(100_000m);
        var session = await SignedInAsync("tafellid");

        var (page, html) = await session.GetAsync($"/aanvragen/{id}/besluit");
        var (posted, _) = await session.PostFormAsync("/", $"/aanvragen/{id}/besluit", [new("Input.Decision", "toekennen"), new("Input.Amount", "100000")]);

        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.Contains("Geen toegang", html);
        Assert.Equal(HttpStatusCode.Forbidden, posted.StatusCode);
        Assert.Equal("besluitvorming", await StateAsync(id));
        Assert.Equal(0m, (await SchemeAsync()).Committed);
    }

    [Fact]
    public async Task The_fund_administrator_approves_and_marks_the_advance_paid_on_the_scheme_page()
    {
        var (id, schemeId, payment) = await GrantedAsync(100_000m);
        var session = await SignedInAsync("fondsbeheerder");
        var schemePage = $"/regelingen/{schemeId}";

        var (_, before) = await session.GetAsync(schemePage);
        Assert.Contains("Voorschot", before);
        Assert.Contains($"action=\"{schemePage}?handler=Approve\"", before);
        var (approved, _) = await session.PostFormAsync(schemePage, $"{schemePage}?handler=Approve",
            [new("Input.ApplicationId", id.ToString()), new("Input.PaymentId", payment.ToString()), new("Input.Version", "0")]);
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        Assert.Equal(PaymentStatus.Goedgekeurd, await PaymentStatusAsync(payment));

        var (invalid, invalidHtml) = await session.PostFormAsync(schemePage, $"{schemePage}?handler=Paid",
            [new("Input.ApplicationId", id.ToString()), new("Input.PaymentId", payment.ToString()), new("Input.Version", "1"), new("Input.PaidOn", "2026-02-01"), new("Input.Reference", "")]);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Contains($"id=\"paidon-error-{payment}\">De betaaldatum kan niet in de toekomst liggen.</p>", invalidHtml);
        Assert.Contains($"id=\"reference-error-{payment}\">Vul het betalingskenmerk in.</p>", invalidHtml);
        Assert.Equal((PaymentStatus.Goedgekeurd, 0m), (await PaymentStatusAsync(payment), (await SchemeAsync()).Paid));

        var (paid, _) = await session.PostFormAsync(schemePage, $"{schemePage}?handler=Paid",
            [new("Input.ApplicationId", id.ToString()), new("Input.PaymentId", payment.ToString()), new("Input.Version", "1"), new("Input.PaidOn", "2026-01-05"), new("Input.Reference", "BETAAL-2026-0001")]);
        Assert.Equal(HttpStatusCode.Redirect, paid.StatusCode);
        var (_, after) = await session.GetAsync(schemePage);
        Assert.Contains("De betaling is als betaald vastgelegd.", after);
        Assert.Contains("BETAAL-2026-0001", after);
        Assert.Contains("data-testid=\"paid\">€ 40.000,00", Text(after));
        Assert.Equal((PaymentStatus.Betaald, 40_000m, 100_000m), (await PaymentStatusAsync(payment), (await SchemeAsync()).Paid, (await SchemeAsync()).Committed));
    }

    [Fact]
    public async Task Approving_twice_from_a_stale_page_shows_the_conflict_and_counts_once()
    {
        var (id, schemeId, payment) = await GrantedAsync(100_000m);
        var session = await SignedInAsync("fondsbeheerder");
        var schemePage = $"/regelingen/{schemeId}";
        KeyValuePair<string, string>[] approve = [new("Input.ApplicationId", id.ToString()), new("Input.PaymentId", payment.ToString()), new("Input.Version", "0")];

        await session.PostFormAsync(schemePage, $"{schemePage}?handler=Approve", approve);
        var (again, html) = await session.PostFormAsync(schemePage, $"{schemePage}?handler=Approve", approve);

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("data-testid=\"conflict\"", html);
        Assert.Equal(PaymentStatus.Goedgekeurd, await PaymentStatusAsync(payment));
    }

    [Fact]
    public async Task An_initiative_lead_cannot_see_or_process_the_scheme_payments()
    {
        var (id, schemeId, payment) = await GrantedAsync(100_000m);
        var lead = await App.ClientAsAsync("initiatiefnemer");
        var session = await SignedInAsync("initiatiefnemer");

        var api = await lead.GetAsync($"/api/schemes/{schemeId}/payments", Cancellation);
        var (page, html) = await session.GetAsync($"/regelingen/{schemeId}");
        var (posted, _) = await session.PostFormAsync($"/regelingen/{schemeId}", $"/regelingen/{schemeId}?handler=Approve",
            [new("Input.ApplicationId", id.ToString()), new("Input.PaymentId", payment.ToString()), new("Input.Version", "0")]);

        var problem = await api.AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Contains("fondsbeheerders van deze regeling", problem.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Regio Deal Achterhoek", html);
        Assert.DoesNotContain("id=\"betalingen\"", html);
        Assert.DoesNotContain("BETAAL", html);
        Assert.Equal(HttpStatusCode.Forbidden, posted.StatusCode);
        Assert.Equal(PaymentStatus.Gepland, await PaymentStatusAsync(payment));
    }

    [Fact]
    public async Task Oversight_sees_the_scheme_payments_without_buttons_and_an_unknown_scheme_is_404()
    {
        var (_, schemeId, payment) = await GrantedAsync(100_000m);
        var oversight = await App.ClientAsAsync("toezicht");
        var session = await SignedInAsync("toezicht");

        var payments = JsonDocument.Parse(await oversight.GetStringAsync($"/api/schemes/{schemeId}/payments", Cancellation)).RootElement;
        var (_, html) = await session.GetAsync($"/regelingen/{schemeId}");
        var unknown = await oversight.GetAsync($"/api/schemes/{Guid.NewGuid()}/payments", Cancellation);
        var (unknownPage, _) = await session.GetAsync($"/regelingen/{Guid.NewGuid()}");

        Assert.False(payments.GetProperty("canProcess").GetBoolean());
        var advance = payments.GetProperty("payments").EnumerateArray().Single();
        Assert.Equal((payment, "Voorschot", 40_000m, "Zij-instroom techniek Achterhoek"),
            (advance.GetProperty("id").GetGuid(), advance.GetProperty("kind").GetString(), advance.GetProperty("amount").GetDecimal(), advance.GetProperty("initiativeTitle").GetString()));
        Assert.Contains($"data-testid=\"payment-{payment}\"", html);
        Assert.DoesNotContain("Goedkeuren", html);
        await unknown.AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.NotFound, unknownPage.StatusCode);
    }

    private async Task<PageSession> SignedInAsync(string login)
    {
        var session = new PageSession(App.Factory);
        await session.SignInAsync(login);
        return session;
    }

    /// <summary>An application granted in full through the API, with its planned advance (40 % under the seeded scheme).</summary>
    private async Task<(Guid Application, Guid Scheme, Guid Advance)> GrantedAsync(decimal amount)
    {
        var id = await ReadyForDecisionAsync(amount);
        await SendAsync(await App.ClientAsAsync("beslisser"), $"/api/applications/{id}/decision", new { decision = "toekennen", amount });
        var advance = await App.QueryAsync(db => db.Payments.Where(p => p.ApplicationId == id).Select(p => p.Id).SingleAsync(Cancellation));
        return (id, await SchemeIdAsync(), advance);
    }

    private Task<string> StateAsync(Guid applicationId) =>
        App.QueryAsync(db => db.FundingApplications.Where(a => a.Id == applicationId)
            .Join(db.Cases, a => a.CaseId, c => c.Id, (_, c) => c.State).SingleAsync(Cancellation));

    private Task<PaymentStatus> PaymentStatusAsync(Guid paymentId) =>
        App.QueryAsync(db => db.Payments.Where(p => p.Id == paymentId).Select(p => p.Status).SingleAsync(Cancellation));

    /// <summary>The page as a reader sees it: entities decoded (Razor encodes € and quotes) and non-breaking spaces plain.</summary>
    private static string Text(string html) => WebUtility.HtmlDecode(html).Replace('\u00a0', ' ').Replace('\u202f', ' ');
}
